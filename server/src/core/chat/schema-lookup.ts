// What the `seam_schema_lookup` language-model tool answers: the entities a name denotes (a TS
// type, a Python class, or a field of one), the pairs each is a side of with their evidence, and
// the other sides, bases and ORM models as code, so a model sees both ends of the wire at once.
import type { Finding } from '../findings/finding';
import type { IndexView, ResolvedEntity, ResolvedField } from '../index/resolved';
import { Mirrors, type EntityMirror } from '../pairing/mirrors';
import type { Pair, Pairing } from '../pairing/pairs';
import { cutAtLine } from './context';
import { ormModelsOf } from './context-items';
import { fenced, KIND_LABELS, place, renderFinding, span } from './context-render';
import { entitySource } from './context-source';

export interface LookupSources {
  view: IndexView;
  pairing: Pairing;
  findings: readonly Finding[];
  /** The current text of a workspace file (relative path), to quote real source. */
  readText?: (file: string) => string | undefined;
}

export interface LookupTarget {
  entity: ResolvedEntity;
  /** The field the name denoted, when it denoted one (own or inherited). */
  field?: ResolvedField;
}

export interface SchemaLookup {
  /** The targets described, best first. */
  targets: LookupTarget[];
  /** Targets that matched beyond the limit. */
  more: LookupTarget[];
  /** The pairs of each described target (for an ORM model, also those of its schemas). */
  pairs: Map<LookupTarget, EntityMirror[]>;
  /** Findings the latest check reported about a pair, by `frontend\0backend`. */
  findingsPerPair: Map<string, number>;
  text: string;
}

export const DEFAULT_LOOKUP_LIMIT = 5;
const MAX_PAIRS_PER_TARGET = 4;
const MAX_RELATED_PER_TARGET = 8;
/** About 6,000 tokens: a tool answer shares the model's window with the whole conversation. */
const MAX_LOOKUP_CHARS = 24_000;
const ORM_KINDS = new Set(['sqlalchemy-model', 'sqlmodel-table']);

export function lookUpSchema(
  sources: LookupSources,
  name: string,
  limit = DEFAULT_LOOKUP_LIMIT,
): SchemaLookup {
  const mirrors = new Mirrors(sources.view, sources.pairing);
  const found = findLookupTargets(sources.view, name);
  const ranked = rankTargets(sources.view, found, mirrors);
  const targets = ranked.slice(0, Math.max(1, limit));
  const pairs = new Map(targets.map((target) => [target, pairsOf(sources.view, mirrors, target)]));
  const findingsPerPair = countFindingsPerPair(sources.findings);
  const lookup = { targets, more: ranked.slice(targets.length), pairs, findingsPerPair };
  const text = found.length
    ? lookupMarkdown(sources, mirrors, lookup, name)
    : noMatchMarkdown(sources.view, name);
  return {
    ...lookup,
    text: text.length > MAX_LOOKUP_CHARS ? cutAtLine(text, MAX_LOOKUP_CHARS) : text,
  };
}

/**
 * The entities a name denotes, tried in this order: an entity id (`path#Name`, optionally
 * `.field`), `Class.field` (or a dotted module path ending in a class), a class or type name
 * (exactly, then ignoring case), and last a field name declared by some entity.
 */
export function findLookupTargets(view: IndexView, rawName: string): LookupTarget[] {
  const name = rawName
    .trim()
    .replace(/^`+|`+$/g, '')
    .trim();
  if (!name) return [];
  if (name.includes('#')) return targetsById(view, name);
  const dotted = name.includes('.') ? dottedTargets(view, name.split('.')) : [];
  if (dotted.length) return dotted;
  const entities = entitiesNamed(view, name);
  if (entities.length) return entities.map((entity) => ({ entity }));
  return fieldTargets(view, name);
}

function targetsById(view: IndexView, name: string): LookupTarget[] {
  const hash = name.indexOf('#');
  const [entityName, fieldName] = name.slice(hash + 1).split('.');
  const entity = view.entityById.get(`${name.slice(0, hash)}#${entityName}`);
  if (!entity) return [];
  if (!fieldName) return [{ entity }];
  const field = fieldNamed(entity, fieldName);
  return field ? [{ entity, field }] : [];
}

/** `PartResponse.unit_price`, or `app.schemas.part.PartResponse`. */
function dottedTargets(view: IndexView, parts: string[]): LookupTarget[] {
  const [owner, member] = parts.slice(-2);
  const withField = entitiesNamed(view, owner).flatMap((entity) => {
    const field = fieldNamed(entity, member);
    return field ? [{ entity, field }] : [];
  });
  if (withField.length) return withField;
  return entitiesNamed(view, member).map((entity) => ({ entity }));
}

function entitiesNamed(view: IndexView, name: string): ResolvedEntity[] {
  const exact = view.entities.filter((entity) => entity.name === name);
  if (exact.length) return exact;
  const lower = name.toLowerCase();
  return view.entities.filter((entity) => entity.name.toLowerCase() === lower);
}

