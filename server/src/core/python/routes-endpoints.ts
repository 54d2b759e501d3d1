// One RouteFact per HTTP method of a decorated endpoint (`@router.get("/parts/{id}")`): path,
// response model, status code, parameters and the keys of returned dicts.
import type { Node } from 'web-tree-sitter';
import type { HttpMethod, RouteFact } from '../facts';
import { namedChildren, rangeOf } from '../syntax/nodes';
import { argumentAt, readCallArguments, type CallArguments } from './routes-arguments';
import { readRouteParams } from './routes-params';
import { returnedDictKeys } from './routes-returns';
import {
  literalStringValue,
  resolveStringExpression,
  type StringConstants,
} from './routes-strings';
import { parsePythonType } from './types';

/** A route decorator and what it decorates, as the query found them. */
export interface RouteDecorator {
  routerVar: string;
  /** `get`, `post`, ... or `api_route`. */
  decoratorMethod: string;
  argumentList: Node | undefined;
  /** The decorated function; missing when the parser could not finish it. */
  func: Node | undefined;
  /** The function's name when `func` is missing but the name could be recovered. */
  recoveredName?: Node;
}

const HTTP_METHODS = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS']);

function isHttpMethod(text: string | undefined): text is HttpMethod {
  return text !== undefined && HTTP_METHODS.has(text);
}

export function routeFacts(
  decorator: RouteDecorator,
  constants: StringConstants,
  file: string,
): RouteFact[] {
  const nameNode = decorator.func?.childForFieldName('name') ?? decorator.recoveredName;
  if (!nameNode) return [];
  const args = readCallArguments(decorator.argumentList);
  const pathNode = argumentAt(args, 0, 'path');
  const path = pathNode ? resolveStringExpression(pathNode, constants).text : '';

  const base = baseRouteFact(decorator, args, path, nameNode, file);
  if (decorator.func) describeFunction(base, decorator.func, path);
  const methods = routeMethods(decorator.decoratorMethod, args);
  return methods.map((method) => ({ ...base, method, params: [...base.params] }));
}

function baseRouteFact(
  decorator: RouteDecorator,
  args: CallArguments,
  path: string,
  nameNode: Node,
  file: string,
): RouteFact {
  const fact: RouteFact = {
    method: 'GET',
    path,
    routerVar: decorator.routerVar,
    functionName: nameNode.text,
    file,
    range: rangeOf(nameNode),
    params: [],
    byAlias: args.keywords.get('response_model_by_alias')?.type !== 'false',
  };
  const responseModel = args.keywords.get('response_model');
  if (responseModel && responseModel.type !== 'none') {
    fact.responseModel = parsePythonType(responseModel);
    fact.responseModelText = responseModel.text;
  }
  const statusCode = statusCodeOf(args.keywords.get('status_code'));
  if (statusCode !== undefined) fact.statusCode = statusCode;
  return fact;
}

/** Fills what the function itself declares: return annotation, parameters, returned dict keys. */
function describeFunction(fact: RouteFact, func: Node, path: string): void {
  const returnType = func.childForFieldName('return_type');
  if (returnType) {
    fact.returnAnnotation = parsePythonType(returnType);
    fact.returnAnnotationText = returnType.text;
  }
  fact.params = readRouteParams(func.childForFieldName('parameters'), pathParamNames(path));
  const keys = returnedDictKeys(func);
  if (keys !== undefined) fact.returnedDictKeys = keys;
}

/** `{part_id}` and `{file_path:path}` in the path template. */
export function pathParamNames(path: string): Set<string> {
  const names = new Set<string>();
  for (const match of path.matchAll(/\{([A-Za-z_]\w*)(?::[^}]*)?\}/g)) names.add(match[1]);
  return names;
}

/** `status_code=201`, or a constant named by its number: `status.HTTP_201_CREATED`. */
function statusCodeOf(node: Node | undefined): number | undefined {
  if (!node) return undefined;
  if (node.type === 'integer' && /^\d{3}$/.test(node.text)) return Number(node.text);
  const named = /(?:^|\.)HTTP_(\d{3})(?:_\w*)?$/.exec(node.text);
  return named ? Number(named[1]) : undefined;
}

/** `@router.post` serves POST; `api_route` serves its `methods=[...]`, or GET without them. */
function routeMethods(decoratorMethod: string, args: CallArguments): HttpMethod[] {
  const single = decoratorMethod.toUpperCase();
  if (isHttpMethod(single)) return [single];
  const list = args.keywords.get('methods');
  if (!list) return ['GET'];

  const methods: HttpMethod[] = [];
  for (const element of namedChildren(list)) {
    const method = literalStringValue(element)?.toUpperCase();
    if (isHttpMethod(method) && !methods.includes(method)) methods.push(method);
  }
  return methods;
}
