// SQLAlchemy schema objects as written in a revision: `sa.Column("name", sa.String(50), ...)`,
// `sa.UniqueConstraint(...)`, `sa.ForeignKeyConstraint(...)`, types and server defaults.
import type { Node } from 'web-tree-sitter';
import { rangeOf } from '../syntax/nodes';
import { sqlExpressionIsConstant } from './sql-parse';
import { familyOfSqlTypeName } from './sql-types';
import type { ColumnDefault, ColumnSpec, ConstraintSpec, ForeignKeyTarget, SqlType } from './types';
import {
  booleanOf,
  EMPTY_SCOPE,
  numberOf,
  readPythonCall,
  resolveName,
  stringListOf,
  stringOf,
  type NameScope,
  type PythonCall,
} from './python-values';

/** Positional `Column` arguments that configure the column rather than give its type. */
const COLUMN_OPTIONS = new Set(['ForeignKey', 'Sequence', 'Identity', 'Computed', 'FetchedValue']);

/** `sa.Column(...)` → its spec; undefined when the node is not a Column call with a name. */
export function readColumn(node: Node, scope: NameScope = EMPTY_SCOPE): ColumnSpec | undefined {
  return columnOfCall(readPythonCall(resolveName(node, scope)), scope);
}

/** readColumn for the call its node resolved to, read already. */
export function columnOfCall(
  call: PythonCall | undefined,
  scope: NameScope,
): ColumnSpec | undefined {
  if (!call || call.name !== 'Column') return undefined;
  const name = stringOf(call.positional[0], scope) ?? stringOf(call.keywords.get('name'), scope);
  if (name === undefined) return undefined;
  const column: ColumnSpec = {
    name,
    nullable: booleanOf(call.keywords.get('nullable'), scope),
    primaryKey: booleanOf(call.keywords.get('primary_key'), scope) === true,
    unique: booleanOf(call.keywords.get('unique'), scope) === true,
    index: booleanOf(call.keywords.get('index'), scope) === true,
    range: rangeOf(call.node),
  };
  readColumnPositionals(call, column, scope);
  readColumnDefaults(call, column, scope);
  return column;
}

function readColumnPositionals(call: PythonCall, column: ColumnSpec, scope: NameScope): void {
  const typeKeyword = call.keywords.get('type_');
  if (typeKeyword) column.type = readSqlType(typeKeyword);
  for (const argument of call.positional.slice(1)) {
    const option = readPythonCall(argument);
    if (option?.name === 'ForeignKey') column.foreignKey = foreignKeyOf(option, scope);
    else if (!option || !COLUMN_OPTIONS.has(option.name)) {
      column.type ??= readSqlType(argument, option);
    }
  }
}

function readColumnDefaults(call: PythonCall, column: ColumnSpec, scope: NameScope): void {
  const serverDefault = call.keywords.get('server_default');
  if (serverDefault && serverDefault.type !== 'none') {
    column.serverDefault = readServerDefault(serverDefault, scope);
  }
  const pythonDefault = call.keywords.get('default') ?? call.keywords.get('insert_default');
  if (pythonDefault && pythonDefault.type !== 'none') column.pythonDefault = pythonDefault.text;
}

function foreignKeyOf(call: PythonCall, scope: NameScope): ForeignKeyTarget | undefined {
  const target = stringOf(call.positional[0], scope);
  return target === undefined ? undefined : splitTarget(target);
}

/** `"parts.id"` → table parts, column id; `"public.parts.id"` keeps the last two parts. */
export function splitTarget(target: string): ForeignKeyTarget {
  const parts = target.split('.');
  if (parts.length < 2) return { table: target };
  return { table: parts[parts.length - 2], column: parts[parts.length - 1] };
}

/**
 * `sa.String(length=50)`, `sa.Integer`, `postgresql.UUID(as_uuid=True)` → a typed SqlType. A
 * caller that has read the node as a call passes it.
 */
export function readSqlType(node: Node, call = readPythonCall(node)): SqlType {
  const name = call ? call.callee : node.text;
  const type: SqlType = { text: node.text, family: familyOfSqlTypeName(name) };
  if (call?.name === 'Enum' || call?.name === 'ARRAY') return type;
  const length = call ? numberOf(call.keywords.get('length') ?? call.positional[0]) : undefined;
  if (length !== undefined && type.family === 'string') type.length = length;
  return type;
}

/**
 * `server_default="0"`, `sa.text("CURRENT_TIMESTAMP")`, `sa.func.now()`, `sa.true()`: the text,
 * and whether the database gets a constant (SQLite's ADD COLUMN accepts nothing else).
 */
export function readServerDefault(node: Node, scope: NameScope): ColumnDefault {
  const literal = stringOf(node, scope);
  if (literal !== undefined) return { text: literal, constant: true };
  const call = readPythonCall(node);
  if (!call) return { text: node.text };
  if (call.name === 'text' || call.name === 'literal_column') {
    const sql = stringOf(call.positional[0], scope);
    return { text: sql ?? node.text, constant: sql ? sqlExpressionIsConstant(sql) : undefined };
  }
  if (['true', 'false', 'null', 'literal'].includes(call.name)) {
    return { text: node.text, constant: true };
  }
  if (call.callee.includes('func.')) return { text: node.text, constant: false };
  return { text: node.text };
}

/** Table-level constraints among `create_table`'s arguments. */
export function readTableConstraint(node: Node, scope: NameScope): ConstraintSpec | undefined {
  return tableConstraintOfCall(readPythonCall(resolveName(node, scope)), scope);
}

/** readTableConstraint for the call its node resolved to, read already. */
export function tableConstraintOfCall(
  call: PythonCall | undefined,
  scope: NameScope,
): ConstraintSpec | undefined {
  if (!call) return undefined;
  const name = stringOf(call.keywords.get('name'), scope);
  const named = name !== undefined ? { name } : {};
  const columns = call.positional.map((argument) => stringOf(argument, scope));
  const known = columns.filter((column): column is string => column !== undefined);
  switch (call.name) {
    case 'PrimaryKeyConstraint':
      return { kind: 'primarykey', ...named, columns: known };
    case 'UniqueConstraint':
      return { kind: 'unique', ...named, columns: known };
    case 'CheckConstraint':
      return { kind: 'check', ...named, columns: [] };
    case 'ForeignKeyConstraint':
      return foreignKeyConstraint(call, scope, named);
  }
  return undefined;
}

function foreignKeyConstraint(
  call: PythonCall,
  scope: NameScope,
  named: { name?: string },
): ConstraintSpec | undefined {
  const local = stringListOf(call.positional[0] ?? call.keywords.get('columns'), scope);
  const remote = stringListOf(call.positional[1] ?? call.keywords.get('refcolumns'), scope);
  if (!local || !remote?.length) return undefined;
  const target = splitTarget(remote[0]);
  const references = {
    table: target.table,
    columns: remote.map((r) => splitTarget(r).column ?? r),
  };
  return { kind: 'foreignkey', ...named, columns: local, references };
}
