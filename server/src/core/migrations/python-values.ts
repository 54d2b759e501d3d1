// Reading the literal values of a migration's Python code: call arguments, strings (also through
// simple variables), booleans, numbers and lists of names.
import type { Node } from 'web-tree-sitter';
import type { Range } from '../facts';
import { rangeOf } from '../syntax/nodes';
import { locatedString } from './python-strings';

export interface PythonCall {
  /** The called expression as written: `op.add_column`, `sa.Column`. */
  callee: string;
  /** Its last dotted part: `add_column`. */
  name: string;
  /** The part before the last dot: `op`, `batch_op`, `sa`; empty for a bare name. */
  receiver: string;
  positional: Node[];
  keywords: Map<string, Node>;
  node: Node;
  /** Range of the called expression, where findings about the call start. */
  calleeRange: Range;
}

/** Names bound to values in the code around a call: `table = "parts"`, loop variables. */
export type NameScope = ReadonlyMap<string, Node>;

export const EMPTY_SCOPE: NameScope = new Map();

export function readPythonCall(node: Node | null | undefined): PythonCall | undefined {
  if (!node || node.type !== 'call') return undefined;
  const callee = node.childForFieldName('function');
  if (!callee) return undefined;
  const dot = callee.text.lastIndexOf('.');
  const call: PythonCall = {
    callee: callee.text,
    name: callee.text.slice(dot + 1),
    receiver: dot < 0 ? '' : callee.text.slice(0, dot),
    positional: [],
    keywords: new Map(),
    node,
    calleeRange: rangeOf(callee),
  };
  const argumentList = node.childForFieldName('arguments');
  if (argumentList?.type === 'argument_list') collectArguments(argumentList, call);
  return call;
}

function collectArguments(argumentList: Node, call: PythonCall): void {
  for (const argument of argumentList.namedChildren) {
    if (!argument || argument.type === 'comment') continue;
    if (argument.type !== 'keyword_argument') {
      call.positional.push(argument);
      continue;
    }
    const name = argument.childForFieldName('name');
    const value = argument.childForFieldName('value');
    if (name && value) call.keywords.set(name.text, value);
  }
}

/** The argument at a position or under a keyword (Alembic accepts both). */
export function argumentOf(call: PythonCall, index: number, keyword: string): Node | undefined {
  return call.keywords.get(keyword) ?? (index >= 0 ? call.positional[index] : undefined);
}

/** Follows a bare name to the value it was bound to, a few steps at most. */
export function resolveName(node: Node | undefined, scope: NameScope): Node | undefined {
  let current = node;
  for (let step = 0; current?.type === 'identifier' && step < 4; step++) {
    const bound = scope.get(current.text);
    if (!bound || bound.id === current.id) break;
    current = bound;
  }
  return current;
}

/** A string literal, a name bound to one, or `op.f("ix_name")`; undefined otherwise. */
export function stringOf(node: Node | undefined, scope: NameScope = EMPTY_SCOPE) {
  const value = resolveName(node, scope);
  if (!value) return undefined;
  const call = readPythonCall(value);
  if (call && (call.name === 'f' || call.name === 'conv') && call.positional[0]) {
    return stringOf(call.positional[0], scope);
  }
  return locatedString(value)?.text;
}

export function booleanOf(node: Node | undefined, scope: NameScope = EMPTY_SCOPE) {
  const value = resolveName(node, scope);
  if (value?.type === 'true') return true;
  if (value?.type === 'false') return false;
  return undefined;
}

export function isNone(node: Node | undefined): boolean {
  return node?.type === 'none';
}

export function numberOf(node: Node | undefined): number | undefined {
  if (node?.type !== 'integer') return undefined;
  const value = Number(node.text.replace(/_/g, ''));
  return Number.isFinite(value) ? value : undefined;
}

/** `["a", "b"]`, `("a",)` or a single `"a"` → names; undefined when any item is not literal. */
export function stringListOf(node: Node | undefined, scope: NameScope = EMPTY_SCOPE) {
  const value = resolveName(node, scope);
  if (!value) return undefined;
  const single = stringOf(value, scope);
  if (single !== undefined) return [single];
  if (!['list', 'tuple', 'parenthesized_expression'].includes(value.type)) return undefined;
  const items = value.namedChildren.filter(
    (item): item is Node => !!item && item.type !== 'comment',
  );
  const names = items.map((item) => stringOf(item, scope));
  return names.every((name): name is string => name !== undefined) ? names : undefined;
}

/** The literal strings anywhere inside a node: what an unreadable call still mentions. */
export function mentionedStrings(node: Node): string[] {
  const names = new Set<string>();
  for (const string of node.descendantsOfType('string')) {
    const value = string ? locatedString(string)?.text : undefined;
    if (value && value.length < 200) names.add(value);
  }
  return [...names];
}
