// Matches a frontend call to the backend route that serves it: same method, same path segments
// with route parameters matching any segment, and static routes winning over parameter routes
// as FastAPI orders them. A prefix neither side can know makes the match a suffix match.
import type { ResolvedCall, ResolvedRoute } from '../index/resolved';
import { canonicalPath } from '../index/url-paths';

export interface RouteMatch {
  route: ResolvedRoute;
  /** Literal segments that matched literally: more is a better match. */
  literalSegments: number;
  /** The match relied on a prefix one side could not know. */
  suffixOnly: boolean;
}

export function matchCallToRoute(
  call: ResolvedCall,
  routes: ResolvedRoute[],
): RouteMatch | undefined {
  const callSegments = segmentsOf(call.path);
  let best: RouteMatch | undefined;
  for (const { route, segments } of routesByMethod(routes).get(call.method) ?? []) {
    const match = matchSegments(callSegments, segments, call, route);
    if (match === undefined) continue;
    const candidate = {
      route,
      literalSegments: match,
      suffixOnly: call.unknownPrefix || route.unknownPrefix,
    };
    if (!best || isBetter(candidate, best)) best = candidate;
  }
  return best;
}

function isBetter(candidate: RouteMatch, best: RouteMatch): boolean {
  if (candidate.suffixOnly !== best.suffixOnly) return !candidate.suffixOnly;
  if (candidate.literalSegments !== best.literalSegments) {
    return candidate.literalSegments > best.literalSegments;
  }
  // Equal: FastAPI serves the first registered route; mounted routes beat forgotten routers.
  return candidate.route.mounted && !best.route.mounted;
}

interface SplitRoute {
  route: ResolvedRoute;
  segments: string[];
}

/**
 * Every call is matched against the same routes: they are split into segments and grouped by
 * method once per list, in their order (the first registered wins a tie).
 */
const splitByRoutes = new WeakMap<
  ResolvedRoute[],
  { count: number; byMethod: Map<string, SplitRoute[]> }
>();

function routesByMethod(routes: ResolvedRoute[]): Map<string, SplitRoute[]> {
  let split = splitByRoutes.get(routes);
  if (!split || split.count !== routes.length) {
    const byMethod = new Map<string, SplitRoute[]>();
    for (const route of routes) {
      const list = byMethod.get(route.method) ?? [];
      list.push({ route, segments: segmentsOf(route.fullPath) });
      byMethod.set(route.method, list);
    }
    split = { count: routes.length, byMethod };
    splitByRoutes.set(routes, split);
  }
  return split.byMethod;
}

function segmentsOf(path: string): string[] {
  return canonicalPath(path).split('/').filter(Boolean);
}

/** The number of literal matches, or undefined when the paths cannot be the same URL. */
function matchSegments(
  callSegments: string[],
  routeSegments: string[],
  call: ResolvedCall,
  route: ResolvedRoute,
): number | undefined {
  let aligned: [string[], string[]];
  if (callSegments.length === routeSegments.length) aligned = [callSegments, routeSegments];
  else if (route.unknownPrefix && callSegments.length > routeSegments.length) {
    aligned = [callSegments.slice(callSegments.length - routeSegments.length), routeSegments];
  } else if (call.unknownPrefix && routeSegments.length > callSegments.length) {
    aligned = [callSegments, routeSegments.slice(routeSegments.length - callSegments.length)];
  } else return undefined;

  let literal = 0;
  for (let i = 0; i < aligned[0].length; i++) {
    const [fromCall, fromRoute] = [aligned[0][i], aligned[1][i]];
    if (fromRoute === '{}') continue;
    if (fromCall !== fromRoute) return undefined;
    literal++;
  }
  // A suffix match must rest on at least one literal segment, or `/{id}` would match anything.
  const suffixOnly = route.unknownPrefix || call.unknownPrefix;
  return suffixOnly && literal === 0 ? undefined : literal;
}
