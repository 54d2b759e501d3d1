// Table indexes and unique constraints: `__table_args__ = (Index("ix", "a"),
// UniqueConstraint(...))` in a class body, and module-level `Index("ix", Part.name)` calls.
import type { Node } from 'web-tree-sitter';
import type { TableIndexFact } from '../facts';
import { namedChildren, rangeOf } from '../syntax/nodes';
import { booleanValue, readCall, stringValue } from './call-args';

/** `Index("ix_a", "a", "b")` / `UniqueConstraint("a", "b", name="uq")` → a TableIndexFact. */
export function tableIndexOfCall(
  node: Node,
  columnNames: Map<string, string>,
): TableIndexFact | undefined {
  const call = readCall(node);
  if (!call || (call.calleeName !== 'Index' && call.calleeName !== 'UniqueConstraint')) {
    return undefined;
  }
  const isIndex = call.calleeName === 'Index';
  const columnArguments = isIndex ? call.positional.slice(1) : call.positional;
  const nameNode = isIndex ? call.positional[0] : call.keywords.get('name');
  const name = nameNode ? stringValue(nameNode) : undefined;
  return {
    ...(name !== undefined ? { name } : {}),
    columns: columnArguments
      .map((argument) => indexColumnName(argument, columnNames))
      .filter((column): column is string => column !== undefined),
    unique: !isIndex || booleanValue(call.keywords.get('unique')) === true,
    range: rangeOf(node),
  };
}

/** A column named by a string, a class attribute (`Part.name`) or a name in the class body. */
function indexColumnName(argument: Node, columnNames: Map<string, string>): string | undefined {
  const text = stringValue(argument);
  if (text !== undefined) return text;
  if (argument.type === 'identifier') return columnNames.get(argument.text) ?? argument.text;
  if (argument.type === 'attribute') {
    const attribute = argument.childForFieldName('attribute')?.text;
    return attribute ? (columnNames.get(attribute) ?? attribute) : undefined;
  }
  return undefined;
}

/** The indexes and unique constraints in a `__table_args__` tuple, list or single call. */
export function tableIndexesOfArgs(
  value: Node,
  columnNames: Map<string, string>,
): TableIndexFact[] {
  const items = ['tuple', 'list', 'parenthesized_expression'].includes(value.type)
    ? namedChildren(value)
    : [value];
  return items
    .map((item) => tableIndexOfCall(item, columnNames))
    .filter((index): index is TableIndexFact => !!index);
}

/** The class a module-level `Index(...)` belongs to: the owner of its first `Class.attr`. */
export function moduleIndexTarget(node: Node): string | undefined {
  const call = readCall(node);
  for (const argument of call?.positional ?? []) {
    if (argument.type !== 'attribute') continue;
    const owner = argument.childForFieldName('object');
    if (owner?.type === 'identifier') return owner.text;
  }
  return undefined;
}
