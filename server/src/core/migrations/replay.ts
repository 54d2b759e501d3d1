// Replays migrations in order onto an in-memory schema: every revision's upgrade(), then every
// script. Each source keeps the schema as it stood before it, and each step what it removed, so
// the rules can ask "did this table exist before this revision?" and "what type was it?".
import type { Pausable } from '../pausable';
import { runsOn } from './dialect-guards';
import {
  cloneSchema,
  emptyTable,
  type Schema,
  type SchemaColumn,
  type SchemaOrigin,
  type SchemaTable,
} from './schema';
import type { ColumnSpec, ConstraintSpec, MigrationSource, Operation, OperationOf } from './types';

export interface ReplayStep {
  operation: Operation;
  /** What a drop_column or alter_column found before it ran. */
  previousColumn?: SchemaColumn;
  /** What a drop_table removed. */
  previousTable?: SchemaTable;
}

export interface SourceReplay {
  source: MigrationSource;
  before: Schema;
  after: Schema;
  steps: ReplayStep[];
}

export interface Replay {
  /** The dialect whose branches were followed. */
  dialect: string;
  sources: SourceReplay[];
  bySource: Map<MigrationSource, SourceReplay>;
  final: Schema;
}

/** Applies each source's upgrade operations that run on `dialect`, in the order given. */
export function replayMigrations(
  baseline: Schema,
  sources: readonly MigrationSource[],
  dialect: string,
): Replay {
  let schema = cloneSchema(baseline);
  const replay: Replay = { dialect, sources: [], bySource: new Map(), final: schema };
  for (const source of sources) {
    const before = schema;
    schema = cloneSchema(schema);
    const steps = applyOperations(schema, source.upgrade, dialect, source.file);
    const sourceReplay = { source, before, after: schema, steps };
    replay.sources.push(sourceReplay);
    replay.bySource.set(source, sourceReplay);
  }
  replay.final = schema;
  return replay;
}

/**
 * The schema the sources leave, without the snapshots before and after each (what the query
 * rules ask about): one schema changed in place, as pausable work that pauses after each source.
 */
export function* finalSchemaWork(
  sources: readonly MigrationSource[],
  dialect: string,
): Pausable<Schema> {
  const schema: Schema = new Map();
  for (const source of sources) {
    applyOperations(schema, source.upgrade, dialect, source.file);
    yield;
  }
  return schema;
}

/** Applies operations that run on `dialect` to `schema` in place. */
export function applyOperations(
  schema: Schema,
  operations: readonly Operation[],
  dialect: string,
  sourceFile: string,
): ReplayStep[] {
  return operations
    .filter((operation) => runsOn(operation.guards, dialect))
    .map((operation) => applyOperation(schema, operation, sourceFile));
}

function originOf(operation: Operation, sourceFile: string, range = operation.range): SchemaOrigin {
  return { file: operation.file, range, sourceFile };
}

function applyOperation(schema: Schema, operation: Operation, sourceFile: string): ReplayStep {
  const step: ReplayStep = { operation };
  const origin = originOf(operation, sourceFile);
  switch (operation.kind) {
    case 'create_table':
      createTable(schema, operation, sourceFile);
      break;
    case 'drop_table':
      step.previousTable = schema.get(operation.table);
      schema.delete(operation.table);
      break;
    case 'rename_table':
      renameTable(schema, operation.table, operation.newName);
      break;
    case 'add_column':
      addColumn(tableFor(schema, operation.table, origin), operation.column, operation, sourceFile);
      break;
    case 'drop_column':
      step.previousColumn = schema.get(operation.table)?.columns.get(operation.column);
      dropColumn(tableFor(schema, operation.table, origin), operation.column);
      break;
    case 'alter_column':
      step.previousColumn = alterColumn(tableFor(schema, operation.table, origin), operation);
      break;
    default:
      applyIndexOrConstraint(schema, operation, origin);
  }
  return step;
}

function applyIndexOrConstraint(schema: Schema, operation: Operation, origin: SchemaOrigin): void {
  switch (operation.kind) {
    case 'create_index': {
      const table = tableFor(schema, operation.table, origin);
      table.indexes = table.indexes.filter((i) => !operation.name || i.name !== operation.name);
      const { name, columns, unique } = operation;
      table.indexes.push({ ...(name ? { name } : {}), columns, unique, constraint: false, origin });
      return;
    }
    case 'drop_index':
      return dropNamed(schema, operation.name, operation.table);
    case 'add_constraint':
      return addConstraint(tableFor(schema, operation.table, origin), operation.constraint, origin);
    case 'drop_constraint':
      if (operation.name) dropNamed(schema, operation.name, operation.table);
      return;
    case 'create_trigger':
      schema.get(operation.table)?.triggers.push(operation.name);
      return;
    case 'opaque':
      for (const name of operation.mentions) {
        const table = schema.get(name);
        if (table) schema.set(name, { ...table, incomplete: true });
      }
  }
}

/** The table an operation changes; a table Seam never saw created is made up, incomplete. */
function tableFor(schema: Schema, name: string, origin: SchemaOrigin): SchemaTable {
  let table = schema.get(name);
  if (!table) {
    table = emptyTable(name, origin, true);
    schema.set(name, table);
  }
  return table;
}

