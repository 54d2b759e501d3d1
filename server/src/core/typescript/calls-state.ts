// The state one file's call extraction builds up, and the small steps every part of it shares:
// reading a candidate under a guard, making a CallFact, recording a wrapper or an unresolved call.
import type { Node } from 'web-tree-sitter';
import type { CallFact, FileFacts, HttpMethod, UnresolvedCallFact } from '../facts';
import { rangeOf } from '../syntax/nodes';
import type { CallsContext } from './calls-context';
import type { JsonCall } from './calls-response';
import { enclosingFunction } from './calls-scope';
import { unresolvedCallOf } from './calls-unresolved';
import type { NormalisedUrl } from './calls-url';
import type { LocalWrapper } from './calls-wrappers';

/** A fact with the function it sits in, for the `Promise<T>` return type rule. */
export interface Located<T> {
  fact: T;
  functionNode?: Node;
}

export interface CallsState {
  context: CallsContext;
  facts: FileFacts;
  jsonCalls: JsonCall[];
  calls: Located<CallFact>[];
  unresolved: Located<UnresolvedCallFact>[];
  wrappers: Map<string, LocalWrapper>;
  /** Calls already read, by node id, so no call yields two facts. */
  handled: Set<number>;
}

export function newCallsState(
  context: CallsContext,
  facts: FileFacts,
  jsonCalls: JsonCall[],
): CallsState {
  const wrappers = new Map<string, LocalWrapper>();
  return { context, facts, jsonCalls, calls: [], unresolved: [], wrappers, handled: new Set() };
}

/** One failing call costs only its own fact: the failure is kept as a problem on the file. */
export function guarded(state: CallsState, node: Node, read: () => void): void {
  try {
    read();
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    state.facts.problems.push({ message: `HTTP call not read: ${reason}`, range: rangeOf(node) });
  }
}

export function addWrapper(wrapper: LocalWrapper, state: CallsState): void {
  if (state.wrappers.has(wrapper.fact.name)) return;
  state.wrappers.set(wrapper.fact.name, wrapper);
}

/** A CallFact for a call whose method and URL are known; types are added by the caller. */
export function newCallFact(
  method: HttpMethod,
  url: NormalisedUrl,
  callee: Node,
  via: string,
  context: CallsContext,
): CallFact {
  const { path, unknownPrefix } = url;
  return { method, path, unknownPrefix, file: context.file, range: rangeOf(callee), via };
}

export function addUnresolved(call: Node, callee: Node, state: CallsState): void {
  state.handled.add(call.id);
  const fact = unresolvedCallOf(call, callee, state.context);
  if (fact) state.unresolved.push({ fact, functionNode: enclosingFunction(call) });
}
