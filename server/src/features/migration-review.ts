// "Seam: Review Migration" on the server side: lists the workspace's migrations and reviews one
// with the core's migration review; its findings join the diagnostics of the migration files.
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Connection } from 'vscode-languageserver/node';
import type { Logger } from '../core/log';
import { listMigrations, reviewMigrations } from '../core/migrations/review';
import { formatMigrationMarkdown } from '../cli/formats/migration-markdown';
import {
  Requests,
  type MigrationItem,
  type ReviewMigrationParams,
  type ReviewMigrationResult,
} from '../protocol';
import type { RootState, SeamSession } from '../session/seam-session';

export function registerMigrationReview(
  connection: Connection,
  session: SeamSession,
  logger: Logger,
  whenReady: () => Promise<void>,
  republish: () => void,
): void {
  connection.onRequest(Requests.listMigrations, async (): Promise<MigrationItem[]> => {
    await whenReady();
    try {
      return (await Promise.all(session.roots.map(migrationItems))).flat();
    } catch (error) {
      logger.error('listing migrations failed', error);
      return [];
    }
  });
  connection.onRequest(
    Requests.reviewMigration,
    async (params: ReviewMigrationParams): Promise<ReviewMigrationResult | null> => {
      await whenReady();
      try {
        const result = await reviewMigration(session, params);
        republish();
        return result;
      } catch (error) {
        logger.error('the migration review failed', error);
        return null;
      }
    },
  );
}

/**
 * The root's migrations for the picker, newest first: revisions in reverse chain order, then
 * scripts.
 */
export async function migrationItems(root: RootState): Promise<MigrationItem[]> {
  const listed = await listMigrations(root.path, root.index);
  const files = [...listed.revisions.map((revision) => revision.file).reverse(), ...listed.scripts];
  return [...new Set(files)].map((file) => ({
    uri: pathToFileURL(join(root.path, file)).toString(),
    label: file,
  }));
}

export async function reviewMigration(
  session: SeamSession,
  params: ReviewMigrationParams,
): Promise<ReviewMigrationResult | null> {
  const target = fileURLToPath(params.uri);
  const located = session.locate(target);
  if (!located) return null;
  const { sqliteMinVersion } = located.root.config;
  const review = await reviewMigrations({
    root: located.root.path,
    target,
    index: located.root.index,
    ...(sqliteMinVersion ? { sqliteMinVersion } : {}),
  });
  located.root.migrationFindings = review.findings;
  return {
    markdown: formatMigrationMarkdown(review),
    findings: review.findings.map((finding) => ({
      code: finding.code,
      severity: finding.severity,
      message: finding.message,
      uri: pathToFileURL(join(located.root.path, finding.file)).toString(),
      range: finding.range,
    })),
  };
}
