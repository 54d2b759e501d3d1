// Chooses what the chat context mentions for an active file or selection, and how relevant each
// piece is: the file's own entities first, then their pairs, then the routes, then findings.
import type { Range, TypeExpr } from '../facts';
import type { Finding } from '../findings/finding';
import type { IndexView, ResolvedCall, ResolvedEntity, ResolvedRoute } from '../index/resolved';
import { keyOverlap, nameStem } from '../pairing/name-matching';
import type { Pair, Pairing } from '../pairing/pairs';

export interface ContextSources {
  view: IndexView;
  pairing: Pairing;
  findings: readonly Finding[];
  /** Findings of other reviews (the migration review), ranked like the rule findings. */
  extraFindings?: readonly Finding[];
  /** The current text of a workspace file (relative path), to quote real source. */
  readText?: (file: string) => string | undefined;
}

export interface ContextFocus {
  /** The active file, relative to the workspace root; absent for a workspace-wide question. */
  file?: string;
  selection?: Range;
}

/** Lower is more relevant; the budget drops the highest numbers first. */
export const RELEVANCE = {
  focus: 0,
  focusFinding: 1,
  restOfFile: 2,
  counterpart: 3,
  supporting: 4,
  route: 5,
  relatedFinding: 6,
  otherFinding: 7,
} as const;

export interface RelevantEntity {
  entity: ResolvedEntity;
  relevance: number;
  /** Why it is in the context, one sentence each (`mirrors ... (response, score 0.93)`). */
  reasons: string[];
}

export interface RelevantRoute {
  route: ResolvedRoute;
  relevance: number;
  calls: ResolvedCall[];
}

export interface RelevantFinding {
  finding: Finding;
  relevance: number;
}

export interface RelevantParts {
  entities: RelevantEntity[];
  routes: RelevantRoute[];
  findings: RelevantFinding[];
}

const ORM_KINDS = new Set(['sqlmodel-table', 'sqlalchemy-model']);
const SCHEMA_KINDS = new Set(['pydantic-model', 'sqlmodel-model']);

export function collectRelevantParts(sources: ContextSources, focus: ContextFocus): RelevantParts {
  const collector = new EntityCollector(sources.view);
  const routes = new RouteCollector();
  addFocus(sources, focus, collector, routes);
  addCounterparts(sources.pairing, collector, routes);
  addSupporting(sources.view, collector);

  const files = new Set(collector.list().map((item) => item.entity.file));
  if (focus.file) files.add(focus.file);
  const ids = new Set(collector.list().map((item) => item.entity.id));
  const findings = rankFindings(sources, focus, ids, files);
  return { entities: collector.list(), routes: routes.list(), findings };
}

class EntityCollector {
  private readonly byId = new Map<string, RelevantEntity>();

  constructor(private readonly view: IndexView) {}

  add(id: string, relevance: number, reason?: string): void {
    const entity = this.view.entityById.get(id);
    if (!entity) return;
    const existing = this.byId.get(id);
    if (!existing) {
      this.byId.set(id, { entity, relevance, reasons: reason ? [reason] : [] });
      return;
    }
    existing.relevance = Math.min(existing.relevance, relevance);
    if (reason && !existing.reasons.includes(reason)) existing.reasons.push(reason);
  }

  has(id: string): boolean {
    return this.byId.has(id);
  }

  list(): RelevantEntity[] {
    return [...this.byId.values()];
  }
}

class RouteCollector {
  private readonly byKey = new Map<string, RelevantRoute>();

  add(route: ResolvedRoute, relevance: number, call?: ResolvedCall): void {
    const key = `${route.file}#${route.functionName}#${route.method}#${route.fullPath}`;
    const existing = this.byKey.get(key) ?? { route, relevance, calls: [] };
    existing.relevance = Math.min(existing.relevance, relevance);
    if (call && !existing.calls.includes(call)) existing.calls.push(call);
    this.byKey.set(key, existing);
  }

  list(): RelevantRoute[] {
    return [...this.byKey.values()];
  }
}

