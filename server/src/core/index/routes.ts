// Full URL of every FastAPI route after router prefixes and include_router prefixes (also across
// files), and the request and response types each route declares.
import type { FileFacts, RouteFact, RouterFact, TypeExpr } from '../facts';
import type { Pausable } from '../pausable';
import { joinUrlPaths } from './url-paths';
import type { PythonModules } from './python-modules';
import type { ResolvedEntity, ResolvedRoute } from './resolved';
import { typeText } from './type-substitution';

type EntityResolver = (file: string, name: string) => ResolvedEntity | undefined;

interface PrefixPiece {
  text: string;
  unknown: boolean;
}

interface Mount {
  pieces: PrefixPiece[];
  mounted: boolean;
}

const BODY_KINDS = new Set(['pydantic-model', 'sqlmodel-model', 'sqlmodel-table']);
const MAX_NESTING = 10;

export class RouteResolver {
  private readonly routers = new Map<string, RouterFact>();
  private readonly includesByChild = new Map<string, { parent: string; prefix: PrefixPiece }[]>();

  constructor(
    private readonly facts: ReadonlyMap<string, FileFacts>,
    private readonly modules: PythonModules,
    private readonly resolveEntity: EntityResolver,
  ) {
    for (const fileFacts of facts.values()) {
      for (const router of fileFacts.routers) this.routers.set(routerKey(router), router);
    }
    for (const fileFacts of facts.values()) this.collectIncludes(fileFacts);
  }

  /** Every route of the workspace; pauses after each file that declares some. */
  *resolveAll(): Pausable<ResolvedRoute[]> {
    const routes: ResolvedRoute[] = [];
    for (const fileFacts of this.facts.values()) {
      if (!fileFacts.routes.length) continue;
      for (const route of fileFacts.routes) routes.push(...this.resolveRoute(route));
      yield;
    }
    return routes;
  }

  private collectIncludes(fileFacts: FileFacts): void {
    for (const include of fileFacts.includes) {
      const parent = this.routerKeyOf(fileFacts.file, include.parentVar);
      const child = this.routerKeyOf(fileFacts.file, include.child);
      if (!parent || !child) continue;
      const list = this.includesByChild.get(child) ?? [];
      list.push({ parent, prefix: { text: include.prefix, unknown: !!include.unknownPrefix } });
      this.includesByChild.set(child, list);
    }
  }

  /** The router a variable name in `file` refers to, following imports. */
  private routerKeyOf(file: string, name: string): string | undefined {
    const local = `${file}#${name}`;
    if (this.routers.has(local)) return local;
    const symbol = this.modules.resolveName(file, name);
    if (symbol.kind !== 'name') return undefined;
    const key = `${symbol.file}#${symbol.name}`;
    return this.routers.has(key) ? key : undefined;
  }

  private mountsOf(key: string, depth: number): Mount[] {
    const router = this.routers.get(key)!;
    const own: PrefixPiece = { text: router.prefix, unknown: !!router.unknownPrefix };
    if (router.kind === 'app') return [{ pieces: [own], mounted: true }];
    const includes = depth < MAX_NESTING ? (this.includesByChild.get(key) ?? []) : [];
    if (!includes.length) return [{ pieces: [own], mounted: false }];
    return includes.flatMap(({ parent, prefix }) =>
      this.mountsOf(parent, depth + 1).map((mount) => ({
        pieces: [...mount.pieces, prefix, own],
        mounted: mount.mounted,
      })),
    );
  }

  private resolveRoute(route: RouteFact): ResolvedRoute[] {
    const key = this.routerKeyOf(route.file, route.routerVar);
    const mounts = key ? this.mountsOf(key, 0) : [{ pieces: [], mounted: false }];
    const types = this.routeTypes(route);
    return mounts.map((mount) => {
      const pieces = [...mount.pieces, { text: route.path, unknown: false }];
      const lastUnknown = pieces.map((piece) => piece.unknown).lastIndexOf(true);
      const known = pieces.slice(Math.max(lastUnknown, 0)).map((piece) => piece.text);
      return {
        ...route,
        ...types,
        fullPath: joinUrlPaths(...known),
        unknownPrefix: lastUnknown >= 0,
        mounted: mount.mounted,
      };
    });
  }

  private routeTypes(route: RouteFact) {
    const body = route.params.find(
      (param) => param.source === 'body' && this.isModelType(route.file, param.typeExpr),
    );
    const responseType = route.responseModel ?? route.returnAnnotation;
    const responseTypeText = route.responseModelText ?? route.returnAnnotationText;
    return {
      requestEntity: body ? this.entityOf(route.file, body.typeExpr)?.id : undefined,
      requestType: body?.typeExpr,
      requestTypeText: body?.type,
      responseType,
      responseTypeText: responseType && (responseTypeText ?? typeText(responseType, 'python')),
    };
  }

  /** A body parameter counts only when its type (or list element type) is a model. */
  private isModelType(file: string, expr: TypeExpr): boolean {
    const entity = this.entityOf(file, unwrapList(expr));
    return !!entity && BODY_KINDS.has(entity.kind);
  }

  private entityOf(file: string, expr: TypeExpr): ResolvedEntity | undefined {
    return expr.kind === 'name' && !expr.args.length
      ? this.resolveEntity(file, expr.name)
      : undefined;
  }
}

function unwrapList(expr: TypeExpr): TypeExpr {
  const isList =
    expr.kind === 'name' && /^(typing\.)?(list|List|Sequence|set|Set)$/.test(expr.name);
  return isList && expr.kind === 'name' && expr.args[0] ? expr.args[0] : expr;
}

function routerKey(router: RouterFact): string {
  return `${router.file}#${router.varName}`;
}
