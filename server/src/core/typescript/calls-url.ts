// URL expressions as route patterns: literals, templates, `+` concatenation and constants become
// `/parts/{param}`; env variables and runtime values before the path become an unknown prefix.
import type { Node } from 'web-tree-sitter';
import { namedChildren, unquote } from '../syntax/nodes';
import type { CallsContext } from './calls-context';
import { objectEntry, unwrapExpression } from './calls-nodes';
import { findDeclaration } from './calls-scope';

/**
 * One piece of a URL expression. `const` is an identifier imported from another module (the index
 * substitutes it), `base` a value only known at run time that is meant as a base URL (an env
 * variable, `window.location.origin`), `dynamic` any other runtime value (a path parameter, or a
 * wrapper's own URL parameter when `parameter` is set).
 */
export type UrlPiece =
  | { kind: 'text'; text: string }
  | { kind: 'const'; name: string }
  | { kind: 'base' }
  | { kind: 'dynamic'; node: Node; parameter?: { functionNode: Node; index: number } };

export interface NormalisedUrl {
  path: string;
  unknownPrefix: boolean;
  /** The URL named its own scheme and host, so a client's base URL does not apply. */
  absolute: boolean;
}

const MAX_DEPTH = 8;
const PARAM_MARK = '\u0001';
const ENV_BASE =
  /^(import\.meta\.env|process\.env)\b|^(window\.|globalThis\.)?location\.(origin|host)/;