/** What the active file (or selection) declares, calls and serves. */
function addFocus(
  sources: ContextSources,
  focus: ContextFocus,
  entities: EntityCollector,
  routes: RouteCollector,
) {
  const { view } = sources;
  if (!focus.file) return addFindingPairsAsFocus(sources, entities);
  const rank = (range: Range) =>
    inSelection(range, focus.selection) ? RELEVANCE.focus : RELEVANCE.restOfFile;

  for (const entity of view.entities.filter((e) => e.file === focus.file))
    entities.add(entity.id, rank(entity.fullRange));
  for (const route of view.routes.filter((r) => r.file === focus.file)) {
    const relevance = rank(route.range);
    routes.add(route, relevance);
    const used = relevance === RELEVANCE.focus ? RELEVANCE.counterpart : RELEVANCE.supporting;
    for (const id of entitiesOfRoute(view, route))
      entities.add(id, used, `used by ${routeName(route)}`);
  }
  for (const link of sources.pairing.callLinks.filter((l) => l.call.file === focus.file))
    routes.add(link.route, rank(link.call.range), link.call);
}

/** Without an active file, the entities that findings are about stand in for it. */
function addFindingPairsAsFocus(sources: ContextSources, entities: EntityCollector) {
  for (const finding of [...sources.findings, ...(sources.extraFindings ?? [])]) {
    if (!finding.pair) continue;
    entities.add(finding.pair.frontend, RELEVANCE.focus, `has finding ${finding.code}`);
    entities.add(finding.pair.backend, RELEVANCE.focus, `has finding ${finding.code}`);
  }
}

/** Pairs that touch a focused entity or route give the other side and the linking routes. */
function addCounterparts(pairing: Pairing, entities: EntityCollector, routes: RouteCollector) {
  const routeRelevance = new Map(routes.list().map((item) => [item.route, item.relevance]));
  const entityRelevance = new Map(entities.list().map((item) => [item.entity.id, item.relevance]));
  for (const pair of pairing.pairs) {
    const via = [
      entityRelevance.get(pair.frontend),
      entityRelevance.get(pair.backend),
      ...pair.links.map((link) => routeRelevance.get(link.route)),
    ].filter((relevance): relevance is number => relevance !== undefined);
    if (!via.length) continue;
    // The pairs of what is selected come before the pairs of the rest of the file.
    const relevance =
      Math.min(...via) === RELEVANCE.focus ? RELEVANCE.counterpart : RELEVANCE.supporting;
    entities.add(pair.frontend, relevance, pairReason(pair, pair.backend));
    entities.add(pair.backend, relevance, pairReason(pair, pair.frontend));
    // An envelope (ApiResponse ↔ ResponseSchema) links nearly every route; those say nothing.
    if (pair.envelope) continue;
    for (const link of pair.links) routes.add(link.route, RELEVANCE.route, link.call);
  }
}

/** `mirrors a.py#PartResponse (response, score 0.93; fields 15/17, linked by 6 routes)` */
function pairReason(pair: Pair, other: string): string {
  const routeCount = pair.evidence.filter((evidence) => evidence.startsWith('route ')).length;
  const evidence = pair.evidence.filter((e) => !e.startsWith('route '));
  if (routeCount)
    evidence.push(routeCount === 1 ? 'linked by a route' : `linked by ${routeCount} routes`);
  return `mirrors ${other} (${pair.direction}, score ${pair.score}; ${evidence.join(', ')})`;
}

/** Bases of the included classes, the ORM model a schema is read from, and enums fields use. */
function addSupporting(view: IndexView, entities: EntityCollector) {
  for (const { entity } of entities.list()) {
    for (const baseId of entity.baseIds)
      entities.add(baseId, RELEVANCE.supporting, `base of ${entity.name}`);
    for (const model of ormModelsOf(view, entity))
      entities.add(model.id, RELEVANCE.supporting, `ORM model behind ${entity.name}`);
    for (const enumEntity of enumsUsedBy(view, entity))
      entities.add(enumEntity.id, RELEVANCE.supporting, `enum used by ${entity.name}`);
  }
}

