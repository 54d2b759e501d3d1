// SQLAlchemy and SQLModel column settings read from calls as written:
// `Column(String(50), ForeignKey("t.id"))`, `mapped_column("col", index=True)`, `Field(...)`.
import type { Node } from 'web-tree-sitter';
import type { TypeExpr } from '../facts';
import { booleanValue, readCall, stringOrText, stringValue, type CallArgs } from './call-args';
import { parsePythonType } from './types';

export const COLUMN_CALLS = new Set(['Column', 'mapped_column']);
/** Attributes SQL computes when the row loads: `balance = column_property(select(...))`. */
export const SQL_EXPRESSION_CALLS = new Set(['column_property', 'query_expression']);
/** Pydantic's and SQLModel's `Field`. */
export const FIELD_CALLS = new Set(['Field']);

/** Positional `Column` arguments that configure the column rather than give its type. */
const COLUMN_OPTION_CALLS = new Set(['Sequence', 'Identity', 'Computed', 'FetchedValue']);

/** Column settings gathered from `Column`, `mapped_column` or a SQLModel `Field`. */
export interface ColumnInfo {
  columnName?: string;
  /** The SQLAlchemy type argument (`String(50)`, `Integer`), when given. */
  typeNode?: Node;
  foreignKey?: string;
  primaryKey?: boolean;
  index?: boolean;
  unique?: boolean;
  nullable?: boolean;
  serverDefault?: string;
  /** `default=`, `insert_default=` or `default_factory=`: the keyword argument as written. */
  defaultArgument?: Node;
  defaultValue?: Node;
  doc?: string;
}

export function readColumnCall(call: CallArgs): ColumnInfo {
  const info: ColumnInfo = readColumnKeywords(call);
  readColumnDefault(call, info);
  for (const argument of call.positional) readColumnArgument(argument, info);
  return info;
}

/** A positional argument: the column's name, its type, a `ForeignKey(...)` or an option. */
function readColumnArgument(argument: Node, info: ColumnInfo): void {
  const name = stringValue(argument);
  if (name !== undefined) {
    info.columnName ??= name;
    return;
  }
  const call = readCall(argument);
  const target = call?.calleeName === 'ForeignKey' ? call.positional[0] : undefined;
  if (target) info.foreignKey ??= stringOrText(target);
  else if (!call || !COLUMN_OPTION_CALLS.has(call.calleeName)) info.typeNode ??= argument;
}

const COLUMN_KEYWORD = {
  primaryKey: 'primary_key',
  index: 'index',
  unique: 'unique',
  nullable: 'nullable',
} as const;

/** The `True`/`False` values of a dict literal with string keys: `{"index": True}`. */
function dictBooleans(node: Node | undefined): Record<string, boolean | undefined> {
  const values: Record<string, boolean | undefined> = {};
  if (node?.type !== 'dictionary') return values;
  for (const pair of node.namedChildren) {
    if (pair?.type !== 'pair') continue;
    const key = stringValue(pair.childForFieldName('key') ?? undefined);
    if (key !== undefined) values[key] = booleanValue(pair.childForFieldName('value') ?? undefined);
  }
  return values;
}

/** Keywords shared by `Column`, `mapped_column` and SQLModel's `Field` (its default is its own). */
export function readColumnKeywords(call: CallArgs): ColumnInfo {
  const keywords = call.keywords;
  const info: ColumnInfo = {
    primaryKey: booleanValue(keywords.get('primary_key')),
    index: booleanValue(keywords.get('index')),
    unique: booleanValue(keywords.get('unique')),
    nullable: booleanValue(keywords.get('nullable')),
  };
  // SQLModel passes `sa_column_kwargs={"index": True}` on to the Column it builds.
  const passedOn = dictBooleans(keywords.get('sa_column_kwargs'));
  for (const key of ['primaryKey', 'index', 'unique', 'nullable'] as const)
    info[key] ??= passedOn[COLUMN_KEYWORD[key]];
  const serverDefault = keywords.get('server_default');
  if (serverDefault) info.serverDefault = stringOrText(serverDefault);
  const foreignKey = keywords.get('foreign_key');
  if (foreignKey) info.foreignKey = stringOrText(foreignKey);

  const typeArgument = keywords.get('type_') ?? keywords.get('sa_type');
  if (typeArgument) info.typeNode = typeArgument;
  const doc = keywords.get('doc') ?? keywords.get('comment');
  if (doc) info.doc = stringValue(doc);
  return info;
}

function readColumnDefault(call: CallArgs, info: ColumnInfo): void {
  for (const keyword of ['default', 'insert_default', 'default_factory']) {
    const argument = call.keywordNodes.get(keyword);
    if (!argument) continue;
    info.defaultArgument = argument;
    if (keyword !== 'default_factory') info.defaultValue = call.keywords.get(keyword);
    return;
  }
}

/** Later sources fill what earlier ones left unset: `Field(...)`, then `sa_column=Column(...)`. */
export function mergeColumnInfo(first: ColumnInfo, second: ColumnInfo): ColumnInfo {
  const merged: ColumnInfo = { ...first };
  for (const [key, value] of Object.entries(second) as [keyof ColumnInfo, never][]) {
    if (merged[key] === undefined && value !== undefined) merged[key] = value;
  }
  return merged;
}

/** `String(50)` → String; `Enum(Status)` → Enum with Status; `Integer` → Integer. */
export function sqlTypeExpr(node: Node): TypeExpr {
  const call = readCall(node);
  if (!call) return parsePythonType(node);
  const typeArguments = call.positional.filter((argument) =>
    ['identifier', 'attribute', 'call'].includes(argument.type),
  );
  return { kind: 'name', name: call.callee, args: typeArguments.map(sqlTypeExpr) };
}
