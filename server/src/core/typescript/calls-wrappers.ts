// Thin functions around an HTTP client: a named top-level function (or a method of a top-level
// object literal) that passes one of its parameters on as the URL. Calls to the wrappers of the
// same file are read in calls-wrapper-uses.ts; calls to imported ones are left to the index.
import type { Node } from 'web-tree-sitter';
import type { HttpMethod, HttpWrapperFact } from '../facts';
import { rangeOf } from '../syntax/nodes';
import type { CallsContext } from './calls-context';
import { httpMethodOf } from './calls-http';
import { literalString } from './calls-nodes';
import type { ClientTrust } from './calls-receivers';
import { promiseReturnType } from './calls-response';
import { findDeclaration, parameterName, typeParameterNames } from './calls-scope';
import { writtenType, type WrittenType } from './calls-types';
import { joinUrls, normaliseUrl, type NormalisedUrl, type UrlPiece } from './calls-url';

/** What an HTTP call, or a call to a wrapper of this file, passes on. */
export interface InnerRequest {
  call: Node;
  /** Whether the receiver is an HTTP client; an `unknown` one needs a URL-named parameter. */
  trust: () => ClientTrust;
  pieces: UrlPiece[];
  /** What the client or the inner wrapper puts before the URL (an axios baseURL). */
  base?: NormalisedUrl;
  method?: HttpMethod;
  methodNode?: Node;
  body?: Node;
  /** The written type argument that becomes the response type. */
  responseArgument?: Node;
  /** A response type fixed by the inner wrapper. */
  fixedResponse?: WrittenType;
  /** Reads the response type from the code around the call. */
  responseFromContext: () => WrittenType | undefined;
}

export interface LocalWrapper {
  fact: HttpWrapperFact;
  functionNode: Node;
  prefix: NormalisedUrl;
  responseText?: string;
}

interface WrapperIdentity {
  name: string;
  nameNode: Node;
  exported: boolean;
}

const URL_PARAMETER_NAME = /url|uri|path|endpoint|route|resource|href|link/i;
const URL_PARAMETER_TYPE = /\b(string|URL|RequestInfo|Request)\b/;
const QUERY_LIKE_TEXT = /query|\bqs\b|search|params|filter/i;

/** The wrapper an inner request makes of its enclosing function, if its URL is a parameter. */
export function wrapperOf(inner: InnerRequest, context: CallsContext): LocalWrapper | undefined {
  const index = inner.pieces.findIndex((piece) => piece.kind === 'dynamic' && piece.parameter);
  const piece = inner.pieces[index];
  if (piece?.kind !== 'dynamic' || !piece.parameter) return undefined;
  const { functionNode, index: urlParam } = piece.parameter;
  const identity = wrapperIdentity(functionNode, context);
  const before = inner.pieces.slice(0, index);
  const after = inner.pieces.slice(index + 1);
  if (!identity || !isPlainPrefix(before) || !isQueryTail(after)) return undefined;
  const parameter = parameterAt(functionNode, urlParam);
  if (!looksLikeUrlParameter(parameter, before)) return undefined;
  const trust = inner.trust();
  const name = parameter ? (parameterName(parameter) ?? '') : '';
  if (trust === 'never' || (trust === 'unknown' && !URL_PARAMETER_NAME.test(name))) {
    return undefined;
  }

  const own = normaliseUrl(before);
  const prefix = inner.base ? joinUrls(inner.base, own) : own;
  const fact: HttpWrapperFact = {
    name: identity.name,
    urlParam,
    urlPrefix: prefix.path,
    unknownPrefix: prefix.unknownPrefix,
    exported: identity.exported,
    range: rangeOf(identity.nameNode),
  };
  addMethod(fact, inner, functionNode, context);
  const bodyParam = inner.body && parameterIndexIn(inner.body, functionNode, context);
  if (bodyParam !== undefined) fact.bodyParam = bodyParam;
  const responseText = addResponse(fact, inner, functionNode);
  return { fact, functionNode, prefix, responseText };
}

