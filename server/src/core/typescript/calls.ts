// HTTP calls in TypeScript: axios (and instances), fetch, and thin wrappers around them. Only the
// candidate calls calls-candidates finds are read, and only their subtrees.
import type { Node, Tree } from 'web-tree-sitter';
import type { CallFact, FileFacts } from '../facts';
import type { GrammarName } from '../syntax/parser';
import { findCandidates, hasCandidates, type Candidates } from './calls-candidates';
import { mayDeclareConstants, publishConstants } from './calls-constants';
import type { CallsContext } from './calls-context';
import { httpMethodOf, recogniseHttpCall, type HttpCallShape } from './calls-http';
import { ModuleScope } from './calls-module';
import { callTypeArguments, calleeOf } from './calls-nodes';
import { clientTrust, isNotAClient } from './calls-receivers';
import { axiosResponseType, fetchResponseType, promiseReturnType } from './calls-response';
import { enclosingFunction } from './calls-scope';
import {
  addUnresolved,
  addWrapper,
  guarded,
  newCallFact,
  newCallsState,
  type CallsState,
  type Located,
} from './calls-state';
import { declaredTypeOf, setType, writtenType, type WrittenType } from './calls-types';
import { readUnfinishedCall } from './calls-unfinished';
import {
  isUrlLike,
  joinUrls,
  normaliseUrl,
  urlPieces,
  type NormalisedUrl,
  type UrlPiece,
} from './calls-url';
import { readLocalWrapperCalls, resolveWrapperCall } from './calls-wrapper-uses';
import { wrapperOf, type InnerRequest } from './calls-wrappers';

export function extractTypeScriptCalls(
  tree: Tree,
  grammar: GrammarName,
  text: string,
  facts: FileFacts,
): void {
  const candidates = findCandidates(tree, grammar, text);
  const declaresConstants = mayDeclareConstants(text);
  if (!hasCandidates(candidates) && !declaresConstants) return;
  const context = new ModuleScope(facts.file, tree.rootNode, text);
  if (declaresConstants) publishConstants(context, text, facts);

  const state = newCallsState(context, facts, candidates.jsonCalls);
  readCandidates(tree, text, candidates, state);
  addReturnTypes(state);
  publish(state);
}

/**
 * HTTP calls first, since they make the file's wrappers; then the calls of those wrappers; then
 * the other calls with URL arguments, which become unresolved calls; then unfinished calls.
 */
function readCandidates(tree: Tree, text: string, candidates: Candidates, state: CallsState) {
  for (const call of candidates.http) guarded(state, call, () => readHttpCall(call, state));
  if (state.wrappers.size > 0) readLocalWrapperCalls(tree, text, state);
  for (const call of candidates.urlArguments) {
    guarded(state, call, () => readCandidateCall(call, state));
  }
  for (const captures of candidates.broken) {
    const callee = captures.get('broken.callee');
    if (callee) guarded(state, callee, () => readUnfinishedCall(captures, state));
  }
}

/** An axios or fetch call: a CallFact, or the inner call of a wrapper, or nothing. */
function readHttpCall(call: Node, state: CallsState): void {
  state.handled.add(call.id);
  const shape = recogniseHttpCall(call, state.context);
  if (!shape?.url) return;
  const pieces = urlPieces(shape.url, state.context);
  const instance = shape.client === 'instance' ? state.context.instance(shape.via) : undefined;
  const base = instance ? normaliseUrl(instance) : undefined;

  const wrapper = wrapperOf(innerRequestOf(shape, pieces, base, state), state.context);
  if (wrapper) {
    addWrapper(wrapper, state);
    return;
  }
  const fact = httpCallFact(shape, pieces, base, state);
  if (fact) state.calls.push({ fact, functionNode: enclosingFunction(call) });
}

function innerRequestOf(
  shape: HttpCallShape,
  pieces: UrlPiece[],
  base: NormalisedUrl | undefined,
  state: CallsState,
): InnerRequest {
  const { call } = shape;
  return {
    call,
    trust: () => clientTrust(receiverOf(shape), shape.client !== 'other', state.context),
    pieces,
    base,
    method: shape.method,
    methodNode: shape.methodNode,
    body: shape.body,
    responseArgument: shape.style === 'axios' ? callTypeArguments(call)[0] : undefined,
    responseFromContext: () => responseFromContext(shape, state),
  };
}

