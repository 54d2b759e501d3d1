// Recognises the shape of an HTTP call: `client.get(url)`, `client.post(url, data)`,
// `axios({ method, url, data })`, `client.request(config)` and `fetch(url, init)`. What the URL
// and the types are is worked out by the caller.
import type { Node } from 'web-tree-sitter';
import type { HttpMethod } from '../facts';
import type { CallsContext } from './calls-context';
import {
  callArguments,
  calleeOf,
  literalString,
  objectEntry,
  unwrapExpression,
} from './calls-nodes';
import { findDeclaration } from './calls-scope';

/** `axios` itself, an `axios.create` instance of this file, `fetch`, or any other receiver. */
export type ClientKind = 'axios' | 'instance' | 'fetch' | 'other';

export interface HttpCallShape {
  call: Node;
  /** The callee, whose range the CallFact reports (`api.get`, `fetch`). */
  callee: Node;
  via: string;
  client: ClientKind;
  /**
   * `axios`: type arguments are `<Response, AxiosResponse, RequestBody>` and the response is
   * received as `{ data }`; `fetch`: the response is read with `res.json()`; `openapi`: an
   * openapi-fetch client (`client.GET('/parts/{id}', { body })`) whose types live in its schema.
   */
  style: 'axios' | 'fetch' | 'openapi';
  method?: HttpMethod;
  /** The expression giving the method when it is not a literal (`{ method }`). */
  methodNode?: Node;
  /** The method is decided by options this call passes on whole (`fetch(url, options)`). */
  methodHidden?: boolean;
  url?: Node;
  body?: Node;
  /** A function among the arguments: a route handler (`app.get('/x', handler)`), not a request. */
  hasFunctionArgument: boolean;
}

const METHOD_BY_NAME: Record<string, HttpMethod> = {
  get: 'GET',
  delete: 'DELETE',
  head: 'HEAD',
  options: 'OPTIONS',
  post: 'POST',
  put: 'PUT',
  patch: 'PATCH',
  postForm: 'POST',
  putForm: 'PUT',
  patchForm: 'PATCH',
};
const OPENAPI_METHODS = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS']);
const BODY_METHODS = new Set(['post', 'put', 'patch', 'postForm', 'putForm', 'patchForm']);
const HTTP_METHODS = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS']);
const GLOBAL_OBJECTS = new Set(['window', 'globalThis', 'self']);
const FUNCTION_TYPES = new Set(['arrow_function', 'function_expression', 'function']);

export function recogniseHttpCall(call: Node, context: CallsContext): HttpCallShape | undefined {
  const callee = calleeOf(call);
  if (callee?.type === 'identifier') return identifierCall(call, callee, context);
  if (callee?.type === 'member_expression') return memberCall(call, callee, context);
  return undefined;
}

/** `fetch(url, init)`, `axios(config)`, `axios(url, config)`. */
function identifierCall(
  call: Node,
  callee: Node,
  context: CallsContext,
): HttpCallShape | undefined {
  const args = callArguments(call);
  if (callee.text === 'fetch') return fetchCall(call, callee, args, context);
  if (!context.axiosNames.has(callee.text)) return undefined;

  const shape = baseShape(call, callee, 'axios', args);
  const first = args[0] ? objectValue(args[0], context) : undefined;
  if (first) return readConfig(shape, first);
  shape.url = args[0];
  const config = args[1] ? objectValue(args[1], context) : undefined;
  return config ? readConfig(shape, config) : { ...shape, method: 'GET' };
}

/** `api.get(url)`, `axios.post(url, data)`, `api.request(config)`, `window.fetch(url)`. */
function memberCall(call: Node, callee: Node, context: CallsContext): HttpCallShape | undefined {
  const object = callee.childForFieldName('object');
  const name = callee.childForFieldName('property')?.text ?? '';
  if (!object) return undefined;
  const args = callArguments(call);
  if (name === 'fetch' && GLOBAL_OBJECTS.has(object.text)) {
    return fetchCall(call, callee, args, context);
  }

  const shape = baseShape(call, callee, clientKind(object, context), args);
  if (name === 'request') {
    const config = args[0] ? objectValue(args[0], context) : undefined;
    return config ? readConfig(shape, config) : undefined;
  }
  if (OPENAPI_METHODS.has(name)) return openapiCall(shape, name as HttpMethod, args, context);
  const method = methodForName(name);
  if (!method) return undefined;
  return { ...shape, method, url: args[0], body: BODY_METHODS.has(name) ? args[1] : undefined };
}

