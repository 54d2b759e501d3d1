// Small node helpers shared by the call extractor's modules.
import type { Node, Tree } from 'web-tree-sitter';
import { namedChildren, unquote } from '../syntax/nodes';

/** The value of `key: value`, or the shorthand `key` node itself, in an object literal. */
export function objectEntry(object: Node, key: string): Node | undefined {
  for (const entry of namedChildren(object)) {
    if (entry.type === 'shorthand_property_identifier' && entry.text === key) return entry;
    if (entry.type !== 'pair') continue;
    const name = entry.childForFieldName('key');
    if (name && (unquote(name.text) ?? name.text) === key) {
      return entry.childForFieldName('value') ?? undefined;
    }
  }
  return undefined;
}

/** The arguments of a call, without comments. */
export function callArguments(call: Node): Node[] {
  const list = call.childForFieldName('arguments');
  return list ? namedChildren(list) : [];
}

/** The type arguments written on a call (`get<Part[]>` → `[Part[]]`). */
export function callTypeArguments(call: Node): Node[] {
  const list = call.childForFieldName('type_arguments');
  return list ? namedChildren(list) : [];
}

/**
 * The callee of a call. With type arguments the grammar reads `await api.get<T>(url)` as a call
 * of `await api.get`, so the awaited expression is the callee then.
 */
export function calleeOf(call: Node): Node | undefined {
  const callee = call.childForFieldName('function');
  if (callee?.type !== 'await_expression') return callee ?? undefined;
  return namedChildren(callee)[0];
}

/** `(x)`, `x!`, `x as const`: the expression inside, for reading what a value is. */
export function unwrapExpression(node: Node): Node {
  let current = node;
  for (let depth = 0; depth < 8; depth++) {
    const type = current.type;
    const isConstAssertion = type === 'as_expression' && namedChildren(current).length < 2;
    const isWrapper = type === 'parenthesized_expression' || type === 'non_null_expression';
    const inner = isWrapper || isConstAssertion ? namedChildren(current)[0] : undefined;
    if (!inner) return current;
    current = inner;
  }
  return current;
}

/** A string literal or a template without substitutions, as its text. */
export function literalString(node: Node | undefined): string | undefined {
  if (node?.type === 'string') return unquote(node.text);
  if (node?.type !== 'template_string') return undefined;
  const parts = namedChildren(node);
  if (parts.some((part) => part.type === 'template_substitution')) return undefined;
  return parts.map((part) => part.text).join('');
}

/** Parents already asked for, per tree and node id: a parent step is a search in the tree. */
const parentsByTree = new WeakMap<Tree, Map<number, Node | null>>();

/** `node.parent`, remembered, since scope lookups climb the same ancestors again and again. */
export function parentOf(node: Node): Node | null {
  let parents = parentsByTree.get(node.tree);
  if (!parents) {
    parents = new Map();
    parentsByTree.set(node.tree, parents);
  }
  let parent = parents.get(node.id);
  if (parent === undefined) {
    parent = node.parent;
    parents.set(node.id, parent);
  }
  return parent;
}

export function sameNode(a: Node | null | undefined, b: Node | null | undefined): boolean {
  return !!a && !!b && a.id === b.id;
}
