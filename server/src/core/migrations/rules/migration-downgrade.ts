// migration-downgrade: a revision whose downgrade() is missing, does nothing, or leaves some of
// upgrade() in place. Stepping back then records the older revision while the database keeps the
// newer schema, and the next upgrade fails on what is already there.
import type { Finding } from '../../findings/finding';
import { applyOperations, type SourceReplay } from '../replay';
import { cloneSchema, type SchemaColumn } from '../schema';
import type { MigrationSource, Operation } from '../types';
import { finding, type MigrationRule } from './rule';

export const migrationDowngrade: MigrationRule = {
  id: 'migration-downgrade',
  doc: 'downgrade() missing, empty, or not the inverse of upgrade().',
  defaultSeverity: 'warning',
  check(context) {
    const findings: Finding[] = [];
    for (const source of context.sources) {
      const info = source.revision;
      if (!info || !context.reviewed(source.file) || info.upgradeEmpty) continue;
      if (!info.downgradeRange) {
        const range = info.upgradeRange ?? {
          start: { line: 0, character: 0 },
          end: { line: 0, character: 0 },
        };
        findings.push(finding(this, source.file, range, missingMessage()));
        continue;
      }
      if (info.downgradeEmpty) {
        // A data-only upgrade with `pass` as downgrade leaves the schema as it was.
        if (source.upgrade.some(inverseNeeded)) {
          findings.push(finding(this, source.file, info.downgradeRange, emptyMessage(source)));
        }
        continue;
      }
      const replay = context.replay.bySource.get(source);
      const left =
        replay && !info.downgradeRaises ? notRestored(source, replay, context.replay.dialect) : [];
      if (left.length) {
        findings.push(finding(this, source.file, info.downgradeRange, partialMessage(left)));
      }
    }
    return findings;
  },
};

function missingMessage(): string {
  return (
    `This revision has no downgrade(), so \`alembic downgrade\` past it fails. Write the inverse ` +
    `of upgrade(), or raise an error that says the revision is irreversible.`
  );
}

function emptyMessage(source: MigrationSource): string {
  const first = describe(source.upgrade.find((op) => inverseNeeded(op)));
  return (
    `downgrade() does nothing, so stepping back past this revision records the older revision ` +
    `while the database keeps what upgrade() did${first ? ` (${first})` : ''}; the next upgrade ` +
    `then fails on it. Undo upgrade() here, or raise to say the revision is irreversible.`
  );
}

function partialMessage(left: string[]): string {
  const list = left.slice(0, 4).join('; ');
  const more = left.length > 4 ? ` and ${left.length - 4} more` : '';
  return (
    `downgrade() does not undo all of upgrade(): ${list}${more}. After a ` +
    `downgrade the database keeps those changes while Alembic records the older revision. ` +
    `Add the missing inverse operations.`
  );
}

/** Operations a downgrade must reverse; data changes and unreadable code are not judged. */
function inverseNeeded(operation: Operation): boolean {
  if (operation.kind === 'alter_column') {
    return !!operation.newName || operation.type !== undefined || operation.nullable !== undefined;
  }
  const structural = ['create_table', 'drop_table', 'rename_table', 'add_column', 'drop_column'];
  return structural.includes(operation.kind) || operation.kind === 'create_index';
}

function describe(operation: Operation | undefined): string {
  if (!operation) return '';
  if (operation.kind === 'add_column')
    return `add_column ${operation.table}.${operation.column.name}`;
  if ('column' in operation && typeof operation.column === 'string' && 'table' in operation) {
    return `${operation.kind} ${operation.table}.${operation.column}`;
  }
  return 'table' in operation ? `${operation.kind}("${operation.table}")` : operation.kind;
}

/**
 * What the schema keeps after upgrade() then downgrade(), compared with before the upgrade:
 * tables and columns left over or missing, and columns whose type or nullability stays changed.
 * Nothing when downgrade() holds code Seam cannot read.
 */
