// Reading Python call expressions and literal values statically: `Field(None, alias="x")`,
// `Column(String(50), nullable=False)`, string and boolean literals, docstrings.
import type { Node } from 'web-tree-sitter';
import type { Range } from '../facts';
import { inCleanTree, namedChildren, unquote } from '../syntax/nodes';
import { baseName } from './types';

export interface CallArgs {
  /** The called expression as written: `Field`, `sa.Column`, `registry().generate_base`. */
  callee: string;
  /** The last dotted part of the callee: `Column` for `sa.Column`. */
  calleeName: string;
  positional: Node[];
  keywords: Map<string, Node>;
  /** The whole `name=value` arguments, for defaults kept as written (`default_factory=list`). */
  keywordNodes: Map<string, Node>;
  node: Node;
}

/** The arguments of a call node, or undefined when the node is not a call. */
export function readCall(node: Node | null | undefined): CallArgs | undefined {
  if (!node || node.type !== 'call') return undefined;
  const callee = node.childForFieldName('function')?.text ?? '';
  const call: CallArgs = {
    callee,
    calleeName: baseName(callee),
    positional: [],
    keywords: new Map(),
    keywordNodes: new Map(),
    node,
  };
  const argumentList = node.childForFieldName('arguments');
  if (argumentList?.type === 'argument_list') collectArguments(argumentList, call);
  return call;
}

function collectArguments(argumentList: Node, call: CallArgs): void {
  for (const argument of argumentList.namedChildren) {
    const type = argument?.type;
    if (!argument || type === 'comment') continue;
    if (type !== 'keyword_argument') {
      call.positional.push(argument);
      continue;
    }
    // A keyword argument's named children are its name and its value (comments may sit between).
    const parts = argument.namedChildren;
    const nameNode = parts[0];
    const value = parts[parts.length - 1];
    if (!nameNode || !value || parts.length < 2) continue;
    const name = nameNode.text;
    call.keywords.set(name, value);
    call.keywordNodes.set(name, argument);
  }
}

/** The value of a plain string literal (also implicitly concatenated); undefined otherwise. */
export function stringValue(node: Node | null | undefined): string | undefined {
  if (!node) return undefined;
  const type = node.type;
  if (type === 'concatenated_string') {
    const parts = namedChildren(node).map(stringValue);
    return parts.every((part) => part !== undefined) ? parts.join('') : undefined;
  }
  if (type !== 'string') return undefined;
  const text = node.text;
  // Only an f- or t-string holds interpolations: in a tree parsed without errors, a string
  // without those prefixes needs no look at its parts (each a call into wasm).
  if (FORMAT_PREFIX.test(text) || !inCleanTree(node)) {
    if (namedChildren(node).some((child) => child.type === 'interpolation')) return undefined;
  }
  return unquote(text);
}

/** The prefix of a string literal that makes it a format (or template) string. */
const FORMAT_PREFIX = /^[a-zA-Z]*[fFtT]/;

/** `True` / `False` literals; undefined for anything else. */
export function booleanValue(node: Node | null | undefined): boolean | undefined {
  if (node?.type === 'true') return true;
  if (node?.type === 'false') return false;
  return undefined;
}

/** A string literal's value, else the expression as written. */
export function stringOrText(node: Node): string {
  return stringValue(node) ?? node.text;
}

/** `...` (Ellipsis) marks a required field in Pydantic. */
export function isEllipsis(node: Node | null | undefined): boolean {
  return node?.type === 'ellipsis' || node?.text === 'Ellipsis';
}

/** The string of a docstring statement (`"""Text."""` alone on its line), cleaned like inspect. */
export function docstringOfStatement(statement: Node | null | undefined): string | undefined {
  if (statement?.type !== 'expression_statement') return undefined;
  const children = namedChildren(statement);
  if (children.length !== 1) return undefined;
  const raw = stringValue(children[0]);
  return raw === undefined ? undefined : cleanDocstring(raw);
}

/** Trims the docstring and removes the indentation shared by its lines after the first. */
export function cleanDocstring(raw: string): string {
  const lines = raw.split(/\r?\n/);
  const indents = lines
    .slice(1)
    .filter((line) => line.trim())
    .map((line) => /^\s*/.exec(line)![0].length);
  const cut = indents.length ? Math.min(...indents) : 0;
  const body = lines.slice(1).map((line) => line.slice(cut));
  return [lines[0].trim(), ...body].join('\n').trim();
}

/**
 * The range of an identifier whose text is known. Identifiers never span lines, so the end is
 * computed instead of asked from the tree (each node query crosses into wasm).
 */
export function identifierRange(node: Node, name: string): Range {
  const start = node.startPosition;
  return {
    start: { line: start.row, character: start.column },
    end: { line: start.row, character: start.column + name.length },
  };
}
