// What a migration rule is and what it reads: the migrations (in replay order), the replayed
// schema, the models' tables, and which files are under review. Rules never touch the disk.
import type { Finding, RelatedLocation, Severity } from '../../findings/finding';
import type { Range } from '../../facts';
import type { IndexView } from '../../index/resolved';
import type { Pairing } from '../../pairing/pairs';
import type { ModelTable } from '../model-tables';
import type { Replay, ReplayStep, SourceReplay } from '../replay';
import type { RevisionChain } from '../revision-chain';
import type { MigrationSource, Operation } from '../types';

/** Where the schema stood before the first migration. */
export type Baseline =
  /**
   * Alembic: the first revision starts from an empty database. `createAll` says the application
   * also calls create_all(), which makes the tables no migration creates.
   */
  | { kind: 'alembic'; createAll: boolean }
  /** Scripts over `create_all()`: the models at a git revision. */
  | { kind: 'git'; revision: string }
  /** Scripts over `create_all()`, and no baseline to be had. */
  | { kind: 'unknown'; reason: string };

export interface MigrationRuleContext {
  view: IndexView;
  /** Every migration in replay order: revisions, then scripts. */
  sources: MigrationSource[];
  chain: RevisionChain;
  replay: Replay;
  models: Map<string, ModelTable>;
  baseline: Baseline;
  /** Whether a file is under review; findings in other migration files are left out. */
  reviewed(file: string): boolean;
  /** Whether SQLite rules apply to a source. */
  sqlite(source: MigrationSource): boolean;
  sqliteMinVersion?: string;
  /** Frontend/backend pairs, computed on first use. */
  pairing(): Pairing;
}

export interface MigrationRule {
  id: string;
  /** One line: what the rule finds. */
  doc: string;
  defaultSeverity: Severity;
  check(context: MigrationRuleContext): Finding[];
}

/** A step of a reviewed source with the replay around it. */
export interface ReviewedStep extends ReplayStep {
  source: MigrationSource;
  replay: SourceReplay;
  /** The step as the replay holds it, for identity comparisons. */
  original: ReplayStep;
}

/** The replayed steps (upgrades and scripts) of the sources under review. */
export function reviewedSteps(context: MigrationRuleContext): ReviewedStep[] {
  return context.replay.sources
    .filter((replay) => context.reviewed(replay.source.file))
    .flatMap((replay) =>
      replay.steps.map((step) => ({ ...step, source: replay.source, replay, original: step })),
    );
}

/** Every operation of the sources under review, downgrades included, replayed or not. */
export function reviewedOperations(context: MigrationRuleContext): [MigrationSource, Operation][] {
  return context.sources
    .filter((source) => context.reviewed(source.file))
    .flatMap((source) =>
      [...source.upgrade, ...source.downgrade].map(
        (op) => [source, op] as [MigrationSource, Operation],
      ),
    );
}

export function finding(
  rule: MigrationRule,
  file: string,
  range: Range,
  message: string,
  related: RelatedLocation[] = [],
  severity: Severity = rule.defaultSeverity,
): Finding {
  return { code: rule.id, severity, file, range, message, related };
}

/** `parts.min_quantity` in backticks, for messages. */
export function columnName(table: string, column: string): string {
  return `\`${table}.${column}\``;
}
