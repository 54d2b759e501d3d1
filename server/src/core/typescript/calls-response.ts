// The response type of an HTTP call when its code says it: the annotation of what receives the
// result (`const res: AxiosResponse<T> = ...`), a cast of `res.json()`, or the enclosing
// function's `Promise<T>` return type.
import type { Node } from 'web-tree-sitter';
import { namedChildren } from '../syntax/nodes';
import { sameNode } from './calls-nodes';
import { dataMemberType, genericArgument, writtenType, type WrittenType } from './calls-types';

/** A `res.json()` call found by the query, with the name of the response variable. */
export interface JsonCall {
  call: Node;
  responseName: string;
}

/** The type a call's result is received as: a variable annotation or an `as`/`satisfies` type. */
export interface ReceivingType {
  type: Node;
  /** The result's `.data` was taken first (`(await api.get(url)).data`). */
  throughData: boolean;
}

const TRANSPARENT = new Set([
  'await_expression',
  'parenthesized_expression',
  'non_null_expression',
]);
const UNINFORMATIVE = new Set(['void', 'any', 'unknown', 'undefined', 'never', 'Response']);

/** Climbs from a call through `await`, parentheses and (when allowed) `.data` to its receiver. */
export function receivingType(call: Node, allowData: boolean): ReceivingType | undefined {
  let node = call;
  let throughData = false;
  for (let parent = node.parent; parent; parent = node.parent) {
    if (TRANSPARENT.has(parent.type)) {
      node = parent;
    } else if (allowData && !throughData && isDataAccess(parent, node)) {
      throughData = true;
      node = parent;
    } else if (parent.type === 'as_expression' || parent.type === 'satisfies_expression') {
      const type = namedChildren(parent).at(-1);
      return type && !sameNode(type, node) ? { type, throughData } : undefined;
    } else if (parent.type === 'variable_declarator') {
      const annotation = parent.childForFieldName('type');
      const type = annotation ? namedChildren(annotation).at(-1) : undefined;
      return type && sameNode(parent.childForFieldName('value'), node)
        ? { type, throughData }
        : undefined;
    } else {
      return undefined;
    }
  }
  return undefined;
}

function isDataAccess(parent: Node, object: Node): boolean {
  if (parent.type !== 'member_expression') return false;
  const property = parent.childForFieldName('property');
  return property?.text === 'data' && sameNode(parent.childForFieldName('object'), object);
}

/** `AxiosResponse<T>` or `{ data: T }` received from an axios-style call, or T after `.data`. */
export function axiosResponseType(call: Node): WrittenType | undefined {
  const receiving = receivingType(call, true);
  if (!receiving) return undefined;
  const received = genericArgument(receiving.type, ['Promise']) ?? receiving.type;
  if (receiving.throughData) return informative(received);
  const type = genericArgument(received, ['AxiosResponse']) ?? dataMemberType(received);
  return informative(type);
}

/**
 * The type `res.json()` is read as: `(await fetch(url)).json() as T`, or through the variable the
 * response was stored in (`const res = await fetch(url)` ... `await res.json() as T`).
 */
export function fetchResponseType(call: Node, jsonCalls: JsonCall[]): WrittenType | undefined {
  let node = call;
  while (node.parent && TRANSPARENT.has(node.parent.type)) node = node.parent;
  const parent = node.parent;
  if (
    parent?.type === 'member_expression' &&
    parent.childForFieldName('property')?.text === 'json'
  ) {
    const jsonCall = parent.parent;
    return jsonCall?.type === 'call_expression' ? jsonCallType(jsonCall) : undefined;
  }
  const name = parent?.type === 'variable_declarator' ? parent.childForFieldName('name') : null;
  if (name?.type !== 'identifier') return undefined;
  const scope = scopeOf(parent!);
  for (const json of jsonCalls) {
    if (json.responseName !== name.text || !within(json.call, scope)) continue;
    const type = jsonCallType(json.call);
    if (type) return type;
  }
  return undefined;
}

function jsonCallType(jsonCall: Node): WrittenType | undefined {
  const receiving = receivingType(jsonCall, false);
  if (!receiving) return undefined;
  return informative(genericArgument(receiving.type, ['Promise']) ?? receiving.type);
}

/** The body a variable declared at `node` is visible in: the nearest block or the program. */
function scopeOf(node: Node): Node {
  let current = node;
  while (current.parent && current.type !== 'statement_block') current = current.parent;
  return current;
}

function within(node: Node, scope: Node): boolean {
  return node.startIndex >= scope.startIndex && node.endIndex <= scope.endIndex;
}

/**
 * The T of a function's `Promise<T>` (or `Observable<T>`) return annotation, through
 * `AxiosResponse<T>`; nothing for `Promise<void>` and the like.
 */
export function promiseReturnType(functionNode: Node | undefined): WrittenType | undefined {
  const annotation = functionNode?.childForFieldName('return_type');
  const returned = annotation ? namedChildren(annotation).at(-1) : undefined;
  const inner = genericArgument(returned, ['Promise', 'Observable']);
  return informative(genericArgument(inner, ['AxiosResponse']) ?? inner);
}

function informative(type: Node | undefined): WrittenType | undefined {
  if (!type || UNINFORMATIVE.has(type.text)) return undefined;
  return writtenType(type);
}
