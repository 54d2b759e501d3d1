// Small readers over sql-parser-cst nodes: names, column definitions, constraints and data types.
import type { ColumnDefinition, DataType, Node as SqlNode } from 'sql-parser-cst';
import type { Range } from '../facts';
import type { LocatedText } from './python-strings';
import { sqlExpressionIsConstant } from './sql-parse';
import { familyOfSqlTypeName } from './sql-types';
import type { ColumnSpec, ConstraintSpec, ForeignKeyTarget, SqlType } from './types';

export interface SqlText {
  located: LocatedText;
  rangeOf(node: { range?: [number, number] }): Range;
}

/** Schemas that name the default one; a table in any other schema is another table. */
const DEFAULT_SCHEMAS = new Set(['main', 'public', 'temp']);

/**
 * `parts`, `main.parts`, `"parts"` → parts; anything else → undefined, including tables of
 * another schema (`tenant_a.parts`), which the replay does not confuse with `parts`.
 */
export function entityName(node: unknown): string | undefined {
  if (!node || typeof node !== 'object') return undefined;
  const sqlNode = node as SqlNode;
  if (sqlNode.type === 'identifier') return sqlNode.name;
  if (sqlNode.type === 'member_expr') {
    const schema = sqlNode.object.type === 'identifier' ? sqlNode.object.name : undefined;
    if (schema !== undefined && !DEFAULT_SCHEMAS.has(schema.toLowerCase())) return undefined;
    return entityName(sqlNode.property);
  }
  if ('table' in sqlNode) return entityName((sqlNode as { table: unknown }).table);
  return undefined;
}

/** The column names in `(a, b DESC)` lists of identifiers or index specifications. */
export function identifierNames(node: unknown): string[] {
  const names: string[] = [];
  const list = (node as { expr?: { items?: unknown[] } } | undefined)?.expr?.items ?? [];
  for (const item of list) {
    const sqlNode = item as SqlNode;
    const target = sqlNode.type === 'index_specification' ? sqlNode.expr : sqlNode;
    const name = entityName(target);
    if (name) names.push(name);
  }
  return names;
}

function sliceOf(sql: SqlText, node: { range?: [number, number] }): string {
  return sql.located.text.slice(...(node.range ?? [0, 0]));
}

/** A data type's family and length: `VARCHAR(500)` → string of 500. */
export function sqlTypeOf(dataType: DataType, sql: SqlText): SqlType {
  const text = sliceOf(sql, dataType);
  const type: SqlType = { text, family: familyOfSqlTypeName(typeName(dataType)) };
  if (dataType.type === 'modified_data_type' && type.family === 'string') {
    const first =
      dataType.modifiers?.type === 'paren_expr' ? dataType.modifiers.expr.items[0] : undefined;
    if (first?.type === 'number_literal') type.length = Number(first.value);
  }
  return type;
}

function typeName(dataType: DataType): string {
  switch (dataType.type) {
    case 'data_type_name':
      return (Array.isArray(dataType.name) ? dataType.name[0] : dataType.name).name;
    case 'modified_data_type':
      return typeName(dataType.dataType);
    case 'time_data_type':
      return dataType.timeKw.name;
    case 'interval_data_type':
      return 'interval';
    case 'array_data_type':
      return 'array';
  }
  return entityName(dataType) ?? '';
}

/** A column definition of CREATE TABLE or ADD COLUMN → its spec. */
export function columnDefinitionSpec(definition: ColumnDefinition, sql: SqlText): ColumnSpec {
  const column: ColumnSpec = {
    name: definition.name.name,
    primaryKey: false,
    unique: false,
    index: false,
    range: sql.rangeOf(definition),
  };
  if (definition.dataType) column.type = sqlTypeOf(definition.dataType, sql);
  for (const item of definition.constraints) {
    const constraint = item.type === 'constraint' ? item.constraint : item;
    applyColumnConstraint(column, constraint, sql);
  }
  return column;
}

function applyColumnConstraint(column: ColumnSpec, constraint: SqlNode, sql: SqlText): void {
  switch (constraint.type) {
    case 'constraint_not_null':
      column.nullable = false;
      return;
    case 'constraint_null':
      column.nullable = true;
      return;
    case 'constraint_primary_key':
      column.primaryKey = true;
      return;
    case 'constraint_unique':
      column.unique = true;
      return;
    case 'references_specification':
      column.foreignKey = referenceTarget(constraint);
      return;
    case 'constraint_default': {
      const text = sliceOf(sql, constraint.expr);
      const parenthesised = constraint.expr.type === 'paren_expr';
      column.serverDefault = {
        text,
        constant: parenthesised ? false : sqlExpressionIsConstant(text),
      };
    }
  }
}

function referenceTarget(reference: SqlNode): ForeignKeyTarget | undefined {
  if (reference.type !== 'references_specification') return undefined;
  const table = entityName(reference.table);
  if (!table) return undefined;
  const column = identifierNames(reference.columns)[0];
  return { table, ...(column ? { column } : {}) };
}

/** A table constraint (possibly wrapped with `CONSTRAINT name`) → its spec. */
export function constraintOf(node: SqlNode): ConstraintSpec | undefined {
  if (node.type === 'constraint') {
    const inner = constraintOf(node.constraint);
    const name = node.name?.name?.name;
    return inner && name ? { ...inner, name } : inner;
  }
  switch (node.type) {
    case 'constraint_primary_key':
      return { kind: 'primarykey', columns: identifierNames(node.columns) };
    case 'constraint_unique':
      return { kind: 'unique', columns: identifierNames(node.columns) };
    case 'constraint_check':
      return { kind: 'check', columns: [] };
    case 'constraint_foreign_key': {
      const target = referenceTarget(node.references);
      const columns = identifierNames(node.references.columns);
      if (!target) return undefined;
      const references = { table: target.table, columns };
      return { kind: 'foreignkey', columns: identifierNames(node.columns), references };
    }
  }
  return undefined;
}
