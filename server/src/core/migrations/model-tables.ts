// The tables the models declare, from the index: SQLModel tables and SQLAlchemy models grouped by
// table name, each column with its type family, length and nullability, and the indexes asked for.
import type { Range, TypeExpr } from '../facts';
import type { IndexView, ResolvedEntity, ResolvedField } from '../index/resolved';
import { parseText } from '../syntax/parser';
import { readSqlType } from './alembic-columns';
import { familyOfPythonTypeName, familyOfSqlTypeName } from './sql-types';
import { ModelSource } from './model-source';
import type { SqlType, TypeFamily } from './types';

export interface ModelColumn {
  table: string;
  column: string;
  entity: ResolvedEntity;
  field: ResolvedField;
  /** The file that declares the field (a base class's file for inherited columns). */
  file: string;
  /** `Part.datasheet_url`. */
  label: string;
  family: TypeFamily;
  length?: number;
  nullable: boolean;
}

export interface ModelIndex {
  columns: string[];
  unique: boolean;
  file: string;
  range: Range;
  label: string;
}

export interface ModelTable {
  name: string;
  entities: ResolvedEntity[];
  columns: Map<string, ModelColumn>;
  indexes: ModelIndex[];
  /** Every base class resolved, so no column can hide in a class Seam does not see. */
  allColumnsKnown: boolean;
  /** Columns that `@declared_attr` methods return: mapped, though not fields in the index. */
  declaredColumns: Set<string>;
}

const ORM_KINDS = new Set(['sqlmodel-table', 'sqlalchemy-model']);
const FRAMEWORK_BASES = new Set([
  'SQLModel',
  'DeclarativeBase',
  'DeclarativeBaseNoMeta',
  'MappedAsDataclass',
  'AsyncAttrs',
  'object',
  'Generic',
  'Protocol',
  'ABC',
]);

/**
 * Model tables by name; entities in `excluded(file)` files (migrations, tests) are left out.
 * `readText` gives a model file's text, for the SQLAlchemy types written beside annotations.
 */
export function modelTables(
  view: IndexView,
  excluded: (file: string) => boolean,
  readText: (file: string) => string | undefined = () => undefined,
): Map<string, ModelTable> {
  const tables = new Map<string, ModelTable>();
  const source = new ModelSource(readText);
  for (const entity of view.entities) {
    if (!ORM_KINDS.has(entity.kind) || entity.abstract || !entity.tableName) continue;
    if (excluded(entity.file)) continue;
    const table = tables.get(entity.tableName) ?? newTable(entity.tableName);
    tables.set(entity.tableName, table);
    addEntity(table, entity, { view, source });
  }
  return tables;
}

interface ModelSources {
  view: IndexView;
  source: ModelSource;
}

function newTable(name: string): ModelTable {
  return {
    name,
    entities: [],
    columns: new Map(),
    indexes: [],
    allColumnsKnown: true,
    declaredColumns: new Set(),
  };
}

function addEntity(table: ModelTable, entity: ResolvedEntity, sources: ModelSources): void {
  const view = sources.view;
  table.entities.push(entity);
  if (!basesKnown(entity, view, new Set())) table.allColumnsKnown = false;
  for (const field of entity.fields) {
    const column = columnOf(entity, field, sources);
    if (!column || !ownColumn(entity, field, view) || table.columns.has(column)) continue;
    table.columns.set(column, modelColumn(table.name, column, entity, field, sources));
    table.indexes.push(...fieldIndexes(entity, field, column));
  }
  for (const index of entity.tableIndexes ?? []) {
    const label = `${entity.name}.__table_args__`;
    const { columns, unique, range } = index;
    table.indexes.push({ columns, unique, file: entity.file, range, label });
  }
  for (const owner of [entity, ...entity.baseIds.map((id) => view.entityById.get(id))]) {
    if (!owner) continue;
    for (const name of sources.source.declaredColumns(owner.file, owner.range)) {
      table.declaredColumns.add(name);
    }
  }
}

/** Calls that map an attribute to something other than a column of the table. */
const NOT_COLUMNS = new Set([
  'association_proxy',
  'column_property',
  'relationship',
  'Relationship',
  'synonym',
  'composite',
  'query_expression',
  'hybrid_property',
]);

/**
 * The column a field maps to, or undefined. SQLAlchemy maps private `_name` attributes too (the
 * index leaves them out of Pydantic shapes), and `mapped_column(name="col")` renames the column.
 */
