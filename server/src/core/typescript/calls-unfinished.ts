// HTTP calls the parser could not finish (`api.get<Part[]>('/parts'` with no closing parenthesis
// yet), so that a call being typed keeps its fact. The calls query finds their pieces.
import type { Captures } from './calls-candidates';
import { clientKind, methodForName } from './calls-http';
import { isNotAClient } from './calls-receivers';
import { enclosingFunction } from './calls-scope';
import { newCallFact, type CallsState } from './calls-state';
import { setType, writtenType } from './calls-types';
import { isUrlLike, joinUrls, normaliseUrl, urlPieces } from './calls-url';

/** `api.get<Part[]>('/parts'` or `fetch('/parts'` while the call is still being typed. */
export function readUnfinishedCall(captures: Captures, state: CallsState): void {
  const callee = captures.get('broken.callee');
  const urlNode = captures.get('broken.url');
  if (!callee || !urlNode || state.handled.has(callee.id)) return;
  state.handled.add(callee.id);
  const object = callee.childForFieldName('object');
  const method = object ? methodForName(captures.get('broken.method')?.text ?? '') : 'GET';
  const client = object ? clientKind(object, state.context) : 'fetch';
  const pieces = urlPieces(urlNode, state.context);
  if (!method || !isUrlLike(pieces, client === 'other')) return;
  if (client === 'other' && isNotAClient(object, state.context)) return;

  const instance = object ? state.context.instance(object.text) : undefined;
  const path = normaliseUrl(pieces);
  const url = instance ? joinUrls(normaliseUrl(instance), path) : path;
  const fact = newCallFact(method, url, callee, object?.text ?? 'fetch', state.context);
  const typeArguments = captures.get('broken.type_arguments');
  const responseArgument = typeArguments?.namedChildren[0];
  if (responseArgument) setType(fact, 'response', writtenType(responseArgument));
  state.calls.push({ fact, functionNode: enclosingFunction(callee) });
}
