// "Seam: Review Migration" on the server side: lists the workspace's migrations and reviews one
// with the core's migration review; its findings join the diagnostics of the migration files.
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Connection } from 'vscode-languageserver/node';
import type { Logger } from '../core/log';
import { discoverMigrations } from '../core/migrations/discover-migrations';
import { reviewMigrations } from '../core/migrations/review';
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
      return session.roots.flatMap(listMigrations);
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

/** Alembic revisions (newest first by file time) and migration scripts of one root. */
export function listMigrations(root: RootState): MigrationItem[] {
  const pythonFiles = [...root.index.allFacts()]
    .map((f) => f.file)
    .filter((f) => f.endsWith('.py'));
  const found = discoverMigrations(root.path, pythonFiles);
  const files = [
    ...found.alembic.flatMap((environment) =>
      pythonFiles.filter((file) => file.startsWith(`${environment.dir}/versions/`)),
    ),
    ...found.scripts,
  ];
  const modified = (file: string) => {
    const path = join(root.path, file);
    return existsSync(path) ? statSync(path).mtimeMs : 0;
  };
  return [...new Set(files)]
    .sort((a, b) => modified(b) - modified(a))
    .map((file) => ({ uri: pathToFileURL(join(root.path, file)).toString(), label: file }));
}

export async function reviewMigration(
  session: SeamSession,
  params: ReviewMigrationParams,
): Promise<ReviewMigrationResult | null> {
  const target = fileURLToPath(params.uri);
  const located = session.locate(target);
  if (!located) return null;
  const review = await reviewMigrations({
    root: located.root.path,
    target,
    index: located.root.index,
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
