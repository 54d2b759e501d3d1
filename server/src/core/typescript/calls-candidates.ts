// Finds the candidate calls of a file without walking its tree. A whole-tree query costs about a
// quarter of a parse (measured on the sample projects), so a text search finds the places where
// an HTTP call, a URL-looking argument or a `res.json()` may be, and the tree is entered there:
// a few parent steps from the token found say whether it is such a call.
import type { Node, QueryMatch, Tree } from 'web-tree-sitter';
import { loadQuery, type GrammarName } from '../syntax/parser';
import { sameNode } from './calls-nodes';
import type { JsonCall } from './calls-response';

export type Captures = Map<string, Node>;

export interface Candidates {
  /** Calls shaped like HTTP calls: `x.get(...)`, `fetch(...)`, `axios(...)`. */
  http: Node[];
  /** Other calls with a URL-looking argument. */
  urlArguments: Node[];
  jsonCalls: JsonCall[];
  /** Captures of calls the parser could not finish (`api.get<T>('/x'`). */
  broken: Captures[];
}

const HTTP_NAMES =
  'get|post|put|patch|delete|head|options|request|fetch|postForm|putForm|patchForm' +
  '|GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS';

/**
 * Where a candidate may start; each group names the token the tree is entered at. Every branch
 * starts with a plain character so the search stays fast; what must come before a match is
 * checked afterwards (see `precededWell`). A constant argument counts when its name says URL.
 */
const CANDIDATE_TEXT = new RegExp(
  [
    `\\.\\s*(?<member>${HTTP_NAMES}|json)\\s*[<(]`,
    '\\b(?<client>fetch|axios)\\s*[<(]',
    '(?<quote>[\'"`])(?:/|https?:|\\$\\{[^`}]{0,80}\\}/)',
    '[(,]\\s*(?<constant>[A-Z_]*(?:URL|URI|API|BASE|HOST|ORIGIN|ENDPOINT|PATH)[A-Z0-9_]*)' +
      '(?![\\w$])',
  ].join('|'),
  'g',
);

/**
 * `fetch(` must not be a member (`window.fetch` is read as one) or part of a longer name; a
 * URL-looking literal counts only as an argument (after `(`, `,` or `+`), which keeps JSX
 * attributes and object values out.
 */
function precededWell(text: string, match: RegExpExecArray): boolean {
  const groups = match.groups ?? {};
  if (groups.client !== undefined) return !/[\w$.]/.test(text[match.index - 1] ?? '');
  if (groups.quote === undefined) return true;
  let index = match.index - 1;
  while (index >= 0 && /\s/.test(text[index])) index--;
  return index >= 0 && '(,+'.includes(text[index]);
}

/** Node types a URL argument may sit in between its string and the call's argument list. */
const URL_ARGUMENT_PARTS = new Set([
  'string',
  'template_string',
  'binary_expression',
  'parenthesized_expression',
]);

export function hasCandidates(candidates: Candidates): boolean {
  const { http, urlArguments, broken } = candidates;
  return http.length > 0 || urlArguments.length > 0 || broken.length > 0;
}

export function findCandidates(tree: Tree, grammar: GrammarName, text: string): Candidates {
  const root = tree.rootNode;
  const found = new Map<number, Found>();
  for (const match of text.matchAll(CANDIDATE_TEXT)) {
    if (!precededWell(text, match)) continue;
    const candidate = candidateAt(root, match);
    const known = candidate && found.get(candidate.node.id);
    if (candidate && (!known || candidate.kind === 'http')) found.set(candidate.node.id, candidate);
  }
  const ordered = [...found.values()].sort((a, b) => a.node.startIndex - b.node.startIndex);
  return sortCandidates(ordered, grammar);
}

/** A candidate node and what the text search found it as. */
interface Found {
  node: Node;
  kind: 'http' | 'url' | 'json' | 'broken';
  /** For `res.json()`: the name of the response variable. */
  responseName?: string;
}

function candidateAt(root: Node, match: RegExpExecArray): Found | undefined {
  const { member, client, constant } = match.groups ?? {};
  const name = member ?? client ?? constant;
  if (name === undefined) return literalArgumentAt(root, match.index);
  const index = match.index + match[0].indexOf(name, member ? 1 : 0);
  const token = root.descendantForIndex(index);
  if (!token || token.text !== name) return undefined;
  if (constant !== undefined) return argumentCall(token);
  return member !== undefined ? memberCall(token, name) : identifierCall(token);
}

