// Receivers whose methods are named like HTTP verbs without being HTTP clients: routers and
// servers (`app.get('/x', handler)`), caches, stores, maps, URL parts.
import type { Node } from 'web-tree-sitter';
import type { CallsContext } from './calls-context';
import { findDeclaration } from './calls-scope';

const NOT_A_CLIENT_NAME = new RegExp(
  '(^|\\.)(app|router|server|express|history|url|query)$' +
    '|(cache|map|store|storage|params|headers|cookies|formdata|registry)$',
  'i',
);
const CLIENT_NAME = /api|http|client|axios|request|fetch|service|rest/i;
const COLLECTION_TYPE = /^(Map|WeakMap|Set|WeakSet|URLSearchParams|Headers|FormData|URL)\b/;

/** True when a receiver is known, by its name or its declaration, not to send requests. */
export function isNotAClient(receiver: Node | null | undefined, context: CallsContext): boolean {
  if (!receiver) return false;
  if (NOT_A_CLIENT_NAME.test(receiver.text)) return true;
  if (receiver.type !== 'identifier' || !context.mentionsCollections) return false;
  return isDeclaredCollection(receiver, context);
}

/** `const seen = new Map()`, `params: URLSearchParams`, `const h: Headers = ...`. */
function isDeclaredCollection(receiver: Node, context: CallsContext): boolean {
  const declaration = findDeclaration(receiver.text, receiver, context);
  if (!declaration) return false;
  if (declaration.kind === 'parameter') return COLLECTION_TYPE.test(declaration.type?.text ?? '');
  const annotation = declaration.declarator.childForFieldName('type');
  if (annotation && COLLECTION_TYPE.test(annotation.namedChildren.at(-1)?.text ?? '')) return true;
  const value = declaration.declarator.childForFieldName('value');
  if (value?.type !== 'new_expression') return false;
  return COLLECTION_TYPE.test(value.childForFieldName('constructor')?.text ?? '');
}

/**
 * How far a receiver can be trusted to be an HTTP client when a wrapper passes its URL parameter
 * to it: `known` for axios, instances, fetch and client-like names (`api`, `this.http`),
 * `unknown` for other names, `never` for routers, caches and collections.
 */
export type ClientTrust = 'known' | 'unknown' | 'never';

export function clientTrust(
  receiver: Node | null | undefined,
  knownClient: boolean,
  context: CallsContext,
): ClientTrust {
  if (knownClient) return 'known';
  if (isNotAClient(receiver, context)) return 'never';
  return receiver && CLIENT_NAME.test(receiver.text) ? 'known' : 'unknown';
}
