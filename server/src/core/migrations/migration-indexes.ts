// The indexes the project's migrations leave behind, for the query rules: a column the model
// declares without an index may get one from a revision (`op.create_index`, a unique constraint,
// `CREATE INDEX` in `op.execute` or a hand-written script). The revisions and scripts come from
// the index's facts (read when their files were indexed) and go through the same replay as the
// migration review; nothing here reads a file.
import type { FileFacts } from '../facts';
import {
  alembicEnvironments,
  compareFiles,
  inAlembicEnvironment,
  isTestFile,
} from './migration-layout';
import { finish, type Pausable } from '../pausable';
import { finalSchemaWork } from './replay';
import { chainOfEnvironments } from './revision-chain';
import { UnreadableCode } from './rules/unreadable';
import { hasIndexCovering, hasIndexLeadingWith, type Schema, type SchemaTable } from './schema';
import type { MigrationSource } from './types';

/**
 * What the replayed migrations say about an index:
 * - `indexed`: some migration creates one (or a primary key or unique constraint);
 * - `none`: the migrations create (or change) the table, and no index of the kind asked for;
 * - `unreadable`: migration code Seam cannot read names the table and column, and may create one;
 * - `not-replayed`: the project has no migrations, or none of them creates the table.
 */
export type ReplayedIndex = 'indexed' | 'none' | 'unreadable' | 'not-replayed';

interface ReplayedSchemas {
  /** The final schema of each dialect replayed (branches on the dialect differ). */
  finals: Schema[];
  unreadable: UnreadableCode;
  count: number;
}

export class MigrationIndexes {
  private replayed: ReplayedSchemas | undefined;

  constructor(private readonly files: readonly FileFacts[]) {}

  /** How many revisions and scripts were replayed; 0 when the project has none. */
  get count(): number {
    return this.replay().count;
  }

  /** An index (or primary key, or unique constraint) whose first column is `column`. */
  leadingIndex(table: string, column: string): ReplayedIndex {
    return this.answer(table, [column], (found) => hasIndexLeadingWith(found, column));
  }

  /** One index (or the primary key, or a unique constraint) that holds all of `columns`. */
  coveringIndex(table: string, columns: string[]): ReplayedIndex {
    return this.answer(table, columns, (found) => hasIndexCovering(found, columns));
  }

  private answer(
    table: string,
    columns: string[],
    indexed: (table: SchemaTable) => boolean,
  ): ReplayedIndex {
    const replayed = this.replay();
    if (!replayed.count) return 'not-replayed';
    const tables = replayed.finals.map((schema) => tableNamed(schema, table));
    if (tables.some((found) => found && indexed(found))) return 'indexed';
    if (replayed.unreadable.mentions(table, ...columns)) return 'unreadable';
    return tables.every((found) => found) ? 'none' : 'not-replayed';
  }

  private replay(): ReplayedSchemas {
    return finish(this.replayWork());
  }

  /** Replays the migrations as pausable work; the check does it before the rules ask. */
  *replayWork(): Pausable<ReplayedSchemas> {
    if (this.replayed) return this.replayed;
    const sources = migrationSources(this.files);
    if (lastReplay && sameMigrations(lastReplay.sources, sources)) {
      this.replayed = lastReplay.replayed;
      return this.replayed;
    }
    const finals: Schema[] = [];
    for (const dialect of replayDialects(sources))
      finals.push(yield* finalSchemaWork(sources, dialect));
    this.replayed = { finals, unreadable: new UnreadableCode(sources), count: sources.length };
    lastReplay = { sources, replayed: this.replayed };
    return this.replayed;
  }
}

/**
 * The last replay, kept for the next check: an edit re-extracts only the edited file, so the
 * migrations' facts are the same objects until a migration changes, and the replay (tens of
 * milliseconds on a large project) need not run again.
 */
let lastReplay: { sources: MigrationSource[]; replayed: ReplayedSchemas } | undefined;

function sameMigrations(before: MigrationSource[], now: MigrationSource[]): boolean {
  return (
    before.length === now.length &&
    before.every((source, i) => source.file === now[i].file && source.upgrade === now[i].upgrade)
  );
}

/** Revisions in chain order per Alembic environment, then scripts in file order, as reviewed. */
function migrationSources(files: readonly FileFacts[]): MigrationSource[] {
  const byFile = new Map(files.map((facts) => [facts.file, facts]));
  const environments = alembicEnvironments(new Set(byFile.keys()));
  const revisions: MigrationSource[] = [];
  for (const environment of environments) {
    for (const file of environment.revisions) {
      const facts = byFile.get(file);
      if (facts?.migration?.kind !== 'revision') continue;
      revisions.push({ ...sourceOf(facts), environment: environment.dir });
    }
  }
  const scripts = files
    .filter(
      (facts) =>
        facts.migration?.kind === 'script' &&
        !isTestFile(facts.file) &&
        !inAlembicEnvironment(environments, facts.file),
    )
    .sort((a, b) => compareFiles(a.file, b.file))
    .map(sourceOf);
  return [...chainOfEnvironments(revisions).ordered, ...scripts];
}

function sourceOf(facts: FileFacts): MigrationSource {
  const migration = facts.migration!;
  return {
    kind: migration.kind,
    file: facts.file,
    ...(migration.revision ? { revision: migration.revision } : {}),
    upgrade: migration.upgrade,
    downgrade: [],
    imports: [],
    problems: [],
  };
}

/**
 * The facts do not say which database the project runs on. Without dialect branches one replay
 * answers for all; with them, PostgreSQL, SQLite and every dialect named are replayed, and an
 * index any of them creates counts.
 */
function replayDialects(sources: MigrationSource[]): string[] {
  const named = new Set<string>();
  for (const source of sources) {
    for (const operation of source.upgrade) {
      for (const guard of operation.guards) named.add(guard.dialect);
    }
  }
  return named.size ? [...new Set(['postgresql', 'sqlite', ...named])] : ['postgresql'];
}

/** The table by its name as written, or by the lower-case name unquoted SQL folds it to. */
function tableNamed(schema: Schema, name: string): SchemaTable | undefined {
  return schema.get(name) ?? schema.get(name.toLowerCase());
}