function fieldNamed(entity: ResolvedEntity, name: string): ResolvedField | undefined {
  return (
    entity.fields.find((field) => field.name === name || field.wireName === name) ??
    entity.fields.find((field) => field.name.toLowerCase() === name.toLowerCase())
  );
}

/** Entities that declare a field of that name themselves; inherited copies would repeat them. */
function fieldTargets(view: IndexView, name: string): LookupTarget[] {
  const declared = (matches: (field: ResolvedField) => boolean) =>
    view.entities.flatMap((entity) => {
      const field = entity.fields.find((f) => f.declaredIn === entity.id && matches(f));
      return field ? [{ entity, field }] : [];
    });
  const exact = declared((field) => field.name === name || field.wireName === name);
  if (exact.length) return exact;
  const lower = name.toLowerCase();
  return declared((field) => field.name.toLowerCase() === lower);
}

/** Targets with checked pairs first, then with possible ones, then the rest; else index order. */
function rankTargets(view: IndexView, targets: LookupTarget[], mirrors: Mirrors): LookupTarget[] {
  const strength = (target: LookupTarget) => {
    const found = pairsOf(view, mirrors, target);
    if (found.some((mirror) => !mirror.possible)) return 0;
    return found.length ? 1 : 2;
  };
  return targets
    .map((target, index) => ({ target, index, strength: strength(target) }))
    .sort((a, b) => a.strength - b.strength || a.index - b.index)
    .map((item) => item.target);
}

/**
 * The target's own pairs, the pairs that carry its field (a base's field travels in the
 * schemas built on it), and for an ORM model, which has no pair, those of the schemas read
 * from it. Checked pairs first, best score first.
 */
function pairsOf(view: IndexView, mirrors: Mirrors, target: LookupTarget): EntityMirror[] {
  const found = new Map<Pair, EntityMirror>();
  const add = (mirror: EntityMirror) => {
    if (!found.has(mirror.pair)) found.set(mirror.pair, mirror);
  };
  mirrors.ofEntity(target.entity.id).forEach(add);
  if (target.field) mirrors.ofField(target.field).forEach(add);
  if (ORM_KINDS.has(target.entity.kind))
    for (const schema of ormModelsOf(view, target.entity)) mirrors.ofEntity(schema.id).forEach(add);
  return [...found.values()]
    .sort((a, b) => Number(a.possible) - Number(b.possible) || b.pair.score - a.pair.score)
    .slice(0, MAX_PAIRS_PER_TARGET);
}

function countFindingsPerPair(findings: readonly Finding[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const finding of findings) {
    if (!finding.pair) continue;
    const key = `${finding.pair.frontend}\0${finding.pair.backend}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

function lookupMarkdown(
  sources: LookupSources,
  mirrors: Mirrors,
  lookup: Omit<SchemaLookup, 'text'>,
  name: string,
): string {
  const total = lookup.targets.length + lookup.more.length;
  const lines = [
    `Seam's index for \`${name.trim()}\`: ${total === 1 ? '1 match' : `${total} matches`}. ` +
      'Paths are workspace-relative, lines start at 1. A pair joins a TypeScript type with the ' +
      'backend class whose JSON it describes; pairs below the threshold are possible mirrors ' +
      'only and are not checked. Seam reads the code statically; nothing was run.',
  ];
  const rendered = new Set(lookup.targets.map((target) => target.entity.id));
  for (const target of lookup.targets) {
    const pairs = lookup.pairs.get(target) ?? [];
    lines.push('', ...targetSection(sources, mirrors, target, pairs, lookup.findingsPerPair));
    for (const related of relatedEntities(sources.view, target, pairs)) {
      if (rendered.has(related.entity.id)) continue;
      rendered.add(related.entity.id);
      lines.push('', entityBlock(sources, related.entity, `Related: `, related.reason));
    }
  }
  if (lookup.more.length) {
    const names = lookup.more.map((target) => `\`${targetName(target)}\` (${target.entity.file})`);
    lines.push('', `Also matching, not shown: ${names.join(', ')}.`);
  }
  return lines.join('\n');
}

function targetSection(
  sources: LookupSources,
  mirrors: Mirrors,
  target: LookupTarget,
  pairs: EntityMirror[],
  findingsPerPair: Map<string, number>,
): string[] {
  const lines = [entityBlock(sources, target.entity, '', undefined, '##')];
  if (target.field) lines.push('', ...fieldLines(sources, mirrors, target.entity, target.field));
  lines.push(
    '',
    pairs.length ? 'Pairs:' : 'Pairs: none; Seam pairs no type of the other side with it.',
  );
  for (const mirror of pairs) lines.push(pairLine(mirror, findingsPerPair));
  return lines;
}

