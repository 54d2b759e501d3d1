// FastAPI routes, routers and include_router calls. The routes query finds the candidates (route
// decorators, router assignments, include_router calls, string constants); only those are walked.
import type { Node, Tree } from 'web-tree-sitter';
import type { FileFacts, IncludeRouterFact, RouterFact } from '../facts';
import { rangeOf } from '../syntax/nodes';
import { argumentAt, readCallArguments } from './routes-arguments';
import { findRoutingMatches, type Captures } from './routes-candidates';
import { routeFacts, type RouteDecorator } from './routes-endpoints';
import {
  resolveStringConstant,
  resolveStringExpression,
  type ResolvedString,
  type StringConstants,
} from './routes-strings';
import { baseName } from './types';

export function extractPythonRoutes(tree: Tree, text: string, facts: FileFacts): void {
  const matches = findRoutingMatches(tree, text);
  const constants = stringConstants(matches);

  for (const captures of matches) {
    if (captures.has('router')) addRouter(captures, constants, facts);
    else if (captures.has('include')) addInclude(captures, constants, facts);
    else if (captures.has('route.function')) addRoute(decoratedRoute(captures), constants, facts);
    else if (captures.has('broken.decorator')) addRoute(brokenRoute(captures), constants, facts);
  }
}

/** Constants in file order, so `API = "/api"` then `PARTS = API + "/parts"` both resolve. */
function stringConstants(matches: Captures[]): StringConstants {
  const constants: StringConstants = new Map();
  for (const captures of matches) {
    const name = captures.get('constant.name');
    const value = captures.get('constant.value');
    if (!name || !value) continue;
    const resolved = resolveStringConstant(value, constants);
    if (resolved) constants.set(name.text, resolved);
    else constants.delete(name.text);
  }
  return constants;
}

/** `router = APIRouter(prefix="/parts")` or `app = FastAPI()`, at any nesting (factories too). */
function addRouter(captures: Captures, constants: StringConstants, facts: FileFacts): void {
  const name = captures.get('router.name');
  const className = captures.get('router.class');
  if (!name || !className) return;
  const kind = baseName(className.text) === 'FastAPI' ? 'app' : 'router';
  const args = readCallArguments(captures.get('router.arguments'));
  const prefixNode = kind === 'router' ? args.keywords.get('prefix') : undefined;

  const prefix = prefixOf(prefixNode, constants);
  const fact: RouterFact = {
    varName: name.text,
    kind,
    prefix: prefix.text,
    file: facts.file,
    range: rangeOf(name),
  };
  if (prefix.unknownPrefix) fact.unknownPrefix = true;
  facts.routers.push(fact);
}

/** `app.include_router(parts.router, prefix="/parts")`. */
function addInclude(captures: Captures, constants: StringConstants, facts: FileFacts): void {
  const call = captures.get('include');
  const parent = captures.get('include.parent');
  const args = readCallArguments(captures.get('include.arguments'));
  const child = argumentAt(args, 0, 'router');
  if (!call || !parent || !child) return;

  const prefix = prefixOf(args.keywords.get('prefix'), constants);
  const fact: IncludeRouterFact = {
    parentVar: parent.text,
    child: child.text,
    prefix: prefix.text,
    file: facts.file,
    range: rangeOf(call),
  };
  if (prefix.unknownPrefix) fact.unknownPrefix = true;
  facts.includes.push(fact);
}

function prefixOf(node: Node | undefined, constants: StringConstants): ResolvedString {
  return node ? resolveStringExpression(node, constants) : { text: '', unknownPrefix: false };
}

function addRoute(
  decorator: RouteDecorator | undefined,
  constants: StringConstants,
  facts: FileFacts,
): void {
  if (decorator) facts.routes.push(...routeFacts(decorator, constants, facts.file));
}

function decoratedRoute(captures: Captures): RouteDecorator | undefined {
  const router = captures.get('route.router');
  const method = captures.get('route.method');
  if (!router || !method) return undefined;
  return {
    routerVar: router.text,
    decoratorMethod: method.text,
    argumentList: captures.get('route.arguments'),
    func: captures.get('route.function'),
  };
}

/**
 * A decorator the parser left inside an error (`def f(a: int, b:` while typing): the function's
 * name is the identifier after the next `def`, and the rest of it is not trusted.
 */
function brokenRoute(captures: Captures): RouteDecorator | undefined {
  const decorator = captures.get('broken.decorator');
  const router = captures.get('broken.router');
  const method = captures.get('broken.method');
  if (!decorator || !router || !method) return undefined;
  const recoveredName = nameAfterDef(decorator);
  if (!recoveredName) return undefined;
  return {
    routerVar: router.text,
    decoratorMethod: method.text,
    argumentList: captures.get('broken.arguments'),
    func: undefined,
    recoveredName,
  };
}

/** The identifier after the `def` that follows the decorator, past other decorators. */
function nameAfterDef(decorator: Node): Node | undefined {
  let sibling = decorator.nextSibling;
  while (sibling && DECORATOR_FOLLOWERS.has(sibling.type)) sibling = sibling.nextSibling;
  const name = sibling?.type === 'def' ? sibling.nextSibling : null;
  return name?.type === 'identifier' ? name : undefined;
}

/** What may stand between a decorator and the `def` of the function it decorates. */
const DECORATOR_FOLLOWERS = new Set(['decorator', 'comment', 'async']);
