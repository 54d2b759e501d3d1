// The migration review: finds the project's migrations, replays them onto an in-memory schema,
// compares the result with the models in the index and runs the migration rules over the file
// or folder under review. Nothing connects to a database and none of the project's code runs.
import { readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { sortFindings } from '../findings/check';
import type { Finding } from '../findings/finding';
import type { WorkspaceIndex } from '../index/workspace-index';
import { silentLogger, type Logger } from '../log';
import { pairEntities, type Pairing } from '../pairing/pairs';
import { initSyntax } from '../syntax/parser';
import { readAlembicRevision } from './alembic-revision';
import { databaseTarget, readAlembicSettings, type DatabaseTarget } from './alembic-settings';
import { discoverMigrations, isTestFile, type MigrationFiles } from './discover-migrations';
import { gitBaseline } from './git-baseline';
import { readPythonScript, readSqlScript } from './migration-scripts';
import { modelTables } from './model-tables';
import { replayMigrations } from './replay';
import { chainOfEnvironments } from './revision-chain';
import { MIGRATION_RULES } from './rules/registry';
import type { Baseline, MigrationRuleContext } from './rules/rule';
import type { Schema } from './schema';
import type { SqlDialect } from './sql-parse';
import type { MigrationSource } from './types';

export interface MigrationReviewOptions {
  /** The workspace folder; finding paths are relative to it. */
  root: string;
  /** The migration file or folder to review, absolute. */
  target: string;
  index: WorkspaceIndex;
  /** Git revision of the models before the first script (projects without Alembic). */
  since?: string;
  /** The oldest SQLite the project supports (`3.31`); undefined skips the version rule. */
  sqliteMinVersion?: string;
  logger?: Logger;
}

export interface ReviewedRevision {
  id: string | null;
  /** The revision(s) this one follows; a list for merge revisions. */
  downRevision: string | string[] | null;
  file: string;
  message?: string;
}

export interface MigrationReview {
  version: 1;
  /** The reviewed path, relative to the root. */
  migration: string;
  revisions: ReviewedRevision[];
  findings: Finding[];
}

interface LoadedMigrations {
  revisions: MigrationSource[];
  scripts: MigrationSource[];
  sqliteSources: Set<MigrationSource>;
  replayDialect: string;
}

export async function reviewMigrations(options: MigrationReviewOptions): Promise<MigrationReview> {
  await initSyntax();
  const migration = toRelative(options.root, options.target);
  const context = await ruleContext(options, migration);
  const logger = options.logger ?? silentLogger;
  for (const source of context.sources) {
    for (const problem of source.problems) logger.warn(`${source.file}: ${problem}`);
  }
  const findings = runRules(context, logger);
  return {
    version: 1,
    migration,
    revisions: context.chain.ordered
      .filter((source) => context.reviewed(source.file))
      .map(revisionSummary),
    findings: sortFindings(withoutSuppressed(findings, options.index)),
  };
}

/** Everything the rules read: the migrations, their replay, the models, the baseline. */
async function ruleContext(
  options: MigrationReviewOptions,
  migration: string,
): Promise<MigrationRuleContext> {
  const { root, index } = options;
  const files = discoverMigrations(root, pythonFilesOf(index));
  const loaded = loadMigrations(root, files);
  const chain = chainOfEnvironments(loaded.revisions);
  const sources = [...chain.ordered, ...loaded.scripts];
  const excluded = excludedFiles(files, sources);
  const { baseline, schema } = await baselineOf(options, loaded, files, excluded);

  const view = index.view();
  let pairing: Pairing | undefined;
  return {
    view,
    sources,
    chain,
    replay: replayMigrations(schema, sources, loaded.replayDialect),
    models: modelTables(view, excluded, (file) => readText(root, file)),
    baseline,
    reviewed: (file) => migration === '' || file === migration || file.startsWith(`${migration}/`),
    sqlite: (source) => loaded.sqliteSources.has(source),
    ...(options.sqliteMinVersion ? { sqliteMinVersion: options.sqliteMinVersion } : {}),
    pairing: () => (pairing ??= pairEntities(view)),
  };
}

function pythonFilesOf(index: WorkspaceIndex): string[] {
  return [...index.allFacts()].map((facts) => facts.file).filter((file) => file.endsWith('.py'));
}

function toRelative(root: string, path: string): string {
  const relativePath = relative(root, path).split(sep).join('/');
  return relativePath === '.' ? '' : relativePath;
}

function loadMigrations(root: string, files: MigrationFiles): LoadedMigrations {
  const loaded: LoadedMigrations = {
    revisions: [],
    scripts: [],
    sqliteSources: new Set(),
    replayDialect: 'sqlite',
  };
  let projectTarget: DatabaseTarget | undefined;
  for (const environment of files.alembic) {
    const settings = readAlembicSettings(join(root, environment.dir, 'env.py'), root);
    const target = databaseTarget(settings.urlDialects, settings.renderAsBatch);
    projectTarget ??= target;
    for (const file of environment.revisions) {
      const source = readAlembicRevision(file, readText(root, file), target.sqlDialects);
      source.environment = environment.dir;
      loaded.revisions.push(source);
      if (target.sqlite) loaded.sqliteSources.add(source);
    }
  }
  if (projectTarget) loaded.replayDialect = projectTarget.replayDialect;
  loadScripts(root, files, projectTarget, loaded);
  return loaded;
}

/**
 * Scripts run on SQLite when they use sqlite3, when the Alembic environment targets SQLite, or
 * (without Alembic) when the project opens SQLite somewhere.
 */
function loadScripts(
  root: string,
  files: MigrationFiles,
  projectTarget: DatabaseTarget | undefined,
  loaded: LoadedMigrations,
): void {
  const dialects: SqlDialect[] = projectTarget?.sqlDialects ?? ['sqlite', 'postgresql', 'mysql'];
  const projectSqlite = projectTarget ? projectTarget.sqlite : files.usesSqlite;
  for (const file of files.scripts) {
    const text = readText(root, file);
    const source = file.endsWith('.sql')
      ? readSqlScript(file, text, dialects)
      : readPythonScript(file, text, dialects);
    if (!source) continue;
    loaded.scripts.push(source);
    const usesSqlite3 = source.imports.some((spec) => spec.module === 'sqlite3');
    if (usesSqlite3 || projectSqlite) loaded.sqliteSources.add(source);
  }
}

function readText(root: string, file: string): string {
  try {
    return readFileSync(join(root, file), 'utf8');
  } catch {
    return '';
  }
}

/** Files whose classes are not the application's models: migrations, Alembic folders, tests. */
function excludedFiles(files: MigrationFiles, sources: MigrationSource[]) {
  const migrationFiles = new Set(sources.map((source) => source.file));
  const folders = files.alembic.map((environment) => `${environment.dir}/`);
  return (file: string) =>
    migrationFiles.has(file) ||
    isTestFile(file) ||
    folders.some((folder) => folder !== '/' && file.startsWith(folder));
}

async function baselineOf(
  options: MigrationReviewOptions,
  loaded: LoadedMigrations,
  files: MigrationFiles,
  excluded: (file: string) => boolean,
): Promise<{ baseline: Baseline; schema: Schema }> {
  if (loaded.revisions.length || !loaded.scripts.length) {
    return { baseline: { kind: 'alembic', createAll: files.callsCreateAll }, schema: new Map() };
  }
  const scripts = loaded.scripts.map((source) => source.file);
  const git = await gitBaseline(options.root, options.since, scripts, excluded);
  if (!git.ok) return { baseline: { kind: 'unknown', reason: git.reason }, schema: new Map() };
  return { baseline: { kind: 'git', revision: git.revision }, schema: git.schema };
}

function runRules(context: MigrationRuleContext, logger: Logger): Finding[] {
  const findings: Finding[] = [];
  for (const rule of MIGRATION_RULES) {
    try {
      findings.push(...rule.check(context));
    } catch (error) {
      logger.error(`migration rule ${rule.id} failed; its findings are missing`, error);
    }
  }
  return findings;
}

/** Drops findings silenced by a `seam-ignore rule-id: reason` comment on or above their line. */
function withoutSuppressed(findings: Finding[], index: WorkspaceIndex): Finding[] {
  return findings.filter((finding) => {
    const suppressions = index.fileFacts(finding.file)?.suppressions ?? [];
    const line = finding.range.start.line;
    return !suppressions.some(
      (s) => s.reason && (s.line === line - 1 || s.line === line) && s.rules.includes(finding.code),
    );
  });
}

function revisionSummary(source: MigrationSource): ReviewedRevision {
  const info = source.revision;
  const downs = info?.downRevisions ?? [];
  return {
    id: info?.id ?? null,
    downRevision: downs.length === 0 ? null : downs.length === 1 ? downs[0] : downs,
    file: source.file,
    ...(info?.message ? { message: info.message } : {}),
  };
}

/** The folder reviewed when none is given: the first Alembic versions folder, or the scripts'. */
export function defaultMigrationTarget(root: string, index: WorkspaceIndex): string | undefined {
  const files = discoverMigrations(root, pythonFilesOf(index));
  const environment = files.alembic[0];
  if (environment) return join(root, environment.dir, 'versions');
  const script = files.scripts[0];
  if (!script) return undefined;
  return join(root, script.includes('/') ? script.slice(0, script.lastIndexOf('/')) : '');
}

export interface MigrationList {
  /** Alembic revisions in chain order; the last ones are the newest. */
  revisions: ReviewedRevision[];
  /** Files of the revisions no other revision follows (normally one). */
  heads: string[];
  /** Hand-written scripts and `.sql` files, in the order they are replayed. */
  scripts: string[];
}

/** The migrations a "which migration?" picker offers, newest last. */
export async function listMigrations(root: string, index: WorkspaceIndex): Promise<MigrationList> {
  await initSyntax();
  const files = discoverMigrations(root, pythonFilesOf(index));
  const loaded = loadMigrations(root, files);
  const chain = chainOfEnvironments(loaded.revisions);
  return {
    revisions: chain.ordered.map(revisionSummary),
    heads: chain.heads.map((head) => head.file),
    scripts: loaded.scripts.map((script) => script.file),
  };
}