/** The method an axios-style method name stands for (`postForm` → POST). */
export function methodForName(name: string): HttpMethod | undefined {
  return Object.hasOwn(METHOD_BY_NAME, name) ? METHOD_BY_NAME[name] : undefined;
}

export function clientKind(object: Node, context: CallsContext): ClientKind {
  if (object.type !== 'identifier') return 'other';
  if (context.axiosNames.has(object.text)) return 'axios';
  return context.instance(object.text) ? 'instance' : 'other';
}

function baseShape(call: Node, callee: Node, client: ClientKind, args: Node[]): HttpCallShape {
  const via =
    client === 'fetch' ? 'fetch' : (callee.childForFieldName('object')?.text ?? callee.text);
  const hasFunctionArgument = args.some((arg) => FUNCTION_TYPES.has(arg.type));
  const style = client === 'fetch' ? 'fetch' : 'axios';
  return { call, callee, via, client, style, hasFunctionArgument };
}

/** `client.POST('/parts', { body: part })` of openapi-fetch. */
function openapiCall(
  shape: HttpCallShape,
  method: HttpMethod,
  args: Node[],
  context: CallsContext,
): HttpCallShape {
  const options = args[1] ? objectValue(args[1], context) : undefined;
  const body = options ? objectEntry(options, 'body') : undefined;
  return { ...shape, style: 'openapi', method, url: args[0], body };
}

/** `{ method: 'post', url: '/parts', data }`: a missing method means GET, as in axios. */
function readConfig(shape: HttpCallShape, config: Node): HttpCallShape {
  const result = { ...readMethod(shape, objectEntry(config, 'method'), config) };
  result.url = objectEntry(config, 'url') ?? result.url;
  result.body = objectEntry(config, 'data');
  return result;
}

/** `fetch(url)` is a GET; `fetch(url, { method, body: JSON.stringify(x) })` says the rest. */
function fetchCall(call: Node, callee: Node, args: Node[], context: CallsContext): HttpCallShape {
  const shape = { ...baseShape(call, callee, 'fetch', args), url: args[0] };
  if (!args[1]) return { ...shape, method: 'GET' };
  const init = objectValue(args[1], context);
  if (!init) return { ...shape, methodHidden: true };
  const body = objectEntry(init, 'body');
  return { ...readMethod(shape, objectEntry(init, 'method'), init), body: body && bodyValue(body) };
}

/** The method of a config or init object; spreading other options hides a missing one. */
function readMethod(
  shape: HttpCallShape,
  methodNode: Node | undefined,
  options: Node,
): HttpCallShape {
  if (!methodNode) {
    const spreads = options.namedChildren.some((entry) => entry?.type === 'spread_element');
    return spreads ? { ...shape, methodHidden: true } : { ...shape, method: 'GET' };
  }
  const method = httpMethodOf(literalString(unwrapExpression(methodNode)));
  return method ? { ...shape, method } : { ...shape, methodNode };
}

export function httpMethodOf(text: string | undefined | null): HttpMethod | undefined {
  const upper = text?.toUpperCase();
  return upper && HTTP_METHODS.has(upper) ? (upper as HttpMethod) : undefined;
}

/** `JSON.stringify(part)` sends `part`; any other body is taken as it is. */
function bodyValue(body: Node): Node {
  const value = unwrapExpression(body);
  if (value.type !== 'call_expression') return body;
  if (value.childForFieldName('function')?.text !== 'JSON.stringify') return body;
  return callArguments(value)[0] ?? body;
}

/** An object literal, or a local constant holding one (`const init = { method: 'POST' }`). */
function objectValue(node: Node, context: CallsContext): Node | undefined {
  const value = unwrapExpression(node);
  if (value.type === 'object') return value;
  if (value.type !== 'identifier') return undefined;
  const declaration = findDeclaration(value.text, value, context);
  if (declaration?.kind !== 'variable') return undefined;
  const initial = declaration.declarator.childForFieldName('value');
  const object = initial ? unwrapExpression(initial) : undefined;
  return object?.type === 'object' ? object : undefined;
}
