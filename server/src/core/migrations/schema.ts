// The in-memory database schema the replay builds: tables, their columns (type, nullability,
// defaults, keys), indexes, unique and foreign-key constraints and triggers.
import type { Range } from '../facts';
import type { ColumnDefault, ForeignKeyTarget, SqlType } from './types';

/** Where a schema object came from: the operation (or baseline model) that made it. */
export interface SchemaOrigin {
  file: string;
  range: Range;
  /** The migration source that made it; absent for a git baseline taken from the models. */
  sourceFile?: string;
}

export interface SchemaColumn {
  name: string;
  type?: SqlType;
  nullable: boolean;
  primaryKey: boolean;
  serverDefault?: ColumnDefault;
  foreignKey?: ForeignKeyTarget;
  origin: SchemaOrigin;
}

export interface SchemaIndex {
  name?: string;
  columns: string[];
  unique: boolean;
  /** A unique constraint rather than an index (dropped with drop_constraint). */
  constraint: boolean;
  origin: SchemaOrigin;
}

export interface SchemaForeignKey {
  name?: string;
  columns: string[];
  references: ForeignKeyTarget & { columns: string[] };
}

export interface SchemaTable {
  name: string;
  columns: Map<string, SchemaColumn>;
  indexes: SchemaIndex[];
  foreignKeys: SchemaForeignKey[];
  /** Named CHECK and PRIMARY KEY constraints, for drop_constraint. */
  otherConstraints: string[];
  triggers: string[];
  origin: SchemaOrigin;
  /** Some of its columns came from code Seam could not read, so missing ones prove nothing. */
  incomplete: boolean;
}

export type Schema = Map<string, SchemaTable>;

/** A copy whose tables can change without touching the original (columns are shared). */
export function cloneSchema(schema: Schema): Schema {
  const copy: Schema = new Map();
  for (const [name, table] of schema) {
    copy.set(name, {
      ...table,
      columns: new Map(table.columns),
      indexes: [...table.indexes],
      foreignKeys: [...table.foreignKeys],
      otherConstraints: [...table.otherConstraints],
      triggers: [...table.triggers],
    });
  }
  return copy;
}

export function emptyTable(name: string, origin: SchemaOrigin, incomplete = false): SchemaTable {
  return {
    name,
    columns: new Map(),
    indexes: [],
    foreignKeys: [],
    otherConstraints: [],
    triggers: [],
    origin,
    incomplete,
  };
}

/** Whether an index or unique constraint covers exactly these columns (in any order). */
export function hasIndexOn(table: SchemaTable, columns: string[], unique: boolean): boolean {
  const wanted = [...columns].sort().join(',');
  const primary = [...table.columns.values()].filter((c) => c.primaryKey).map((c) => c.name);
  if (primary.sort().join(',') === wanted) return true;
  return table.indexes.some(
    (index) => [...index.columns].sort().join(',') === wanted && (!unique || index.unique),
  );
}

/** Whether some index (or the primary key) starts with this column, as a lookup by it needs. */
export function hasIndexLeadingWith(table: SchemaTable, column: string): boolean {
  const primary = [...table.columns.values()].filter((c) => c.primaryKey).map((c) => c.name);
  if (primary.length > 0 && primary[0] === column) return true;
  return table.indexes.some((index) => index.columns[0] === column);
}

/** Whether one index, unique constraint or the primary key holds every one of these columns. */
export function hasIndexCovering(table: SchemaTable, columns: string[]): boolean {
  const primary = [...table.columns.values()].filter((c) => c.primaryKey).map((c) => c.name);
  if (columns.every((column) => primary.includes(column))) return true;
  return table.indexes.some((index) => columns.every((column) => index.columns.includes(column)));
}