/** Pieces before the URL parameter: text and constants, and no `?` (a query value). */
function isPlainPrefix(pieces: UrlPiece[]): boolean {
  return pieces.every(
    (piece) => piece.kind !== 'dynamic' && (piece.kind !== 'text' || !/[?#]/.test(piece.text)),
  );
}

/** Pieces after the URL parameter may only add a query string. */
function isQueryTail(pieces: UrlPiece[]): boolean {
  const meaningful = pieces.filter((piece) => piece.kind !== 'text' || piece.text !== '');
  const first = meaningful[0];
  if (!first) return true;
  if (first.kind === 'text') return /^[?#]/.test(first.text);
  return (
    meaningful.length === 1 && first.kind === 'dynamic' && QUERY_LIKE_TEXT.test(first.node.text)
  );
}

/**
 * A parameter right after a `/` is a path parameter (`/parts/${id}`) unless its name says it is
 * a URL; a parameter declared as something other than a string is never a URL.
 */
function looksLikeUrlParameter(parameter: Node | undefined, before: UrlPiece[]): boolean {
  if (!parameter) return false;
  const type = parameter.childForFieldName('type');
  if (type && !URL_PARAMETER_TYPE.test(type.text)) return false;
  const texts = before.filter((piece) => piece.kind === 'text' && piece.text !== '');
  const last = texts.at(-1);
  const afterSlash = last?.kind === 'text' && last.text.endsWith('/');
  return !afterSlash || URL_PARAMETER_NAME.test(parameterName(parameter) ?? '');
}

function parameterAt(functionNode: Node, index: number): Node | undefined {
  const single = functionNode.childForFieldName('parameter');
  if (single) return index === 0 ? single : undefined;
  const list = functionNode.childForFieldName('parameters');
  return list?.namedChildren.filter((child) => child?.type !== 'comment')[index] ?? undefined;
}

/** The index of the wrapper's parameter an expression names, if it names one. */
function parameterIndexIn(
  node: Node,
  functionNode: Node,
  context: CallsContext,
): number | undefined {
  if (node.type !== 'identifier' && node.type !== 'shorthand_property_identifier') return undefined;
  const declaration = findDeclaration(node.text, node, context);
  if (declaration?.kind !== 'parameter') return undefined;
  return declaration.functionNode.id === functionNode.id ? declaration.index : undefined;
}

function addMethod(
  fact: HttpWrapperFact,
  inner: InnerRequest,
  functionNode: Node,
  context: CallsContext,
): void {
  if (inner.method) fact.method = inner.method;
  if (!inner.methodNode) return;
  const literal = httpMethodOf(literalString(inner.methodNode));
  const methodParam = parameterIndexIn(inner.methodNode, functionNode, context);
  if (literal) fact.method = literal;
  else if (methodParam !== undefined) fact.methodParam = methodParam;
}

/**
 * A response type that is one of the wrapper's type parameters becomes `responseTypeParam`; a
 * concrete one becomes `responseType`; one that merely mentions a type parameter is dropped.
 */
function addResponse(
  fact: HttpWrapperFact,
  inner: InnerRequest,
  functionNode: Node,
): string | undefined {
  const response = inner.responseArgument
    ? writtenType(inner.responseArgument)
    : (inner.fixedResponse ?? inner.responseFromContext() ?? promiseReturnType(functionNode));
  if (!response) return undefined;
  const typeParameters = typeParameterNames(functionNode);
  const index = typeParameters.indexOf(response.text);
  if (index >= 0) {
    fact.responseTypeParam = index;
    return undefined;
  }
  if (typeParameters.some((name) => new RegExp(`\\b${name}\\b`).test(response.text))) {
    return undefined;
  }
  fact.responseType = response.expr;
  return response.text;
}

/** The name a wrapper is called by, or undefined for functions that are not at the top level. */
function wrapperIdentity(functionNode: Node, context: CallsContext): WrapperIdentity | undefined {
  const parent = functionNode.parent;
  if (!parent) return undefined;
  if (functionNode.type.endsWith('function_declaration')) {
    const nameNode = functionNode.childForFieldName('name');
    return nameNode ? topLevelIdentity(nameNode.text, nameNode, parent, context) : undefined;
  }
  if (parent.type === 'variable_declarator') {
    const nameNode = parent.childForFieldName('name');
    if (nameNode?.type !== 'identifier') return undefined;
    return topLevelIdentity(nameNode.text, nameNode, parent.parent?.parent, context);
  }
  return objectMemberIdentity(functionNode, context);
}

function topLevelIdentity(
  name: string,
  nameNode: Node,
  container: Node | null | undefined,
  context: CallsContext,
): WrapperIdentity | undefined {
  if (container?.type === 'program') {
    return { name, nameNode, exported: context.inExportList(name) };
  }
  if (container?.type === 'export_statement' && container.parent?.type === 'program') {
    return { name, nameNode, exported: true };
  }
  return undefined;
}

/** `export const api = { getJson(url) {...}, post: (url, body) => ... }` → `api.getJson`. */
function objectMemberIdentity(
  functionNode: Node,
  context: CallsContext,
): WrapperIdentity | undefined {
  const member = functionNode.type === 'method_definition' ? functionNode : functionNode.parent;
  const key =
    member?.type === 'pair'
      ? member.childForFieldName('key')
      : functionNode.type === 'method_definition'
        ? functionNode.childForFieldName('name')
        : null;
  const declarator = member?.parent?.type === 'object' ? member.parent.parent : null;
  if (!key || declarator?.type !== 'variable_declarator') return undefined;
  const objectName = declarator.childForFieldName('name');
  if (objectName?.type !== 'identifier') return undefined;
  const name = `${objectName.text}.${key.text}`;
  const identity = topLevelIdentity(name, key, declarator.parent?.parent, context);
  if (identity && context.inExportList(objectName.text)) identity.exported = true;
  return identity;
}
