// Calls that pass a URL to something that is not a known client: maybe a wrapper defined in
// another file. They are kept with what their arguments are, for the index to resolve.
import type { Node } from 'web-tree-sitter';
import type { TypeExpr, UnresolvedCallFact } from '../facts';
import { rangeOf } from '../syntax/nodes';
import type { CallsContext } from './calls-context';
import { callArguments, callTypeArguments, literalString } from './calls-nodes';
import { receivingType } from './calls-response';
import { declaredTypeOf, writtenType } from './calls-types';
import { isUrlLike, normaliseUrl, urlPieces } from './calls-url';
import { parseTsType } from './types';

/**
 * Callees that take paths but never make requests: navigation (also a test browser's), storage,
 * logging, string, path and URL helpers, route and test declarations.
 */
const NOT_A_REQUEST = new RegExp(
  [
    '^(console|router|history|location|window\\.location|navigation|path|fs|localStorage',
    '|sessionStorage|document|i18n|searchParams|url|cache|queryClient|page|Linking)\\.',
    '|(^|\\.)(push|replace|navigate|redirect|prefetch|assign|open|startsWith|endsWith|includes',
    '|indexOf|split|match|matchPath|test|exec|join|resolve|require|describe|it|expect|setItem',
    '|getItem|removeItem|querySelector|querySelectorAll|addEventListener|postMessage',
    '|pushState|replaceState|t|goto|waitForURL|openURL|encodeURI|encodeURIComponent',
    '|createFileRoute|createRoute|createLazyFileRoute)$',
  ].join(''),
);

/** A plain name or a chain of names (`getJson`, `api.fetchJson`, `this.api.get`). */
const NAME_CHAIN = /^[\w$]+(\.[\w$]+)*$/;

const FUNCTION_TYPES = new Set(['arrow_function', 'function_expression']);
const LITERAL_TYPES = new Set(['string', 'template_string', 'binary_expression']);
const URL_LIKE_NAME = /url|uri|api|base|host|origin|endpoint|path|route/i;

/**
 * Only literals and names that say URL are resolved as paths: resolving every argument of every
 * candidate costs more than the rare URL held in a plainly named variable is worth.
 */
function mayBeUrl(arg: Node): boolean {
  if (LITERAL_TYPES.has(arg.type)) return true;
  const isName = arg.type === 'identifier' || arg.type === 'member_expression';
  return isName && URL_LIKE_NAME.test(arg.text);
}

/** The unresolved call a candidate makes, or undefined when none of its arguments is a URL. */
export function unresolvedCallOf(
  call: Node,
  callee: Node,
  context: CallsContext,
): UnresolvedCallFact | undefined {
  if (!NAME_CHAIN.test(callee.text) || NOT_A_REQUEST.test(callee.text)) return undefined;
  const args = callArguments(call);
  if (args.some((arg) => FUNCTION_TYPES.has(arg.type))) return undefined;
  const argPaths = args.map((arg) => argumentPath(arg, context));
  if (argPaths.every((path) => path === null)) return undefined;

  const fact: UnresolvedCallFact = {
    callee: callee.text,
    argPaths,
    argTypes: args.map((arg) => declaredTypeOf(arg, context)?.expr ?? null),
    argStrings: args.map((arg) => literalString(arg) ?? null),
    typeArgs: callTypeArguments(call).map((type) => parseTsType(type)),
    file: context.file,
    range: rangeOf(callee),
  };
  const resultType = resultTypeOf(call);
  if (resultType) fact.resultType = resultType;
  return fact;
}

function argumentPath(
  arg: Node,
  context: CallsContext,
): { path: string; unknownPrefix: boolean } | null {
  if (!mayBeUrl(arg)) return null;
  const pieces = urlPieces(arg, context);
  if (!isUrlLike(pieces, true)) return null;
  const { path, unknownPrefix } = normaliseUrl(pieces);
  return { path, unknownPrefix };
}

function resultTypeOf(call: Node): TypeExpr | undefined {
  const receiving = receivingType(call, false);
  return receiving ? writtenType(receiving.type).expr : undefined;
}
