// Decides which TS type mirrors which backend class, in which direction, and how sure Seam is.
// Evidence, strongest first: explicit (@seam tag, seam.json), route-linked (a call matched to
// its route, types walked side by side), generated (same name in a generated client), and
// names confirmed by fields.
import type { IndexView, ResolvedCall, ResolvedEntity, ResolvedRoute } from '../index/resolved';
import { sameItems } from '../objects';
import { finish, type Pausable } from '../pausable';
import { onlyDirection, routeDirections, routeDirectionsWork } from './route-directions';
import { matchCallToRoute } from './route-matching';
import { looksLikeRequest, nameStem, normaliseKey } from './name-matching';
import { linkTypes, type EnvelopeNote } from './type-linking';

export type PairDirection = 'response' | 'request' | 'both';

export interface CallLink {
  call: ResolvedCall;
  route: ResolvedRoute;
}

export interface Pair {
  frontend: string;
  backend: string;
  direction: PairDirection;
  score: number;
  evidence: string[];
  /** The calls and routes that link the two, when route-linked. */
  links: CallLink[];
  /** Both sides are generic envelopes (ApiResponse ↔ ResponseSchema). */
  envelope: boolean;
  /** False when a linking route sets `response_model_by_alias=False`. */
  byAlias: boolean;
}

/** A route that returns a hand-built dict: the call's type is compared with the dict's keys. */
export interface DictResponseLink extends CallLink {
  frontend: string;
  /** The literal keys, or null when some key is not literal and the shape is unknown. */
  keys: string[] | null;
}

export interface EnvelopeMismatch extends CallLink {
  note: EnvelopeNote;
}

export interface ExplicitPair {
  frontend: string;
  backend: string;
  direction?: PairDirection;
  source: string;
}

export interface PairingOptions {
  /** Pairs scoring below this are "possible mirrors": shown in hovers, not checked. */
  threshold: number;
  explicit: ExplicitPair[];
}

export interface Pairing {
  /** Pairs at or above the threshold. */
  pairs: Pair[];
  /** Pairs below it. */
  possible: Pair[];
  dictResponses: DictResponseLink[];
  envelopeMismatches: EnvelopeMismatch[];
  /** Calls whose route Seam found, for hovers and "who calls this route". */
  callLinks: CallLink[];
}

export const DEFAULT_PAIRING_OPTIONS: PairingOptions = { threshold: 0.6, explicit: [] };

const BACKEND_SCHEMA_KINDS = new Set(['pydantic-model', 'sqlmodel-model', 'sqlmodel-table']);
const FRONTEND_KINDS = new Set(['ts-interface', 'ts-type', 'zod-schema']);

export function pairEntities(view: IndexView, options = DEFAULT_PAIRING_OPTIONS): Pairing {
  return finish(pairingWork(view, options));
}

/** `pairEntities` as pausable work: pauses after each call and each TS type it weighs. */
export function* pairingWork(
  view: IndexView,
  options = DEFAULT_PAIRING_OPTIONS,
): Pausable<Pairing> {
  const collector = new PairCollector();
  collectExplicit(view, options, collector);
  const routeEvidence = yield* collectRouteLinked(view, collector);
  // Name pairs ask which way each class travels; worked out here, it is worked out in pauses.
  yield* routeDirectionsWork(view);
  yield* collectByName(view, collector, routeEvidence.linkedFrontends);

  const all = collector.pairs();
  return {
    pairs: all.filter((pair) => pair.score >= options.threshold),
    possible: all.filter((pair) => pair.score < options.threshold),
    dictResponses: routeEvidence.dictResponses,
    envelopeMismatches: routeEvidence.envelopeMismatches,
    callLinks: routeEvidence.callLinks,
  };
}

class PairCollector {
  private readonly byKey = new Map<string, Pair>();
  private readonly byFrontend = new Map<string, Pair[]>();