function fieldLines(
  sources: LookupSources,
  mirrors: Mirrors,
  entity: ResolvedEntity,
  field: ResolvedField,
): string[] {
  const file = field.declaredIn.split('#')[0];
  const type = field.type ? `: ${field.type}` : '';
  const lines = [`Field \`${entity.name}.${field.name}${type}\` at ${place(file, field.range)}.`];
  const mirrored = new Set<string>();
  for (const mirror of mirrors.ofField(field)) {
    const front = `${mirror.frontend.name}.${mirror.frontendField.key}`;
    const back = `${mirror.backend.name}.${mirror.backendField.field.name}`;
    const wire =
      mirror.backendField.key === mirror.backendField.field.name
        ? ''
        : ` (JSON key "${mirror.backendField.key}")`;
    const possible = mirror.possible ? ', possible mirror only' : '';
    mirrored.add(`- mirrors: \`${front}\` ↔ \`${back}\`${wire}, ${mirror.direction}${possible}`);
  }
  lines.push(...(mirrored.size ? mirrored : ['- no field of the other side mirrors it']));
  const here = sources.findings.filter(
    (finding) =>
      (finding.file === file && finding.range.start.line === field.range.start.line) ||
      finding.related.some((r) => r.file === file && r.range.start.line === field.range.start.line),
  );
  if (here.length) lines.push('', 'Findings about this field:', ...here.map(renderFinding));
  return lines;
}

/** `- TypeScript interface Part (path:4) ↔ Pydantic schema PartResponse (path:42): ...` */
function pairLine(mirror: EntityMirror, findingsPerPair: Map<string, number>): string {
  const { pair, frontend, backend } = mirror;
  const findings = findingsPerPair.get(`${pair.frontend}\0${pair.backend}`) ?? 0;
  const checked = mirror.possible
    ? 'possible mirror only, not checked'
    : `${findings === 1 ? '1 finding' : `${findings} findings`}`;
  return (
    `- ${entityName(frontend)} (${place(frontend.file, frontend.range)}) ↔ ` +
    `${entityName(backend)} (${place(backend.file, backend.range)}): ${pair.direction}, ` +
    `score ${pair.score}, ${checked}. Evidence: ${evidenceText(pair.evidence)}.`
  );
}

function evidenceText(evidence: string[]): string {
  const routes = evidence.filter((item) => item.startsWith('route '));
  const other = evidence.filter((item) => !item.startsWith('route '));
  const shown = [...routes.slice(0, 3), ...other];
  if (routes.length > 3) shown.push(`and ${routes.length - 3} more routes`);
  return shown.join('; ') || 'none recorded';
}

interface RelatedEntity {
  entity: ResolvedEntity;
  reason: string;
}

/** The other side of each pair, then the bases and ORM models of everything shown. */
function relatedEntities(
  view: IndexView,
  target: LookupTarget,
  pairs: EntityMirror[],
): RelatedEntity[] {
  const related = new Map<string, RelatedEntity>();
  const add = (entity: ResolvedEntity | undefined, reason: string) => {
    if (entity && entity.id !== target.entity.id && !related.has(entity.id))
      related.set(entity.id, { entity, reason });
  };
  for (const { frontend, backend, pair } of pairs) {
    add(frontend, `mirrors ${backend.name} (${pair.direction})`);
    add(backend, `mirrored by ${frontend.name} (${pair.direction})`);
  }
  for (const entity of [target.entity, ...[...related.values()].map((item) => item.entity)]) {
    for (const baseId of entity.baseIds) add(view.entityById.get(baseId), `base of ${entity.name}`);
    for (const other of ormModelsOf(view, entity)) {
      const reason = ORM_KINDS.has(other.kind)
        ? `ORM model behind ${entity.name}`
        : `schema read from ${entity.name}`;
      add(other, reason);
    }
  }
  return [...related.values()].slice(0, MAX_RELATED_PER_TARGET);
}

function entityBlock(
  sources: LookupSources,
  entity: ResolvedEntity,
  prefix: string,
  reason: string | undefined,
  level = '###',
): string {
  const where = span(entity.file, entity.fullRange);
  const heading = `${level} ${prefix}${entityName(entity)} — ${where}`;
  const language = entity.language === 'python' ? 'python' : 'ts';
  const why = reason ? [`- ${reason}`] : [];
  return [heading, ...why, fenced(language, entitySource(entity, sources.readText))].join('\n');
}

function entityName(entity: ResolvedEntity): string {
  return `${KIND_LABELS[entity.kind]} \`${entity.name}\``;
}

function targetName(target: LookupTarget): string {
  return target.field ? `${target.entity.name}.${target.field.name}` : target.entity.name;
}

/** Nothing matched: say so, and name the entities whose names contain the words asked for. */
function noMatchMarkdown(view: IndexView, rawName: string): string {
  const name = rawName.trim();
  const word = name.split(/[.#]/).pop()?.toLowerCase() ?? '';
  const similar = word
    ? view.entities.filter((entity) => entity.name.toLowerCase().includes(word)).slice(0, 10)
    : [];
  const lines = [
    `Seam's index has no TypeScript type, Python class or field named \`${name}\`. Names match ` +
      'exactly, then ignoring case; `Class.field` and plain field names work too.',
  ];
  if (similar.length)
    lines.push(
      `Names that contain it: ${similar.map((e) => `\`${e.name}\` (${e.file})`).join(', ')}.`,
    );
  return lines.join('\n');
}
