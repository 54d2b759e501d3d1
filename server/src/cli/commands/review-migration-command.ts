// `seam review-migration [PATH]`: reviews one migration (in the context of its chain) or every
// migration in a folder against the models, as markdown, JSON or SARIF. Exits 1 when a finding
// is an error, 2 on bad usage.
import { Option, type Command } from 'commander';
import { existsSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { MIGRATION_RULES } from '../../core/migrations/rules/registry';
import {
  defaultMigrationTarget,
  reviewMigrations,
  type MigrationReview,
} from '../../core/migrations/review';
import { loadSeamConfig } from '../../workspace/load-config';
import { loadForCommand } from '../../workspace/analyze-workspace';
import { formatMigrationMarkdown } from '../formats/migration-markdown';
import { formatSarif } from '../formats/sarif';
import { stderrLogger } from '../stderr-logger';
import { SEAM_VERSION } from '../version';

interface ReviewOptions {
  root?: string;
  since?: string;
  sqliteMinVersion?: string;
  format: 'markdown' | 'json' | 'sarif';
  verbose?: boolean;
}

export function registerReviewMigrationCommand(program: Command): void {
  program
    .command('review-migration')
    .description('review migrations against the models, without a database')
    .argument('[path]', 'a migration file or folder (default: the Alembic versions folder)')
    .option('--root <dir>', 'workspace folder; finding paths are relative to it (default: .)')
    .option('--since <rev>', 'git revision of the models before the first migration script')
    .option(
      '--sqlite-min-version <version>',
      'oldest SQLite the project supports, e.g. 3.31 ' +
        '(default: seam.json migrations.sqliteMinVersion)',
    )
    .addOption(
      new Option('--format <format>', 'output format')
        .choices(['markdown', 'json', 'sarif'])
        .default('markdown'),
    )
    .option('--verbose', 'log skipped files and timings to stderr')
    .action(async (path: string | undefined, options: ReviewOptions) => {
      const root = resolve(options.root ?? '.');
      const review = await runReview(root, path, options);
      if (!review) return;
      process.stdout.write(`${formatReview(review, options.format)}\n`);
      process.exitCode = review.findings.some((finding) => finding.severity === 'error') ? 1 : 0;
    });
}

async function runReview(root: string, path: string | undefined, options: ReviewOptions) {
  if (!existsSync(root)) return usageError(`no folder ${root}`);
  const { config, problems } = loadSeamConfig(root);
  for (const problem of problems) stderrLogger.warn(problem);
  const logger = options.verbose ? stderrLogger : undefined;
  const workspace = await loadForCommand(root, {
    logger,
    include: config.include,
    exclude: config.exclude,
  });
  const target = path ? resolve(path) : defaultMigrationTarget(root, workspace.index);
  if (!target) return usageError(`no Alembic versions folder or migration script under ${root}`);
  if (!existsSync(target)) return usageError(`no file or folder ${target}`);
  if (relative(root, target).startsWith('..'))
    return usageError(`${target} is outside --root ${root}`);
  return reviewMigrations({
    root,
    target,
    index: workspace.index,
    ...(options.since ? { since: options.since } : {}),
    // The flag wins over seam.json's `migrations.sqliteMinVersion`.
    ...sqliteMinimum(options.sqliteMinVersion ?? config.sqliteMinVersion),
    ...(logger ? { logger } : {}),
  });
}

function sqliteMinimum(version: string | undefined): { sqliteMinVersion?: string } {
  return version ? { sqliteMinVersion: version } : {};
}

function usageError(message: string): undefined {
  process.stderr.write(`seam review-migration: ${message}\n`);
  process.exitCode = 2;
  return undefined;
}

function formatReview(review: MigrationReview, format: ReviewOptions['format']): string {
  switch (format) {
    case 'json':
      return JSON.stringify(reviewJson(review), null, 2);
    case 'sarif':
      return formatSarif(review.findings, MIGRATION_RULES, SEAM_VERSION);
    case 'markdown':
      return formatMigrationMarkdown(review);
  }
}

/** The JSON contract, version 1: add fields, never rename or remove them. */
function reviewJson(review: MigrationReview) {
  return {
    version: review.version,
    migration: review.migration,
    revisions: review.revisions,
    findings: review.findings.map(({ code, severity, message, file, range, related }) => ({
      code,
      severity,
      message,
      file,
      range,
      related,
    })),
  };
}
