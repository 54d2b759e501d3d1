// Finds the routing constructs of a file with the routes query, run only over the slices of the
// text that can hold one: a query over the whole tree visits every node, a large share of a parse.
import type { Node, QueryMatch, Tree } from 'web-tree-sitter';
import { loadQuery } from '../syntax/parser';
import { rangesAround } from './imports-scan';

/** The nodes of one query match by capture name. */
export type Captures = Map<string, Node>;

const ROUTE_METHODS = 'get|post|put|patch|delete|head|options|api_route';
/** `@router.get(`, `@app.api_route(`. */
const ROUTE_DECORATOR = String.raw`@[ \t]*\w+[ \t]*\.[ \t]*(?:${ROUTE_METHODS})\b`;
/** `APIRouter(`, `FastAPI(`, `.include_router(`; no `\b` before APIRouter: `UserAPIRouter(` too. */
const ROUTER_WORD = String.raw`(?:APIRouter|\bFastAPI|\binclude_router)\b`;
/** A top-level assignment (`API_PREFIX = "/api"`, `BASE: str = ...`): maybe a string constant. */
const MODULE_ASSIGNMENT = String.raw`^[A-Za-z_]\w*[ \t]*(?::[^=\n]*)?=(?!=)`;

/** Text that every file with a route, router or include_router holds; other files are skipped. */
const ROUTING_HINT = new RegExp(`${ROUTER_WORD}|${ROUTE_DECORATOR}`);
const ROUTING_CANDIDATE = new RegExp(
  `${ROUTER_WORD}|${ROUTE_DECORATOR}|${MODULE_ASSIGNMENT}`,
  'gm',
);

/** Matches of the routes query in file order, each once. */
export function findRoutingMatches(tree: Tree, text: string): Captures[] {
  if (!ROUTING_HINT.test(text)) return [];
  const query = loadQuery('python', 'routes');
  const seen = new Set<string>();
  const found: Captures[] = [];
  for (const range of rangesAround(text, ROUTING_CANDIDATE, 200)) {
    for (const match of query.matches(tree.rootNode, range)) {
      const key = matchKey(match);
      if (seen.has(key)) continue;
      seen.add(key);
      found.push(capturesOf(match));
    }
  }
  return found;
}

/** A match that spans two slices is returned by both queries; its nodes identify it. */
function matchKey(match: QueryMatch): string {
  return `${match.patternIndex}:${match.captures.map((capture) => capture.node.id).join(',')}`;
}

function capturesOf(match: QueryMatch): Captures {
  const captures: Captures = new Map();
  for (const capture of match.captures) captures.set(capture.name, capture.node);
  return captures;
}