  add(
    frontend: string,
    backend: string,
    direction: 'response' | 'request',
    score: number,
    evidence: string,
    link?: CallLink,
  ) {
    const key = `${frontend}\0${backend}`;
    const existing = this.byKey.get(key);
    const envelope = false;
    const byAlias = link ? link.route.byAlias : true;
    if (!existing) {
      const pair: Pair = {
        frontend,
        backend,
        direction,
        score,
        evidence: [evidence],
        links: link ? [link] : [],
        envelope,
        byAlias,
      };
      this.byKey.set(key, pair);
      const ofFrontend = this.byFrontend.get(frontend);
      if (ofFrontend) ofFrontend.push(pair);
      else this.byFrontend.set(frontend, [pair]);
      return;
    }
    if (existing.direction !== direction) existing.direction = 'both';
    existing.score = Math.max(existing.score, score);
    if (!existing.evidence.includes(evidence)) existing.evidence.push(evidence);
    if (link) existing.links.push(link);
    existing.byAlias &&= byAlias;
  }

  markEnvelope(frontend: string, backend: string): void {
    const pair = this.byKey.get(`${frontend}\0${backend}`);
    if (pair) pair.envelope = true;
  }

  has(frontend: string, direction: 'response' | 'request'): boolean {
    const pairs = this.byFrontend.get(frontend) ?? [];
    return pairs.some((pair) => pair.direction === direction || pair.direction === 'both');
  }

  pairs(): Pair[] {
    return [...this.byKey.values()];
  }
}

function collectExplicit(view: IndexView, options: PairingOptions, collector: PairCollector) {
  const explicit = [...options.explicit];
  for (const entity of view.entities) {
    if (entity.seamTag)
      explicit.push({ frontend: entity.id, backend: entity.seamTag, source: '@seam tag' });
  }
  for (const pair of explicit) {
    const backend = view.entityById.get(pair.backend);
    if (!backend || !view.entityById.has(pair.frontend)) continue;
    const direction = pair.direction ?? 'response';
    if (direction === 'both' || direction === 'response')
      collector.add(pair.frontend, backend.id, 'response', 1, `explicit: ${pair.source}`);
    if (direction === 'both' || direction === 'request')
      collector.add(pair.frontend, backend.id, 'request', 1, `explicit: ${pair.source}`);
  }
}

function* collectRouteLinked(view: IndexView, collector: PairCollector) {
  const linkedFrontends = new Set<string>();
  const dictResponses: DictResponseLink[] = [];
  const envelopeMismatches: EnvelopeMismatch[] = [];
  const callLinks: CallLink[] = [];
  const envelopeRoutes = view.routes.some((route) => routeUsesEnvelope(view, route));

  for (const call of view.calls) {
    yield;
    const match = matchCallToRoute(call, view.routes);
    if (!match) continue;
    const link = { call, route: match.route };
    callLinks.push(link);
    const evidence = `route ${match.route.method} ${match.route.fullPath}`;

    if (call.responseType && match.route.responseType) {
      const result = linkTypes(
        view,
        { expr: call.responseType, file: call.file },
        { expr: match.route.responseType, file: match.route.file },
      );
      for (const typeLink of result.links) {
        addRouteLinked(collector, typeLink.frontend, typeLink.backend, 'response', evidence, link);
        if (typeLink.envelope) collector.markEnvelope(typeLink.frontend.id, typeLink.backend.id);
        linkedFrontends.add(`${typeLink.frontend.id}\0response`);
      }
      // An envelope TS expects on a route that returns none is a finding only when the backend
      // wraps other routes explicitly; otherwise a middleware may add it to every response.
      const note = result.envelope;
      if (note && (note.problem !== 'wrapped-where-bare' || envelopeRoutes)) {
        envelopeMismatches.push({ ...link, note });
      }
    } else if (
      call.responseType &&
      match.route.returnedDictKeys !== undefined &&
      !match.route.responseType
    ) {
      const frontend = entityOfTs(view, call.file, call.responseType);
      if (frontend)
        dictResponses.push({ ...link, frontend: frontend.id, keys: match.route.returnedDictKeys });
    }

    if (call.requestType && match.route.requestType) {
      const result = linkTypes(
        view,
        { expr: call.requestType, file: call.file },
        { expr: match.route.requestType, file: match.route.file },
      );
      for (const typeLink of result.links) {
        addRouteLinked(collector, typeLink.frontend, typeLink.backend, 'request', evidence, link);
        linkedFrontends.add(`${typeLink.frontend.id}\0request`);
      }
    }
  }
  return { linkedFrontends, dictResponses, envelopeMismatches, callLinks };
}

