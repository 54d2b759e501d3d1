// Where query facts may be: `for` loops and comprehensions, `return` statements, and filtering
// calls (`.where(`, `.filter(`...). A query pass over the whole tree costs about a third of the
// parse, far over the index's budget, so the file's text is searched for these keywords and the
// tree is asked only for the node at each hit; hits inside strings or comments fall away there.
import type { Node } from 'web-tree-sitter';
import { wordOffsets } from '../python/imports-scan';
import type { LoopCandidate } from './loops';
import { QUERY_CHAIN, type SourceText } from './query-text';

export interface QueryCandidates {
  loops: LoopCandidate[];
  /** Offsets of `.where(...)`-like method names, read for their conditions. */
  refinements: number[];
  returns: { node: Node; value: Node }[];
  /** Every function and method name the file defines. */
  functionNames: Set<string>;
}

/**
 * Text that starts or runs a query. Files without it start none, so their returns are not read
 * (a loop there may still iterate a query from another file, and a filter may refine one).
 */
const QUERY_TEXT = /select\(|\.(?:query|exec|execute|scalars|scalar|get)\(/;
/** Filtering methods hardly used outside SQL, read even in files that start no query. */
const ORM_ONLY_METHODS = new Set(['where', 'filter_by', 'order_by', 'outerjoin']);
const REFINING_CALL = /\.\s*(where|filter|filter_by|order_by|join|outerjoin)\s*\(/g;
/** `await`, `list(`, `enumerate(`...: what the loop iterates is inside. */
const WRAPPER_PREFIX = /^(await\s+|(list|sorted|reversed|tuple|set|iter|enumerate)\s*\(\s*)/;
/** Calls that iterate plain data, never a query. */
const PLAIN_ITERATIONS = new RegExp(
  '^(range|zip|len|map|filter|dict|open|os\\..*|json\\..*)$|' +
    '\\.(items|keys|values|split|splitlines|iterdir|glob)$',
);
const ITERABLE_TYPES = new Set(['identifier', 'call', 'await', 'parenthesized_expression']);
const RETURNED_TYPES = ITERABLE_TYPES;

export function findCandidates(root: Node, source: SourceText): QueryCandidates {
  // One search for all the markers: a file without any of them is scanned once, not seven times.
  const startsQueries = QUERY_TEXT.test(source.text);
  return {
    loops: findLoops(root, source),
    refinements: findRefinements(source.text, startsQueries),
    returns: startsQueries ? findReturns(root, source) : [],
    functionNames: new Set(source.functionNames()),
  };
}

function findLoops(root: Node, source: SourceText): LoopCandidate[] {
  const loops: LoopCandidate[] = [];
  for (const offset of wordOffsets(source.text, 'for')) {
    const loop = mayIterateQuery(source, offset) ? loopAt(root, offset) : undefined;
    if (loop) loops.push(loop);
  }
  return loops;
}

/** `.filter(` and `.join(` are common beyond SQL: without a query start they are skipped. */
function findRefinements(text: string, startsQueries: boolean): number[] {
  const offsets: number[] = [];
  for (const match of text.matchAll(REFINING_CALL)) {
    const offset = match.index ?? 0;
    if (text[offset - 1] === '"' || text[offset - 1] === "'") continue;
    if (startsQueries || ORM_ONLY_METHODS.has(match[1])) {
      offsets.push(offset + match[0].indexOf(match[1]));
    }
  }
  return offsets;
}

function findReturns(root: Node, source: SourceText): { node: Node; value: Node }[] {
  const returns: { node: Node; value: Node }[] = [];
  for (const offset of wordOffsets(source.text, 'return')) {
    const found = mayReturnQuery(source, offset) ? returnAt(root, offset) : undefined;
    if (found) returns.push(found);
  }
  return returns;
}

/**
 * From the text after `for`: a query, a call (a function elsewhere may return a query), or a
 * name assigned from a call. Literals, attributes and built-in iterations are left out.
 */
function mayIterateQuery(source: SourceText, offset: number): boolean {
  const lineEnd = source.text.indexOf('\n', offset);
  const statement = source.text.slice(offset, lineEnd < 0 ? undefined : lineEnd);
  const header = /^for\s+[^\n]+?\s+in\s+/.exec(statement);
  if (!header) return false;
  let iterable = statement.slice(header[0].length);
  while (WRAPPER_PREFIX.test(iterable)) iterable = iterable.replace(WRAPPER_PREFIX, '');
  if (QUERY_CHAIN.test(iterable)) return true;
  const call = /^([\w.]+)\s*\(/.exec(iterable);
  if (call) return !PLAIN_ITERATIONS.test(call[1]);
  const name = /^(\w+)\s*([:\])},]|$|if\b|for\b)/.exec(iterable);
  return !!name && source.assignedFromCallBefore(offset, name[1]);
}

/** From the text after `return`: a query chain, or a name assigned from one. */
function mayReturnQuery(source: SourceText, offset: number): boolean {
  const value = source.statement(offset).slice('return'.length).trim();
  if (QUERY_CHAIN.test(value)) return true;
  const name = /^\w+$/.exec(value.replace(/^await\s+/, ''));
  return !!name && source.assignedFromQueryBefore(offset, name[0]);
}

/** `for part in parts:` or the `for part in parts` clause of a comprehension. */
function loopAt(root: Node, offset: number): LoopCandidate | undefined {
  const keyword = root.descendantForIndex(offset, offset + 3);
  const node = keyword?.type === 'for' ? keyword.parent : undefined;
  const target = node?.childForFieldName('left');
  const iterable = node?.childForFieldName('right');
  if (!node || !target || !iterable || !ITERABLE_TYPES.has(iterable.type)) return undefined;
  if (node.type === 'for_statement') {
    const body = node.childForFieldName('body');
    return body ? { kind: 'for', node, target, iterable, body } : undefined;
  }
  const comprehension = node.type === 'for_in_clause' ? node.parent : undefined;
  if (!comprehension) return undefined;
  return { kind: 'comprehension', node, target, iterable, body: comprehension };
}

function returnAt(root: Node, offset: number): { node: Node; value: Node } | undefined {
  const keyword = root.descendantForIndex(offset, offset + 6);
  const node = keyword?.type === 'return' ? keyword.parent : undefined;
  const value = node?.type === 'return_statement' ? node.namedChildren[0] : undefined;
  return node && value && RETURNED_TYPES.has(value.type) ? { node, value } : undefined;
}

/** The call whose method name starts at `offset`: `stmt.where(...)`. */
export function refiningCallAt(root: Node, offset: number): Node | undefined {
  const name = root.descendantForIndex(offset, offset + 1);
  const attribute = name?.type === 'identifier' ? name.parent : undefined;
  const call = attribute?.type === 'attribute' ? attribute.parent : undefined;
  if (call?.type !== 'call' || call.childForFieldName('function')?.id !== attribute?.id) {
    return undefined;
  }
  return call;
}
