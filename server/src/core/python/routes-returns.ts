// The keys of the dicts a route function returns (`return {"id": ..., "name": ...}`), which are
// the fields the endpoint sends when it has no response model.
import type { Node } from 'web-tree-sitter';
import { loadQuery } from '../syntax/parser';
import { namedChildren } from '../syntax/nodes';
import { literalStringValue } from './routes-strings';

/** Nodes that open a new scope: a return inside them is not the route function's return. */
const SCOPES = new Set(['function_definition', 'lambda', 'class_definition']);

/** Text a body needs for one of its returns to build a dict; most bodies return models. */
const RETURNS_DICT = /\breturn[ \t(]*(?:\{|dict\b)/;

/**
 * The union of the literal keys of every `return {...}` / `return dict(...)` in the function's own
 * body; null when one of them has a computed key or a `**splat`; undefined when none is a dict.
 */
export function returnedDictKeys(func: Node): string[] | null | undefined {
  const body = func.childForFieldName('body');
  if (!body || !RETURNS_DICT.test(body.text)) return undefined;

  let keys: string[] | null | undefined;
  for (const capture of loadQuery('python', 'routes-returns').captures(body)) {
    if (capture.name === 'return.function') continue;
    if (!belongsTo(capture.node, func)) continue;
    const found = keysOfReturnedDict(capture.name, capture.node);
    keys = keys === null || found === null ? null : union(keys ?? [], found);
  }
  return keys;
}

function keysOfReturnedDict(captureName: string, node: Node): string[] | null {
  if (captureName === 'return.dictionary') return dictionaryKeys(node);
  if (captureName === 'return.arguments') return dictCallKeys(node);
  return null;
}

/** `{"a": 1, "b": 2}`; a computed key or `**other` makes the keys unknowable. */
function dictionaryKeys(dictionary: Node): string[] | null {
  const keys: string[] = [];
  for (const entry of namedChildren(dictionary)) {
    if (entry.type === 'ERROR') continue;
    const key = entry.type === 'pair' ? entry.childForFieldName('key') : null;
    const literal = key ? literalStringValue(key) : undefined;
    if (literal === undefined) return null;
    keys.push(literal);
  }
  return keys;
}

/** `dict(a=1, b=2)`; a positional argument or a splat makes the keys unknowable. */
function dictCallKeys(argumentList: Node): string[] | null {
  const keys: string[] = [];
  for (const argument of namedChildren(argumentList)) {
    const name = argument.type === 'keyword_argument' ? argument.childForFieldName('name') : null;
    if (!name) return null;
    keys.push(name.text);
  }
  return keys;
}

/** True when the nearest enclosing scope of `node` is `func` itself. */
function belongsTo(node: Node, func: Node): boolean {
  for (let scope = node.parent; scope; scope = scope.parent) {
    if (SCOPES.has(scope.type)) return scope.id === func.id;
  }
  return false;
}

function union(known: string[], more: string[]): string[] {
  const merged = [...known];
  for (const key of more) if (!merged.includes(key)) merged.push(key);
  return merged;
}