function addRouteLinked(
  collector: PairCollector,
  frontend: ResolvedEntity,
  backend: ResolvedEntity,
  direction: 'response' | 'request',
  evidence: string,
  link: CallLink,
) {
  const overlap = fieldOverlap(frontend, backend);
  const ratio = overlap.shared / Math.max(1, frontend.fields.length);
  // A route link is strong evidence, but a type sharing no field with the route's model is more
  // likely a call typed with the wrong model than a drift of every field. With one or two fields,
  // overlap says little, so the link alone keeps the pair.
  const few = frontend.fields.length <= 2;
  const score = round(few ? 0.65 + 0.3 * ratio : 0.55 + 0.4 * Math.min(1, ratio));
  collector.add(frontend.id, backend.id, direction, score, evidence, link);
  collector.add(
    frontend.id,
    backend.id,
    direction,
    score,
    `fields ${overlap.shared}/${overlap.total}`,
  );
}

function* collectByName(view: IndexView, collector: PairCollector, routeLinked: Set<string>) {
  const directions = routeDirections(view);
  const backends = view.entities.filter(
    (e) => e.language === 'python' && BACKEND_SCHEMA_KINDS.has(e.kind),
  );
  const byStem = new Map<string, ResolvedEntity[]>();
  for (const backend of backends) {
    const stem = nameStem(backend.name);
    const list = byStem.get(stem) ?? [];
    list.push(backend);
    byStem.set(stem, list);
  }

  yield;
  for (const frontend of view.entities) {
    if (frontend.language !== 'typescript' || !FRONTEND_KINDS.has(frontend.kind)) continue;
    yield;
    // An empty interface pairs only when a generated client names it after a schema.
    if (!frontend.fields.length && !frontend.generated) continue;
    const match = nameMatchOf(frontend);
    const { direction } = match;
    if (routeLinked.has(`${frontend.id}\0${direction}`) || collector.has(frontend.id, direction))
      continue;
    const found = bestAmong(match, frontend, byStem.get(match.stem) ?? NO_CANDIDATES);
    if (!found) continue;
    const { best } = found;
    // The routes know which way the class travels; a TS type declaring a computed field
    // describes what the class serialises; names are the guess when neither tells.
    const pairDirection =
      onlyDirection(directions, best.backend.id) ??
      (found.declaresComputed
        ? 'response'
        : looksLikeRequest(best.backend.name) || direction === 'request'
          ? 'request'
          : 'response');
    collector.add(frontend.id, best.backend.id, pairDirection, best.score, found.evidence);
    collector.add(
      frontend.id,
      best.backend.id,
      pairDirection,
      best.score,
      `fields ${best.shared}/${best.total}`,
    );
  }
}

const NO_CANDIDATES: ResolvedEntity[] = [];

/**
 * What pairing by name learns of a TS entity object: its name's stem and direction, and its best
 * match among the candidates it was last weighed against. The index hands the same entity
 * objects to the next view while nothing they are resolved from changed, so most of these hold
 * from one check to the next.
 */
interface NameMatch {
  stem: string;
  direction: 'request' | 'response';
  candidates?: ResolvedEntity[];
  found?: NameFound;
}

interface NameFound {
  best: NonNullable<ReturnType<typeof bestByName>>;
  /** The TS type declares a computed field of the best match (see `declaresComputedField`). */
  declaresComputed: boolean;
  evidence: string;
}

const nameMatches = new WeakMap<ResolvedEntity, NameMatch>();

function nameMatchOf(frontend: ResolvedEntity): NameMatch {
  let match = nameMatches.get(frontend);
  if (!match) {
    const direction = looksLikeRequest(frontend.name) ? 'request' : 'response';
    match = { stem: nameStem(frontend.name), direction };
    nameMatches.set(frontend, match);
  }
  return match;
}