function columnOf(entity: ResolvedEntity, field: ResolvedField, sources: ModelSources) {
  if (!field.column) return undefined;
  const isPrivate = field.name.startsWith('_') && !field.name.startsWith('__');
  if (field.excluded && !(isPrivate && entity.kind === 'sqlalchemy-model')) return undefined;
  const file = field.declaredIn.split('#')[0];
  const attribute = sources.source.attribute(file, field.range);
  if (attribute?.valueCall && NOT_COLUMNS.has(attribute.valueCall)) return undefined;
  return attribute?.columnName ?? field.column;
}

/**
 * Columns inherited from another mapped table belong to that table (joined inheritance); those
 * from mixins, abstract bases and SQLModel base classes belong to this one.
 */
function ownColumn(entity: ResolvedEntity, field: ResolvedField, view: IndexView): boolean {
  if (field.declaredIn === entity.id) return true;
  const owner = view.entityById.get(field.declaredIn);
  if (!owner || !ORM_KINDS.has(owner.kind) || owner.abstract || !owner.tableName) return true;
  return owner.tableName === entity.tableName;
}

function basesKnown(entity: ResolvedEntity, view: IndexView, seen: Set<string>): boolean {
  if (seen.has(entity.id)) return true;
  seen.add(entity.id);
  const written = entity.bases
    .map((base) => base.replace(/\[.*$/, '').split('.').pop() ?? base)
    .filter((base) => !FRAMEWORK_BASES.has(base));
  if (entity.baseIds.length < written.length) return false;
  return entity.baseIds.every((id) => {
    const base = view.entityById.get(id);
    return !base || basesKnown(base, view, seen);
  });
}

function modelColumn(
  table: string,
  column: string,
  entity: ResolvedEntity,
  field: ResolvedField,
  sources: ModelSources,
): ModelColumn {
  const file = field.declaredIn.split('#')[0];
  const explicit = sources.source.attribute(file, field.range)?.type;
  const typed = explicit ? explicitType(explicit, field) : modelType(field, file, sources.view);
  return {
    table,
    column,
    entity,
    field,
    file,
    label: `${entity.name}.${field.name}`,
    ...typed,
    nullable: field.nullable,
  };
}

function fieldIndexes(entity: ResolvedEntity, field: ResolvedField, column: string): ModelIndex[] {
  if (!field.index && !field.unique) return [];
  const file = field.declaredIn.split('#')[0];
  const label = `${entity.name}.${field.name}`;
  const columns = [column];
  return [{ columns, unique: !!field.unique, file, range: field.range, label }];
}

/** The stated SQLAlchemy type wins over the annotation: it is what the database gets. */
function explicitType(type: SqlType, field: ResolvedField) {
  const length = type.family === 'string' ? (type.length ?? modelLength(field)) : undefined;
  return { family: type.family, ...(length !== undefined ? { length } : {}) };
}

/** The family and length of a model column, from its annotation or its SQLAlchemy type. */
function modelType(field: ResolvedField, file: string, view: IndexView) {
  const expr = unwrapAnnotation(field.typeExpr);
  const name = expr.kind === 'name' ? expr.name : '';
  let family = familyOfPythonTypeName(name);
  if (family === 'unknown') family = familyOfSqlTypeName(name);
  if (family === 'unknown' && name && view.resolveEntity(file, name)?.kind === 'enum')
    family = 'enum';
  const length = family === 'string' ? modelLength(field) : undefined;
  return { family, ...(length !== undefined ? { length } : {}) };
}

const WRAPPERS = new Set(['Mapped', 'Optional', 'Annotated', 'WriteOnlyMapped']);

function unwrapAnnotation(expr: TypeExpr): TypeExpr {
  if (expr.kind === 'union') {
    const members = expr.members.filter((m) => !(m.kind === 'literal' && m.value === null));
    const named = members.filter((m) => !(m.kind === 'name' && m.name === 'None'));
    return named.length === 1 ? unwrapAnnotation(named[0]) : expr;
  }
  if (expr.kind === 'name' && WRAPPERS.has(expr.name.split('.').pop() ?? '') && expr.args[0]) {
    return unwrapAnnotation(expr.args[0]);
  }
  return expr;
}

/** SQLModel's `max_length=80`, or the length of a classic `Column(String(50))`. */
function modelLength(field: ResolvedField): number | undefined {
  const maxLength = field.constraints?.max_length;
  if (maxLength !== undefined)
    return Number.isInteger(Number(maxLength)) ? Number(maxLength) : undefined;
  if (field.typeExpr.kind !== 'name' || !/\(/.test(field.type)) return undefined;
  const tree = parseText('python', field.type);
  try {
    const expression = tree?.rootNode.namedChildren[0]?.namedChildren[0];
    return expression ? readSqlType(expression).length : undefined;
  } finally {
    tree?.delete();
  }
}