function createTable(schema: Schema, operation: OperationOf<'create_table'>, sourceFile: string) {
  if (operation.ifNotExists && schema.has(operation.table)) return;
  const table = emptyTable(operation.table, originOf(operation, sourceFile));
  const primary = operation.constraints.find((c) => c.kind === 'primarykey')?.columns ?? [];
  for (const spec of operation.columns) {
    const inPrimaryKey = spec.primaryKey || primary.includes(spec.name);
    addColumn(table, { ...spec, primaryKey: inPrimaryKey }, operation, sourceFile);
  }
  for (const constraint of operation.constraints) {
    addConstraint(table, constraint, originOf(operation, sourceFile));
  }
  schema.set(table.name, table);
}

function addColumn(
  table: SchemaTable,
  spec: ColumnSpec,
  operation: Operation,
  sourceFile: string,
): void {
  const origin = originOf(
    operation,
    sourceFile,
    operation.kind === 'create_table' ? spec.range : operation.range,
  );
  const column: SchemaColumn = {
    name: spec.name,
    nullable: spec.nullable ?? !spec.primaryKey,
    primaryKey: spec.primaryKey,
    origin,
    ...(spec.type ? { type: spec.type } : {}),
    ...(spec.serverDefault ? { serverDefault: spec.serverDefault } : {}),
    ...(spec.foreignKey ? { foreignKey: spec.foreignKey } : {}),
  };
  table.columns.set(spec.name, column);
  addColumnKeys(table, spec, origin);
}

/** `index=True`, `unique=True` and `ForeignKey(...)` on a column become table objects. */
function addColumnKeys(table: SchemaTable, spec: ColumnSpec, origin: SchemaOrigin): void {
  if (spec.index || spec.unique) {
    const name = spec.index ? `ix_${table.name}_${spec.name}` : undefined;
    const unique = spec.unique;
    const index = { columns: [spec.name], unique, constraint: !spec.index, origin };
    table.indexes.push(name ? { name, ...index } : index);
  }
  if (spec.foreignKey) {
    const columns = spec.foreignKey.column ? [spec.foreignKey.column] : [];
    table.foreignKeys.push({ columns: [spec.name], references: { ...spec.foreignKey, columns } });
  }
}

function addConstraint(table: SchemaTable, constraint: ConstraintSpec, origin: SchemaOrigin) {
  const named = constraint.name ? { name: constraint.name } : {};
  if (constraint.kind === 'unique') {
    table.indexes.push({
      ...named,
      columns: constraint.columns,
      unique: true,
      constraint: true,
      origin,
    });
  } else if (constraint.kind === 'foreignkey' && constraint.references) {
    table.foreignKeys.push({
      ...named,
      columns: constraint.columns,
      references: constraint.references,
    });
  } else if (constraint.kind === 'primarykey') {
    for (const name of constraint.columns) {
      const column = table.columns.get(name);
      if (column) table.columns.set(name, { ...column, primaryKey: true, nullable: false });
    }
  }
  if (constraint.name && constraint.kind !== 'unique' && constraint.kind !== 'foreignkey') {
    table.otherConstraints.push(constraint.name);
  }
}

function dropColumn(table: SchemaTable, name: string): void {
  table.columns.delete(name);
  table.indexes = table.indexes.filter((index) => !index.columns.includes(name));
  table.foreignKeys = table.foreignKeys.filter((key) => !key.columns.includes(name));
}

function alterColumn(table: SchemaTable, operation: OperationOf<'alter_column'>) {
  const previous = table.columns.get(operation.column);
  if (!previous) {
    table.incomplete = true;
    return undefined;
  }
  const next: SchemaColumn = { ...previous };
  if (operation.type) next.type = operation.type;
  if (operation.nullable !== undefined) next.nullable = operation.nullable;
  if (operation.serverDefault === null) delete next.serverDefault;
  else if (operation.serverDefault) next.serverDefault = operation.serverDefault;
  const name = operation.newName ?? operation.column;
  if (operation.newName) renameColumn(table, operation.column, operation.newName);
  table.columns.set(name, { ...next, name });
  return previous;
}

function renameColumn(table: SchemaTable, from: string, to: string): void {
  table.columns.delete(from);
  const rename = (columns: string[]) => columns.map((column) => (column === from ? to : column));
  table.indexes = table.indexes.map((index) => ({ ...index, columns: rename(index.columns) }));
  table.foreignKeys = table.foreignKeys.map((key) => ({ ...key, columns: rename(key.columns) }));
}

function renameTable(schema: Schema, from: string, to: string): void {
  const table = schema.get(from);
  if (!table) return;
  schema.delete(from);
  schema.set(to, { ...table, name: to });
  for (const other of schema.values()) {
    other.foreignKeys = other.foreignKeys.map((key) =>
      key.references.table === from
        ? { ...key, references: { ...key.references, table: to } }
        : key,
    );
  }
}

/** Drops an index or constraint by name; databases disagree on which is which, so both go. */
function dropNamed(schema: Schema, name: string, tableName: string | undefined) {
  const tables =
    tableName && schema.has(tableName) ? [schema.get(tableName)] : [...schema.values()];
  for (const table of tables) {
    if (!table) continue;
    table.indexes = table.indexes.filter((index) => index.name !== name);
    table.foreignKeys = table.foreignKeys.filter((key) => key.name !== name);
    table.otherConstraints = table.otherConstraints.filter((other) => other !== name);
  }
}