function notRestored(source: MigrationSource, replay: SourceReplay, dialect: string): string[] {
  if (source.downgrade.some((operation) => operation.kind === 'opaque')) return [];
  const restored = cloneSchema(replay.after);
  applyOperations(restored, source.downgrade, dialect, source.file);
  const touched = touchedByUpgrade(source);
  const differences: string[] = [];
  for (const [name, table] of restored) {
    const before = replay.before.get(name);
    if (!touched.tables.has(name) || table.incomplete || before?.incomplete) continue;
    if (!before) {
      // A table upgrade() drops without Seam having seen it created proves nothing.
      if (touched.created.has(name)) differences.push(`table \`${name}\` stays`);
    } else differences.push(...columnDifferences(name, before.columns, table.columns, touched));
  }
  for (const name of replay.before.keys()) {
    if (touched.tables.has(name) && !restored.has(name)) {
      differences.push(`table \`${name}\` is not recreated`);
    }
  }
  return differences;
}

/** The tables upgrade() changes, and the columns it changes by name (`table.column`). */
interface Touched {
  tables: Set<string>;
  columns: Set<string>;
  /** Tables created, dropped or renamed as a whole: all their columns count. */
  wholeTables: Set<string>;
  /** Tables upgrade() creates (or renames to). */
  created: Set<string>;
}

function touchedByUpgrade(source: MigrationSource): Touched {
  const touched: Touched = {
    tables: new Set(),
    columns: new Set(),
    wholeTables: new Set(),
    created: new Set(),
  };
  for (const operation of source.upgrade) {
    if (!('table' in operation) || typeof operation.table !== 'string') continue;
    touched.tables.add(operation.table);
    if (operation.kind === 'rename_table') touched.tables.add(operation.newName);
    if (operation.kind === 'create_table') touched.created.add(operation.table);
    if (operation.kind === 'rename_table') touched.created.add(operation.newName);
    if (['create_table', 'drop_table', 'rename_table'].includes(operation.kind)) {
      touched.wholeTables.add(operation.table);
      if (operation.kind === 'rename_table') touched.wholeTables.add(operation.newName);
    }
    const column = columnOf(operation);
    if (column) touched.columns.add(`${operation.table}.${column}`);
    if (operation.kind === 'alter_column' && operation.newName) {
      touched.columns.add(`${operation.table}.${operation.newName}`);
    }
  }
  return touched;
}

function columnOf(operation: Operation): string | undefined {
  if (operation.kind === 'add_column') return operation.column.name;
  if (operation.kind === 'drop_column' || operation.kind === 'alter_column')
    return operation.column;
  return undefined;
}

function columnDifferences(
  table: string,
  before: Map<string, SchemaColumn>,
  after: Map<string, SchemaColumn>,
  touched: Touched,
): string[] {
  const differences: string[] = [];
  const changed = (name: string) =>
    touched.wholeTables.has(table) || touched.columns.has(`${table}.${name}`);
  for (const [name, column] of after) {
    if (!changed(name)) continue;
    const old = before.get(name);
    if (!old) differences.push(`\`${table}.${name}\` stays`);
    else if (typeChanged(old, column)) {
      differences.push(
        `\`${table}.${name}\` comes back as \`${column.type?.text}\`, not \`${old.type?.text}\``,
      );
    } else if (old.nullable !== column.nullable) {
      const now = column.nullable ? 'nullable' : 'NOT NULL';
      const was = old.nullable ? 'nullable' : 'NOT NULL';
      differences.push(`\`${table}.${name}\` comes back ${now}, not ${was}`);
    }
  }
  for (const name of before.keys()) {
    if (changed(name) && !after.has(name)) {
      differences.push(`\`${table}.${name}\` is not restored`);
    }
  }
  return differences;
}

/** A type change both sides spell in known families (custom types prove nothing). */
function typeChanged(before: SchemaColumn, after: SchemaColumn): boolean {
  if (!before.type || !after.type) return false;
  if (before.type.family === 'unknown' || after.type.family === 'unknown') return false;
  return before.type.family !== after.type.family || before.type.length !== after.type.length;
}