function httpCallFact(
  shape: HttpCallShape,
  pieces: UrlPiece[],
  base: NormalisedUrl | undefined,
  state: CallsState,
): CallFact | undefined {
  const unknownClient = shape.client === 'other';
  if (!isUrlLike(pieces, unknownClient)) return undefined;
  if (unknownClient && isLookAlike(shape, state.context)) return undefined;
  const method = shape.method ?? methodOfExpression(shape.methodNode, state.context);
  if (!method || shape.methodHidden) return undefined;

  const path = normaliseUrl(pieces);
  const url = base ? joinUrls(base, path) : path;
  const fact = newCallFact(method, url, shape.callee, shape.via, state.context);
  addCallTypes(fact, shape, state);
  return fact;
}

/** `app.get('/x', handler)`, `cache.delete('/api/x')`: a receiver that sends no requests. */
function isLookAlike(shape: HttpCallShape, context: CallsContext): boolean {
  return shape.hasFunctionArgument || isNotAClient(receiverOf(shape), context);
}

function receiverOf(shape: HttpCallShape): Node | null {
  return shape.callee.type === 'member_expression'
    ? shape.callee.childForFieldName('object')
    : null;
}

/** A method given by a constant (`const method = 'POST'`). */
function methodOfExpression(node: Node | undefined, context: CallsContext) {
  const pieces = node ? urlPieces(node, context) : [];
  if (pieces.length === 0 || pieces.some((piece) => piece.kind !== 'text')) return undefined;
  return httpMethodOf(pieces.map((piece) => (piece.kind === 'text' ? piece.text : '')).join(''));
}

/** `get<Part[]>` or the receiving annotation; `post<R, AxiosResponse<R>, D>` or the body's type. */
function addCallTypes(fact: CallFact, shape: HttpCallShape, state: CallsState): void {
  const typeArguments = shape.style === 'axios' ? callTypeArguments(shape.call) : [];
  const response = typeArguments[0];
  setType(fact, 'response', response ? writtenType(response) : responseFromContext(shape, state));
  const request = typeArguments[2];
  if (request) setType(fact, 'request', writtenType(request));
  else if (shape.body) setType(fact, 'request', declaredTypeOf(shape.body, state.context));
}

function responseFromContext(shape: HttpCallShape, state: CallsState): WrittenType | undefined {
  if (shape.style === 'axios') return axiosResponseType(shape.call);
  if (shape.style === 'fetch') return fetchResponseType(shape.call, state.jsonCalls);
  return undefined;
}

/** A call with a URL-looking argument that no other rule has read. */
function readCandidateCall(call: Node, state: CallsState): void {
  if (state.handled.has(call.id)) return;
  const callee = calleeOf(call);
  if (callee?.type !== 'identifier' && callee?.type !== 'member_expression') return;
  const wrapper = state.wrappers.get(callee.text);
  if (wrapper) resolveWrapperCall(call, callee, wrapper, state);
  else addUnresolved(call, callee, state);
}

/**
 * A call without a response type takes its function's `Promise<T>` return type when it is the
 * only HTTP call (resolved or not) in that function, and the function returns the body, not
 * something read inside it (`return response.data.data` returns an envelope's payload).
 */
function addReturnTypes(state: CallsState): void {
  const counts = new Map<number, number>();
  for (const { functionNode } of [...state.calls, ...state.unresolved]) {
    if (functionNode) counts.set(functionNode.id, (counts.get(functionNode.id) ?? 0) + 1);
  }
  for (const { fact, functionNode } of state.calls) {
    if (fact.responseType || !functionNode || counts.get(functionNode.id) !== 1) continue;
    if (returnsInsideBody(functionNode)) continue;
    setType(fact, 'response', promiseReturnType(functionNode));
  }
}

/** `.data.items`, `.data?.data`, `.data['x']`: a return that reads below the response body. */
const READS_INSIDE_BODY = /\.data\s*(\?\.|\.|\[)\s*[\w$'"]/;

function returnsInsideBody(functionNode: Node): boolean {
  return functionNode
    .descendantsOfType('return_statement')
    .some((statement) => !!statement && READS_INSIDE_BODY.test(statement.text));
}

function publish(state: CallsState): void {
  const byPosition = (a: Located<{ range: CallFact['range'] }>, b: typeof a) =>
    a.fact.range.start.line - b.fact.range.start.line ||
    a.fact.range.start.character - b.fact.range.start.character;
  state.facts.calls.push(...state.calls.sort(byPosition).map((entry) => entry.fact));
  state.facts.unresolvedCalls.push(...state.unresolved.sort(byPosition).map((entry) => entry.fact));
  state.facts.wrappers.push(...[...state.wrappers.values()].map((wrapper) => wrapper.fact));
}