const URL_LIKE_NAME = /url|uri|base|api|host|origin|endpoint|server|root|prefix|path/i;
const QUERY_LIKE_TEXT = /query|\bqs\b|search|params|filter/i;
/** A route template's own parameter written in the string (`/parts/{part_id}`, openapi-fetch). */
const ROUTE_PARAM = /\{[^}]*\}/;
const ABSOLUTE_URL = /^([a-z][a-z0-9+.-]*:)?\/\/[^/?#]*/i;

/** The pieces a URL expression is built from, resolving same-file constants and locals. */
export function urlPieces(node: Node, context: CallsContext, depth = 0): UrlPiece[] {
  if (depth > MAX_DEPTH) return [{ kind: 'dynamic', node }];
  switch (node.type) {
    case 'string':
      return [{ kind: 'text', text: unquote(node.text) ?? stringContent(node) }];
    case 'template_string':
      return templatePieces(node, context, depth);
    case 'binary_expression':
      return binaryPieces(node, context, depth);
    case 'parenthesized_expression':
    case 'as_expression':
    case 'satisfies_expression':
    case 'non_null_expression':
      return innerPieces(node, context, depth);
    case 'identifier':
    case 'shorthand_property_identifier':
      return identifierPieces(node, context, depth);
    case 'member_expression':
    case 'subscript_expression':
      return memberPieces(node, context, depth);
    case 'call_expression':
      return routeHelperPieces(node, context, depth);
    default:
      return [{ kind: 'dynamic', node }];
  }
}

function stringContent(node: Node): string {
  return namedChildren(node)
    .map((child) => child.text)
    .join('');
}

function innerPieces(node: Node, context: CallsContext, depth: number): UrlPiece[] {
  const inner = namedChildren(node)[0];
  return inner ? urlPieces(inner, context, depth + 1) : [{ kind: 'dynamic', node }];
}

/** `` `/parts/${id}` ``: fragments are text, each `${...}` is resolved on its own. */
function templatePieces(node: Node, context: CallsContext, depth: number): UrlPiece[] {
  const pieces: UrlPiece[] = [];
  for (const child of namedChildren(node)) {
    if (child.type === 'template_substitution') {
      const expression = namedChildren(child)[0];
      pieces.push(...(expression ? urlPieces(expression, context, depth + 1) : []));
    } else if (child.type === 'escape_sequence') {
      pieces.push({ kind: 'text', text: child.text.slice(1) });
    } else {
      pieces.push({ kind: 'text', text: child.text });
    }
  }
  return pieces;
}

/** `API + '/parts/' + id`; `ENV ?? ''` and `ENV || 'http://localhost'` keep only the env part. */
function binaryPieces(node: Node, context: CallsContext, depth: number): UrlPiece[] {
  const left = node.childForFieldName('left');
  const right = node.childForFieldName('right');
  const operator = node.childForFieldName('operator')?.type;
  if (!left || !right) return [{ kind: 'dynamic', node }];
  if (operator === '+') {
    return [...urlPieces(left, context, depth + 1), ...urlPieces(right, context, depth + 1)];
  }
  if (operator === '??' || operator === '||') {
    const first = urlPieces(left, context, depth + 1)[0];
    if (first?.kind === 'base') return [{ kind: 'base' }];
  }
  return [{ kind: 'dynamic', node }];
}

function identifierPieces(node: Node, context: CallsContext, depth: number): UrlPiece[] {
  const declaration = findDeclaration(node.text, node, context);
  if (declaration?.kind === 'parameter') {
    const { functionNode, index } = declaration;
    return [{ kind: 'dynamic', node, parameter: { functionNode, index } }];
  }
  const constant = context.constant(node.text);
  if (constant && (!declaration || isTopLevelDeclarator(declaration.declarator, context))) {
    return constant;
  }
  if (!declaration) {
    return context.isImported(node.text) ? [{ kind: 'const', name: node.text }] : [dynamic(node)];
  }
  const value = declaration.declarator.childForFieldName('value');
  if (!value) return [dynamic(node)];
  const pieces = urlPieces(value, context, depth + 1);
  // A name for a runtime value says more about its purpose than the value's own expression does.
  return pieces.length === 1 && pieces[0].kind === 'dynamic' ? [dynamic(node)] : pieces;
}

function dynamic(node: Node): UrlPiece {
  return { kind: 'dynamic', node };
}

function isTopLevelDeclarator(declarator: Node, context: CallsContext): boolean {
  const name = declarator.childForFieldName('name')?.text ?? '';
  return context.topLevel(name)?.id === declarator.id;
}

/** `import.meta.env.VITE_API_URL`, `process.env.API`, `ENDPOINTS.parts` of a same-file object. */
function memberPieces(node: Node, context: CallsContext, depth: number): UrlPiece[] {
  if (ENV_BASE.test(node.text)) return [{ kind: 'base' }];
  const value = memberConstantValue(node, context);
  return value ? urlPieces(value, context, depth + 1) : [{ kind: 'dynamic', node }];
}

/** `ENDPOINTS.parts`: the value of a key of a top-level object constant. */
function memberConstantValue(node: Node, context: CallsContext): Node | undefined {
  const object = node.childForFieldName('object');
  const property = node.childForFieldName('property');
  if (object?.type !== 'identifier' || property?.type !== 'property_identifier') return undefined;
  return objectConstantValue(context.topLevel(object.text), property.text);
}

/**
 * `routes.part(id)` or `partUrl(id)`: a top-level arrow function whose body is the URL. Its own
 * parameters become path parameters; they are not the enclosing function's, so they cannot make
 * that function a wrapper.
 */
function routeHelperPieces(call: Node, context: CallsContext, depth: number): UrlPiece[] {
  const callee = call.childForFieldName('function');
  const helper =
    callee?.type === 'identifier'
      ? context.topLevel(callee.text)?.childForFieldName('value')
      : callee?.type === 'member_expression'
        ? memberConstantValue(callee, context)
        : undefined;
  const body = helper?.type === 'arrow_function' ? helper.childForFieldName('body') : null;
  if (!helper || !body || body.type === 'statement_block') return [{ kind: 'dynamic', node: call }];
  return urlPieces(body, context, depth + 1).map((piece) =>
    piece.kind === 'dynamic' && piece.parameter?.functionNode.id === helper.id
      ? { kind: 'dynamic', node: piece.node }
      : piece,
  );
}

/** The value of `key` in a top-level `const ENDPOINTS = { key: '/x' }` (possibly `as const`). */
function objectConstantValue(declarator: Node | undefined, key: string): Node | undefined {
  let value = declarator?.childForFieldName('value');
  if (value?.type === 'satisfies_expression') value = namedChildren(value)[0];
  value = value ? unwrapExpression(value) : undefined;
  return value?.type === 'object' ? objectEntry(value, key) : undefined;
}

/**
 * Whether pieces look like a URL. Strict is for receivers that may not be HTTP clients at all
 * (`cache.get(key)`): the URL must start with `/`, `http`, a base constant or an env variable.
 * Loose is for known clients, where any text or constant part will do.
 */
export function isUrlLike(pieces: UrlPiece[], strict: boolean): boolean {
  const meaningful = pieces.filter((piece) => piece.kind !== 'text' || piece.text !== '');
  const textIndex = meaningful.findIndex((piece) => piece.kind === 'text');
  const lead = textIndex < 0 ? meaningful : meaningful.slice(0, textIndex);
  const first = textIndex < 0 ? undefined : (meaningful[textIndex] as { text: string }).text;
  const continuesPath = first === undefined || /^[/?]/.test(first);

  if (lead.length === 0)
    return first !== undefined && (!strict || /^(\/|https?:\/\/)/i.test(first));
  if (lead.every((piece) => piece.kind === 'base')) return continuesPath;
  const only = lead.length === 1 ? lead[0] : undefined;
  if (only?.kind === 'const') {
    return first === undefined ? !strict || URL_LIKE_NAME.test(only.name) : continuesPath;
  }
  if (first === undefined || !first.startsWith('/')) return false;
  return !strict || (only?.kind === 'dynamic' && URL_LIKE_NAME.test(only.node.text));
}

/** Route pattern of the pieces: host and query dropped, parameters as `{param}`. */
export function normaliseUrl(pieces: UrlPiece[]): NormalisedUrl {
  const kept = withoutQuerySuffix(pieces);
  let index = 0;
  let unknownPrefix = false;
  while (index < kept.length && isLeadingUnknown(kept[index])) {
    if (kept[index].kind !== 'text') unknownPrefix = true;
    index++;
  }
  const lead = kept[index];
  const constName = !unknownPrefix && lead?.kind === 'const' ? lead.name : undefined;
  if (constName) index++;

  let raw = kept.slice(index).map(pieceText).join('');
  const absolute = !constName && ABSOLUTE_URL.test(raw);
  if (absolute) raw = raw.replace(ABSOLUTE_URL, '');
  const path = raw
    .replace(/[?#][\s\S]*$/, '')
    .split('/')
    .map((segment) =>
      segment.includes(PARAM_MARK) || ROUTE_PARAM.test(segment) ? '{param}' : segment,
    )
    .join('/');
  const prefix = constName ? `{const:${constName}}` : '';
  return { path: prefix + path, unknownPrefix: unknownPrefix && !absolute, absolute };
}

function isLeadingUnknown(piece: UrlPiece): boolean {
  return (
    piece.kind === 'base' || piece.kind === 'dynamic' || (piece.kind === 'text' && !piece.text)
  );
}

function pieceText(piece: UrlPiece): string {
  return piece.kind === 'text' ? piece.text : PARAM_MARK;
}

/** `/parts${query}`: a trailing runtime value glued to a segment and named like a query string. */
function withoutQuerySuffix(pieces: UrlPiece[]): UrlPiece[] {
  const last = pieces.at(-1);
  const before = pieces.at(-2);
  if (last?.kind !== 'dynamic' || before?.kind !== 'text' || before.text.endsWith('/')) {
    return pieces;
  }
  return QUERY_LIKE_TEXT.test(last.node.text) ? pieces.slice(0, -1) : pieces;
}

/**
 * A client's base URL followed by a request path, as axios joins them: one slash between, and an
 * absolute or runtime-prefixed request URL ignores the base.
 */
export function joinUrls(base: NormalisedUrl, path: NormalisedUrl): NormalisedUrl {
  if (path.absolute || path.unknownPrefix || path.path.startsWith('{const:')) return path;
  if (!base.path && !base.unknownPrefix) return path;
  const head = base.path.replace(/\/+$/, '');
  const tail = path.path === '' || path.path.startsWith('/') ? path.path : `/${path.path}`;
  return { path: head + tail, unknownPrefix: base.unknownPrefix, absolute: base.absolute };
}
