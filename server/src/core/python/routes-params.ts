// Where each parameter of a FastAPI endpoint comes from (body, path, query, header, dependency...),
// following FastAPI's rules: an explicit marker wins, then the path template, then the annotation.
import type { Node } from 'web-tree-sitter';
import type { RouteParamFact, TypeExpr } from '../facts';
import { namedChildren, rangeOf } from '../syntax/nodes';
import { baseName, parsePythonType } from './types';

type ParamSource = RouteParamFact['source'];

/** A parameter as declared: its name, annotation and default, any of which may be missing. */
interface DeclaredParam {
  name: Node;
  annotation: Node | null;
  defaultValue: Node | null;
}

/** `Query(...)`, `Depends(...)`: the FastAPI marker functions and the source each one declares. */
const MARKER_SOURCES: Record<string, ParamSource> = {
  Depends: 'depends',
  Security: 'depends',
  Query: 'query',
  Path: 'path',
  Header: 'header',
  Cookie: 'other',
  Form: 'form',
  File: 'file',
  Body: 'body',
};

/** Classes FastAPI injects itself; they never come from the request body. */
const SPECIAL_CLASSES = new Set([
  'Request',
  'Response',
  'BackgroundTasks',
  'WebSocket',
  'HTTPConnection',
  'SecurityScopes',
]);

/** Annotations FastAPI reads from the query string when no marker says otherwise. */
const SCALAR_TYPES = new Set([
  ...['str', 'int', 'float', 'bool', 'bytes', 'UUID', 'UUID1', 'UUID3', 'UUID4', 'UUID5'],
  ...['datetime', 'date', 'time', 'timedelta', 'Decimal', 'EmailStr', 'NameEmail'],
  ...['AnyUrl', 'HttpUrl', 'AnyHttpUrl', 'SecretStr', 'Literal', 'Any'],
  ...['StrictStr', 'StrictInt', 'StrictFloat', 'StrictBool', 'PositiveInt', 'NegativeInt'],
  ...['NonNegativeInt', 'NonPositiveInt', 'PositiveFloat', 'NegativeFloat', 'NonNegativeFloat'],
]);

/** Containers whose element decides the source (`list[int]` is read like `int`). */
const CONTAINER_TYPES = new Set([
  ...['list', 'List', 'set', 'Set', 'frozenset', 'FrozenSet', 'Sequence', 'tuple', 'Tuple'],
  ...['Optional', 'Union'],
]);

/** The parameters of a route function, without `self`, `cls`, `*args` and `**kwargs`. */
export function readRouteParams(parameters: Node | null, pathNames: Set<string>): RouteParamFact[] {
  if (!parameters) return [];
  const declared = namedChildren(parameters)
    .map(declaredParam)
    .filter((param): param is DeclaredParam => !!param);
  const first = declared[0]?.name.text;
  if (first === 'self' || first === 'cls') declared.shift();
  return declared.map((param) => routeParam(param, pathNames));
}

function declaredParam(node: Node): DeclaredParam | undefined {
  switch (node.type) {
    case 'identifier':
      return { name: node, annotation: null, defaultValue: null };
    case 'typed_parameter': {
      // `*args: int` is a typed_parameter around a splat; its first child is then not a name.
      const name = node.namedChildren[0];
      if (name?.type !== 'identifier') return undefined;
      return { name, annotation: node.childForFieldName('type'), defaultValue: null };
    }
    case 'default_parameter':
    case 'typed_default_parameter': {
      const name = node.childForFieldName('name');
      if (name?.type !== 'identifier') return undefined;
      const annotation = node.childForFieldName('type');
      return { name, annotation, defaultValue: node.childForFieldName('value') };
    }
    default:
      return undefined;
  }
}

function routeParam(param: DeclaredParam, pathNames: Set<string>): RouteParamFact {
  const { type, metadata } = splitAnnotated(param.annotation);
  const typeExpr = parsePythonType(type);
  const markers = [param.defaultValue, ...metadata].map(markerSource);
  const marker = markers.find((source) => source !== undefined);

  let source: ParamSource;
  if (marker) source = marker;
  else if (pathNames.has(param.name.text)) source = 'path';
  else source = type ? sourceFromType(typeExpr) : 'query';
  return {
    name: param.name.text,
    type: type?.text ?? '',
    typeExpr,
    source,
    range: rangeOf(param.name),
  };
}

/** `Annotated[T, Query()]` declares the type T and the markers after it. */
function splitAnnotated(annotation: Node | null): { type: Node | null; metadata: Node[] } {
  const inner = annotation?.type === 'type' ? annotation.namedChildren[0] : annotation;
  const parts = inner ? annotatedArguments(inner) : [];
  if (parts.length === 0) return { type: annotation, metadata: [] };
  return { type: parts[0], metadata: parts.slice(1) };
}

/** The arguments of `Annotated[...]`, written as a type (`generic_type`) or as a `subscript`. */
function annotatedArguments(node: Node): Node[] {
  if (node.type === 'generic_type') {
    const [head, parameters] = node.namedChildren;
    const isAnnotated = baseName(head?.text ?? '') === 'Annotated';
    return isAnnotated && parameters ? namedChildren(parameters) : [];
  }
  if (node.type !== 'subscript') return [];
  const head = node.childForFieldName('value')?.text ?? '';
  if (baseName(head) !== 'Annotated') return [];
  return node.childrenForFieldName('subscript').filter((child): child is Node => !!child);
}

/** The source a marker call declares: `Depends(get_db)`, `fastapi.Query(None)`. */
function markerSource(node: Node | null): ParamSource | undefined {
  const call = node?.type === 'type' ? node.namedChildren[0] : node;
  if (call?.type !== 'call') return undefined;
  const callee = call.childForFieldName('function')?.text ?? '';
  return MARKER_SOURCES[baseName(callee)];
}

/**
 * Without a marker the annotation decides: scalars (and lists of them) are query parameters,
 * FastAPI's own classes are injected, and any other name is taken for a body model. The index
 * keeps `body` only when the name resolves to a model, so an alias like `SessionDep` is harmless.
 */
export function sourceFromType(expr: TypeExpr): ParamSource {
  if (expr.kind === 'literal') return 'query';
  if (expr.kind === 'union') return sourceOfMembers(expr.members);
  if (expr.kind === 'array' || expr.kind === 'tuple') return 'other';
  if (expr.kind !== 'name') return 'other';

  const name = baseName(expr.name);
  if (CONTAINER_TYPES.has(name) && expr.args.length > 0) return sourceOfMembers(expr.args);
  if (SPECIAL_CLASSES.has(name)) return 'other';
  if (name === 'UploadFile') return 'file';
  return SCALAR_TYPES.has(name) ? 'query' : 'body';
}

/** `Part | None`, `Union[int, str]`, `tuple[int, ...]`: None and `...` do not decide the source. */
function sourceOfMembers(members: TypeExpr[]): ParamSource {
  const meaningful = members.filter((member) => !isNoneOrEllipsis(member));
  const sources = meaningful.map(sourceFromType);
  if (sources.length === 0) return 'query';
  return sources.find((source) => source !== 'query') ?? 'query';
}

function isNoneOrEllipsis(expr: TypeExpr): boolean {
  if (expr.kind === 'literal') return expr.value === null;
  return expr.kind === 'unknown' && expr.text === '...';
}
