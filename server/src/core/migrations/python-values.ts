// Reading the literal values of a migration's Python code: call arguments, strings (also through
// simple variables), booleans, numbers and lists of names.
import type { Node } from 'web-tree-sitter';
import type { Range } from '../facts';
import { inCleanTree, rangeOfText } from '../syntax/nodes';
import { sourceOf } from '../syntax/parser';
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
  return callOf(node);
}

function callOf(node: Node): PythonCall | undefined {
  const argumentList = node.childForFieldName('arguments');
  const callee = calleeFromSource(node, argumentList) ?? calleeFromTree(node);
  if (!callee) return undefined;
  const dot = callee.text.lastIndexOf('.');
  const call: PythonCall = {
    callee: callee.text,
    name: callee.text.slice(dot + 1),
    receiver: dot < 0 ? '' : callee.text.slice(0, dot),
    positional: [],
    keywords: new Map(),
    node,
    calleeRange: callee.range,
  };
  if (argumentList?.type === 'argument_list') collectArguments(argumentList, call);
  return call;
}

interface Callee {
  text: string;
  range: Range;
}

/** A dotted name and the spaces before the arguments: `sa.Column`, `op.create_table`. */
const DOTTED_CALLEE = /^([A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*)[ \t\r\n]*$/;

/**
 * Most callees are dotted names, read here from the source between the call's start and its
 * arguments: the callee node is not asked for, which spares three calls into wasm. A tree with
 * an error anywhere is read from its nodes only, as its text may not be what they hold.
 */
function calleeFromSource(node: Node, argumentList: Node | null): Callee | undefined {
  const source = sourceOf(node.tree);
  if (!argumentList || source === undefined) return undefined;
  const match = DOTTED_CALLEE.exec(source.slice(node.startIndex, argumentList.startIndex));
  if (!match || !inCleanTree(node)) return undefined;
  return { text: match[1], range: rangeOfText(node, match[1]) };
}

function calleeFromTree(node: Node): Callee | undefined {
  const callee = node.childForFieldName('function');
  if (!callee) return undefined;
  const text = callee.text;
  return { text, range: rangeOfText(callee, text) };
}

function collectArguments(argumentList: Node, call: PythonCall): void {
  for (const argument of argumentList.namedChildren) {
    const type = argument?.type;
    if (!argument || type === 'comment') continue;
    if (type !== 'keyword_argument') {
      call.positional.push(argument);
      continue;
    }
    const name = keywordName(argument);
    const value = argument.childForFieldName('value');
    if (name !== undefined && value) call.keywords.set(name, value);
  }
}

/** An ASCII name and then what cannot continue it: the whole name in `nullable=False`. */
const KEYWORD_NAME = /[A-Za-z_]\w*(?=[\s=#\\])/y;

/** The keyword's name, read from the source where the tree is free of errors (see above). */
function keywordName(argument: Node): string | undefined {
  const source = sourceOf(argument.tree);
  if (source !== undefined && inCleanTree(argument)) {
    KEYWORD_NAME.lastIndex = argument.startIndex;
    const match = KEYWORD_NAME.exec(source);
    if (match) return match[0];
  }
  return argument.childForFieldName('name')?.text;
}

/** The argument at a position or under a keyword (Alembic accepts both). */
export function argumentOf(call: PythonCall, index: number, keyword: string): Node | undefined {
  return call.keywords.get(keyword) ?? (index >= 0 ? call.positional[index] : undefined);
}

/** Follows a bare name to the value it was bound to, a few steps at most. */
export function resolveName(node: Node | undefined, scope: NameScope): Node | undefined {
  return resolveTyped(node, scope)?.node;
}

interface TypedNode {
  node: Node;
  type: string;
}

/** resolveName, also giving the type of the node it stops at, which it had to read anyway. */
function resolveTyped(node: Node | undefined, scope: NameScope): TypedNode | undefined {
  if (!node) return undefined;
  let current = node;
  let type = current.type;
  for (let step = 0; type === 'identifier' && step < 4; step++) {
    const bound = scope.get(current.text);
    if (!bound || bound.id === current.id) break;
    current = bound;
    type = current.type;
  }
  return { node: current, type };
}

/** A string literal, a name bound to one, or `op.f("ix_name")`; undefined otherwise. */
export function stringOf(node: Node | undefined, scope: NameScope = EMPTY_SCOPE) {
  const value = resolveTyped(node, scope);
  return value ? resolvedStringOf(value, scope) : undefined;
}

function resolvedStringOf({ node, type }: TypedNode, scope: NameScope): string | undefined {
  if (type !== 'call') return locatedString(node, type)?.text;
  const call = callOf(node);
  if (call && (call.name === 'f' || call.name === 'conv') && call.positional[0]) {
    return stringOf(call.positional[0], scope);
  }
  return undefined;
}

export function booleanOf(node: Node | undefined, scope: NameScope = EMPTY_SCOPE) {
  const type = resolveTyped(node, scope)?.type;
  if (type === 'true') return true;
  if (type === 'false') return false;
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
  const value = resolveTyped(node, scope);
  if (!value) return undefined;
  const single = typedStringOf(value, scope);
  if (single !== undefined) return [single];
  if (!['list', 'tuple', 'parenthesized_expression'].includes(value.type)) return undefined;
  const items: TypedNode[] = [];
  for (const item of value.node.namedChildren) {
    const type = item?.type;
    if (item && type && type !== 'comment') items.push({ node: item, type });
  }
  const names = items.map((item) => typedStringOf(item, scope));
  return names.every((name): name is string => name !== undefined) ? names : undefined;
}

/** stringOf for a node whose type was read; a name is looked up, perhaps further than before. */
function typedStringOf(value: TypedNode, scope: NameScope): string | undefined {
  return value.type === 'identifier' ? stringOf(value.node, scope) : resolvedStringOf(value, scope);
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
