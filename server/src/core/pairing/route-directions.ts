// Which way each backend class travels, read from the routes: a class named in a route's body
// type travels in requests, one named in its response type in responses, and so does every class
// those name in their fields, through lists, unions, generics and `Annotated`. Name pairs use it
// to know what a TS type mirrors: `ProductCreateRecurring` is only ever sent, whatever its name.
import type { TypeExpr } from '../facts';
import type { IndexView, ResolvedEntity } from '../index/resolved';
import { finish, type Pausable } from '../pausable';
import { looksLikeRequest } from './name-matching';

export type TravelDirection = 'request' | 'response';

/** Backend entity id → the directions it travels in, for the classes the routes reach. */
export type RouteDirections = ReadonlyMap<string, ReadonlySet<TravelDirection>>;

/** Computed once per view: pairing and rules both ask. */
const directionsOfView = new WeakMap<IndexView, RouteDirections>();

export function routeDirections(view: IndexView): RouteDirections {
  return directionsOfView.get(view) ?? finish(routeDirectionsWork(view));
}

/** `routeDirections` as pausable work (see core/pausable.ts): pauses after each route. */
export function* routeDirectionsWork(view: IndexView): Pausable<RouteDirections> {
  const known = directionsOfView.get(view);
  if (known) return known;
  const directions = yield* collectDirections(view);
  directionsOfView.set(view, directions);
  return directions;
}

function* collectDirections(view: IndexView): Pausable<RouteDirections> {
  const directions = new Map<string, Set<TravelDirection>>();
  const mark = (entity: ResolvedEntity, direction: TravelDirection): boolean => {
    const known = directions.get(entity.id) ?? new Set<TravelDirection>();
    directions.set(entity.id, known);
    if (known.has(direction)) return false;
    known.add(direction);
    return true;
  };
  const visit = (entity: ResolvedEntity | undefined, direction: TravelDirection) => {
    if (!entity || entity.language !== 'python' || !mark(entity, direction)) return;
    for (const field of entity.fields) {
      // An inherited field's type names resolve where the base declares it.
      const file = view.entityById.get(field.declaredIn)?.file ?? entity.file;
      walk(field.typeExpr, file, direction);
    }
  };
  const walk = (expr: TypeExpr | undefined, file: string, direction: TravelDirection) => {
    if (!expr) return;
    switch (expr.kind) {
      case 'name':
        for (const arg of expr.args) walk(arg, file, direction);
        return visit(view.resolveEntity(file, expr.name), direction);
      case 'union':
        return expr.members.forEach((member) => walk(member, file, direction));
      case 'array':
        return walk(expr.element, file, direction);
      case 'tuple':
        return expr.elements.forEach((element) => walk(element, file, direction));
      case 'object':
        expr.fields.forEach((field) => walk(field.typeExpr, file, direction));
        return walk(expr.indexValue, file, direction);
    }
  };
  for (const route of view.routes) {
    walk(route.requestType, route.file, 'request');
    if (route.requestEntity) visit(view.entityById.get(route.requestEntity), 'request');
    walk(route.responseType, route.file, 'response');
    yield;
  }
  return directions;
}

/** The one direction a class travels in, when the routes show only one. */
export function onlyDirection(
  directions: RouteDirections,
  entityId: string,
): TravelDirection | undefined {
  const known = directions.get(entityId);
  return known?.size === 1 ? [...known][0] : undefined;
}

/** The way a class travels: as the routes show, else as its name suggests. */
export function likelyDirection(view: IndexView, entity: ResolvedEntity): TravelDirection {
  return (
    onlyDirection(routeDirections(view), entity.id) ??
    (looksLikeRequest(entity.name) ? 'request' : 'response')
  );
}