/** The best match among `candidates`, weighed again only when they are not the same objects. */
function bestAmong(
  match: NameMatch,
  frontend: ResolvedEntity,
  candidates: ResolvedEntity[],
): NameFound | undefined {
  if (match.candidates && sameItems(match.candidates, candidates)) return match.found;
  const best = bestByName(frontend, candidates);
  match.candidates = candidates;
  match.found = best && {
    best,
    declaresComputed: declaresComputedField(frontend, best.backend),
    evidence:
      frontend.generated && best.backend.name === frontend.name
        ? 'generated client, same name'
        : best.backend.name === frontend.name
          ? 'same name'
          : `name stem "${match.stem}"`,
  };
  return match.found;
}

/** Computed fields exist only in what a model sends: a TS key naming one mirrors a response. */
function declaresComputedField(frontend: ResolvedEntity, backend: ResolvedEntity): boolean {
  const computed = new Set(
    backend.fields
      .filter((field) => field.computed)
      .flatMap((field) => [normaliseKey(field.wireName), normaliseKey(field.name)]),
  );
  return frontend.fields.some((field) => computed.has(normaliseKey(field.wireName)));
}

function bestByName(frontend: ResolvedEntity, candidates: ResolvedEntity[]) {
  const scored = candidates.map((backend) => {
    const { shared, total } = fieldOverlap(frontend, backend);
    const jaccard = total ? shared / total : 0;
    const sameName = backend.name === frontend.name;
    const base = frontend.generated && sameName ? 0.55 : sameName ? 0.45 : 0.35;
    // Names only suggest; at least half of all fields must agree before they count.
    // A generated client names its types after the schemas, so the same name needs less support.
    const generatedTwin =
      frontend.generated &&
      sameName &&
      ((shared >= 1 && jaccard >= 0.3) || !frontend.fields.length);
    const confirmed = generatedTwin || (jaccard >= 0.5 && (shared >= 2 || total <= 2));
    const score = confirmed ? round(base + 0.45 * jaccard) : 0;
    return { backend, score, shared, total };
  });
  scored.sort((a, b) => b.score - a.score);
  const [first, second] = scored;
  if (!first || first.score === 0) return undefined;
  // Two equally good candidates: Seam cannot tell which one the type mirrors, so it pairs none.
  if (second && second.score === first.score) return undefined;
  return first;
}

/**
 * Fields in common: a TS key matches a backend field by its wire name or its Python name (an
 * alias mismatch is still the same field). `total` counts each field once.
 */
function fieldOverlap(frontend: ResolvedEntity, backend: ResolvedEntity) {
  const { keys, count } = backendKeysOf(backend);
  let shared = 0;
  for (const tsField of frontend.fields) if (keys.has(normaliseKey(tsField.wireName))) shared++;
  return { shared, total: frontend.fields.length + count - shared };
}

/**
 * The normalised wire and Python names of a backend entity's data fields, and how many fields
 * there are. Pairing weighs each backend against many TS types, so this is computed once.
 */
const backendKeyCache = new WeakMap<ResolvedEntity, { keys: Set<string>; count: number }>();

function backendKeysOf(backend: ResolvedEntity): { keys: Set<string>; count: number } {
  let cached = backendKeyCache.get(backend);
  if (!cached) {
    const fields = backend.fields.filter((f) => !f.excluded && !f.relationship);
    const keys = new Set(fields.flatMap((f) => [normaliseKey(f.wireName), normaliseKey(f.name)]));
    cached = { keys, count: fields.length };
    backendKeyCache.set(backend, cached);
  }
  return cached;
}

function entityOfTs(view: IndexView, file: string, expr: ResolvedCall['responseType']) {
  let current = expr;
  while (current?.kind === 'name' && ['Promise', 'AxiosResponse'].includes(current.name))
    current = current.args[0];
  return current?.kind === 'name' ? view.resolveEntity(file, current.name) : undefined;
}

function routeUsesEnvelope(view: IndexView, route: ResolvedRoute): boolean {
  const type = route.responseType;
  if (type?.kind !== 'name' || !type.args.length) return false;
  const entity = view.resolveEntity(route.file, type.name);
  return !!entity && entity.typeParams.length > 0;
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