/** `api.get(`, `await api.get<T>(` (read as a call of `await api.get`), `res.json(`. */
function memberCall(property: Node, name: string): Found | undefined {
  const member = property.parent;
  if (member?.type !== 'member_expression') return undefined;
  const awaited = member.parent?.type === 'await_expression' ? member.parent : undefined;
  const callee = awaited ?? member;
  const parent = callee.parent;
  if (parent?.type === 'ERROR') return { node: parent, kind: 'broken' };
  if (parent?.type !== 'call_expression') return undefined;
  if (!sameNode(parent.childForFieldName('function'), callee)) return undefined;
  if (name !== 'json') return { node: parent, kind: 'http' };
  const object = member.childForFieldName('object');
  const responseName = object?.type === 'identifier' ? object.text : undefined;
  return responseName ? { node: parent, kind: 'json', responseName } : undefined;
}

/** `fetch(`, `axios(`. */
function identifierCall(identifier: Node): Found | undefined {
  const parent = identifier.parent;
  if (parent?.type === 'ERROR') return { node: parent, kind: 'broken' };
  if (parent?.type !== 'call_expression') return undefined;
  return sameNode(parent.childForFieldName('function'), identifier)
    ? { node: parent, kind: 'http' }
    : undefined;
}

/** `f('/x')`, `f(API + '/x')`: a literal that starts an argument, or part of one. */
function literalArgumentAt(root: Node, index: number): Found | undefined {
  const literal = root.descendantForIndex(index)?.parent;
  if (!literal || literal.startIndex !== index) return undefined;
  return URL_ARGUMENT_PARTS.has(literal.type) ? argumentCall(literal) : undefined;
}

/** Up from an argument's literal through `+` and parentheses to the call taking it. */
function argumentCall(node: Node): Found | undefined {
  let current: Node | null = node;
  for (let hop = 0; current && URL_ARGUMENT_PARTS.has(current.type) && hop < 6; hop++) {
    current = current.parent;
  }
  if (current?.type === 'identifier') current = current.parent;
  if (current?.type === 'ERROR') return { node: current, kind: 'broken' };
  const call = current?.type === 'arguments' ? current.parent : null;
  return call?.type === 'call_expression' ? { node: call, kind: 'url' } : undefined;
}

/**
 * Sorts what was found by kind. Calls the parser could not finish sit in ERROR nodes, read with
 * the calls query (compiled only when a file has such a node).
 */
function sortCandidates(found: Found[], grammar: GrammarName): Candidates {
  const candidates: Candidates = { http: [], urlArguments: [], jsonCalls: [], broken: [] };
  for (const { node, kind, responseName } of found) {
    if (kind === 'http') candidates.http.push(node);
    else if (kind === 'url') candidates.urlArguments.push(node);
    else if (kind === 'broken') candidates.broken.push(...unfinishedCalls(node, grammar));
    else if (responseName) candidates.jsonCalls.push({ call: node, responseName });
  }
  return candidates;
}

function unfinishedCalls(error: Node, grammar: GrammarName): Captures[] {
  const query = loadQuery(grammar, 'calls');
  return query.matches(error, { maxStartDepth: 0 }).map(capturesOf);
}

export function capturesOf(match: QueryMatch): Captures {
  const captures: Captures = new Map();
  for (const capture of match.captures) captures.set(capture.name, capture.node);
  return captures;
}

/**
 * Calls of the given names (`getJson(...)`, `client.get(...)`), found the same way: used for the
 * wrappers of the file, which are few and rare.
 */
export function findCallsOf(names: string[], tree: Tree, text: string): [Node, Node][] {
  const escaped = names.map((name) => name.replace(/[.$]/g, '\\$&'));
  const pattern = new RegExp(`(?<![\\w$.])(?:${escaped.join('|')})\\s*[<(]`, 'g');
  const calls: [Node, Node][] = [];
  for (const match of text.matchAll(pattern)) {
    const node = tree.rootNode.descendantForIndex(match.index);
    const callee = node?.parent?.type === 'member_expression' ? node.parent : node;
    const call = callee?.parent;
    if (!callee || call?.type !== 'call_expression') continue;
    if (call.childForFieldName('function')?.id === callee.id) calls.push([call, callee]);
  }
  return calls;
}