/**
 * For a schema, the ORM models sharing its name stem and at least half of its fields; for an
 * ORM model, the schemas that match it the same way.
 */
export function ormModelsOf(view: IndexView, entity: ResolvedEntity): ResolvedEntity[] {
  const wanted = SCHEMA_KINDS.has(entity.kind)
    ? ORM_KINDS
    : ORM_KINDS.has(entity.kind)
      ? SCHEMA_KINDS
      : undefined;
  if (!wanted) return [];
  const stem = nameStem(entity.name);
  return view.entities.filter((other) => {
    if (!wanted.has(other.kind) || other.abstract || nameStem(other.name) !== stem) return false;
    const schema = SCHEMA_KINDS.has(entity.kind) ? entity : other;
    const model = schema === entity ? other : entity;
    const { shared } = keyOverlap(
      schema.fields.map((f) => f.name),
      model.fields.map((f) => f.name),
    );
    return shared * 2 >= schema.fields.length;
  });
}

function enumsUsedBy(view: IndexView, entity: ResolvedEntity): ResolvedEntity[] {
  const found = new Map<string, ResolvedEntity>();
  for (const field of entity.fields) {
    for (const name of namesIn(field.typeExpr)) {
      const target = view.resolveEntity(field.declaredIn.split('#')[0], name);
      if (target && (target.kind === 'enum' || target.kind === 'ts-enum' || target.values?.length))
        found.set(target.id, target);
    }
  }
  return [...found.values()];
}

/** The entities a route reads as its body or sends as its response. */
function entitiesOfRoute(view: IndexView, route: ResolvedRoute): string[] {
  const ids = new Set<string>();
  if (route.requestEntity) ids.add(route.requestEntity);
  for (const name of namesIn(route.responseType)) {
    const entity = view.resolveEntity(route.file, name);
    if (entity) ids.add(entity.id);
  }
  return [...ids];
}

/** Every type name inside an expression: `ResponseSchema[List[Part]]` gives all three. */
export function namesIn(expr: TypeExpr | undefined): string[] {
  if (!expr) return [];
  switch (expr.kind) {
    case 'name':
      return [expr.name, ...expr.args.flatMap(namesIn)];
    case 'union':
      return expr.members.flatMap(namesIn);
    case 'array':
      return namesIn(expr.element);
    case 'tuple':
      return expr.elements.flatMap(namesIn);
    case 'object':
      return expr.fields.flatMap((field) => namesIn(field.typeExpr));
    default:
      return [];
  }
}

function rankFindings(
  sources: ContextSources,
  focus: ContextFocus,
  ids: ReadonlySet<string>,
  files: ReadonlySet<string>,
): RelevantFinding[] {
  const all = [...sources.findings, ...(sources.extraFindings ?? [])];
  return all.map((finding) => ({
    finding,
    relevance: findingRelevance(finding, focus, ids, files),
  }));
}

function findingRelevance(
  finding: Finding,
  focus: ContextFocus,
  ids: ReadonlySet<string>,
  files: ReadonlySet<string>,
): number {
  if (focus.file && finding.file === focus.file)
    return inSelection(finding.range, focus.selection)
      ? RELEVANCE.focusFinding
      : RELEVANCE.restOfFile;
  const aboutIncluded =
    (finding.pair && (ids.has(finding.pair.frontend) || ids.has(finding.pair.backend))) ||
    files.has(finding.file) ||
    finding.related.some((related) => related.file === focus.file);
  return aboutIncluded ? RELEVANCE.relatedFinding : RELEVANCE.otherFinding;
}

/** True when the range overlaps the selection by a line or more, or when nothing is selected. */
export function inSelection(range: Range, selection: Range | undefined): boolean {
  if (!selection) return true;
  return range.start.line <= selection.end.line && range.end.line >= selection.start.line;
}

export function routeName(route: ResolvedRoute): string {
  return `${route.method} ${route.fullPath}`;
}
