// Calls of the wrappers a file defines: wrappers built on those wrappers (`const get = (url) =>
// request('GET', url)`), and calls with a known URL resolved into CallFacts right here.
import type { Node, Tree } from 'web-tree-sitter';
import type { CallFact, HttpMethod } from '../facts';
import { enclosingFunction } from './calls-scope';
import { findCallsOf } from './calls-candidates';
import type { CallsContext } from './calls-context';
import { httpMethodOf } from './calls-http';
import { callArguments, callTypeArguments, literalString } from './calls-nodes';
import { receivingType } from './calls-response';
import { addUnresolved, addWrapper, guarded, newCallFact, type CallsState } from './calls-state';
import { declaredTypeOf, setType, writtenType, type WrittenType } from './calls-types';
import { isUrlLike, joinUrls, normaliseUrl, urlPieces } from './calls-url';
import { wrapperOf, type InnerRequest, type LocalWrapper } from './calls-wrappers';

/**
 * Calls of this file's wrappers: first the wrappers built on wrappers (`get = (url) =>
 * request('GET', url)`), then every call with a known URL as a CallFact.
 */
export function readLocalWrapperCalls(tree: Tree, text: string, state: CallsState): void {
  let uses = wrapperUses(tree, text, state);
  for (let round = 0; round < 4 && findWrappersOfWrappers(uses, state); round++) {
    uses = wrapperUses(tree, text, state);
  }
  for (const [call, callee] of uses) {
    const wrapper = state.wrappers.get(callee.text);
    if (wrapper && !state.handled.has(call.id)) {
      guarded(state, call, () => resolveWrapperCall(call, callee, wrapper, state));
    }
  }
}

function wrapperUses(tree: Tree, text: string, state: CallsState): [Node, Node][] {
  const uses = findCallsOf([...state.wrappers.keys()], tree, text);
  return uses.filter(([call]) => !state.handled.has(call.id));
}

function findWrappersOfWrappers(uses: [Node, Node][], state: CallsState): boolean {
  let found = false;
  for (const [call, callee] of uses) {
    const inner = state.wrappers.get(callee.text);
    if (!inner || state.handled.has(call.id)) continue;
    const outer = wrapperOf(wrapperCallRequest(call, inner, state), state.context);
    if (!outer || outer.functionNode.id === inner.functionNode.id) continue;
    state.handled.add(call.id);
    if (!state.wrappers.has(outer.fact.name)) found = true;
    addWrapper(outer, state);
  }
  return found;
}

function wrapperCallRequest(call: Node, wrapper: LocalWrapper, state: CallsState): InnerRequest {
  const args = callArguments(call);
  const { fact } = wrapper;
  const urlArgument = args[fact.urlParam];
  return {
    call,
    trust: () => 'known',
    pieces: urlArgument ? urlPieces(urlArgument, state.context) : [],
    base: wrapper.prefix,
    method: fact.method,
    methodNode: fact.methodParam === undefined ? undefined : args[fact.methodParam],
    body: fact.bodyParam === undefined ? undefined : args[fact.bodyParam],
    responseArgument:
      fact.responseTypeParam === undefined
        ? undefined
        : callTypeArguments(call)[fact.responseTypeParam],
    fixedResponse: fact.responseType && {
      expr: fact.responseType,
      text: wrapper.responseText ?? '',
    },
    responseFromContext: () => {
      const receiving = receivingType(call, false);
      return receiving && fact.responseTypeParam !== undefined
        ? writtenType(receiving.type)
        : undefined;
    },
  };
}

/** A call of a wrapper of this file: a CallFact when its URL and method are known. */
export function resolveWrapperCall(
  call: Node,
  callee: Node,
  wrapper: LocalWrapper,
  state: CallsState,
): void {
  state.handled.add(call.id);
  const fact = callThroughWrapper(call, callee, wrapper, state.context);
  if (fact) state.calls.push({ fact, functionNode: enclosingFunction(call) });
  else addUnresolved(call, callee, state);
}

/** A call to a wrapper of this file as a CallFact; undefined when its URL or method is unknown. */
export function callThroughWrapper(
  call: Node,
  callee: Node,
  wrapper: LocalWrapper,
  context: CallsContext,
): CallFact | undefined {
  const args = callArguments(call);
  const urlArgument = args[wrapper.fact.urlParam];
  const pieces = urlArgument ? urlPieces(urlArgument, context) : [];
  if (!urlArgument || !isUrlLike(pieces, false)) return undefined;
  const method = wrapper.fact.method ?? methodArgument(args, wrapper.fact.methodParam);
  if (!method) return undefined;

  const url = joinUrls(wrapper.prefix, normaliseUrl(pieces));
  const fact = newCallFact(method, url, callee, callee.text, context);
  const bodyParam = wrapper.fact.bodyParam;
  const body = bodyParam === undefined ? undefined : args[bodyParam];
  setType(fact, 'request', body && declaredTypeOf(body, context));
  setType(fact, 'response', wrapperCallResponse(call, wrapper));
  return fact;
}

function methodArgument(args: Node[], index: number | undefined): HttpMethod | undefined {
  return index === undefined ? undefined : httpMethodOf(literalString(args[index]));
}

function wrapperCallResponse(call: Node, wrapper: LocalWrapper): WrittenType | undefined {
  const { responseType, responseTypeParam } = wrapper.fact;
  if (responseType) return { expr: responseType, text: wrapper.responseText ?? '' };
  if (responseTypeParam === undefined) return undefined;
  const argument = callTypeArguments(call)[responseTypeParam];
  if (argument) return writtenType(argument);
  const receiving = receivingType(call, false);
  return receiving ? writtenType(receiving.type) : undefined;
}
