// Lines up the fields of a pair, per direction: which TS key matches which backend field, which
// keys exist on one side only, and which TS keys use the Python name where the wire uses an
// alias. The field rules all read these comparisons; they are computed once per check.
import type { IndexView, ResolvedEntity } from '../index/resolved';
import { PairMemo } from '../objects';
import type { Pair } from '../pairing/pairs';
import { finish, type Pausable } from '../pausable';
import type { Direction } from '../shapes/compare-wire';
import { backendWireFields, frontendWireFields, type WireField } from '../shapes/entity-wire';

export interface FieldMatch {
  frontend: WireField;
  backend: WireField;
  /** TS uses the Python attribute name where the wire key is an alias. */
  byPythonName: boolean;
}

export interface PairComparison {
  pair: Pair;
  direction: Direction;
  frontendEntity: ResolvedEntity;
  backendEntity: ResolvedEntity;
  matches: FieldMatch[];
  frontendOnly: WireField[];
  backendOnly: WireField[];
}

/**
 * An entity's wire fields, kept with the entity object: it takes part in several pairs, and the
 * index hands the same object to the next view only while nothing in its language changed (see
 * WorkspaceIndex), which is all its wire fields are read from.
 */
const frontendFields = new WeakMap<ResolvedEntity, WireField[]>();
const backendFields = new WeakMap<ResolvedEntity, Map<string, WireField[]>>();

export class FieldComparisons {
  private readonly cache = new Map<string, PairComparison | null>();
  /** Most rules walk every comparison; the list is built once. */
  private allComparisons: PairComparison[] | undefined;

  constructor(
    private readonly view: IndexView,
    private readonly pairs: Pair[],
  ) {}

  /** Every comparison of every pair in each of its directions. */
  all(): PairComparison[] {
    return [...finish(this.allWork())];
  }

  /** Computes every comparison as pausable work, pausing after each pair. */
  *allWork(): Pausable<readonly PairComparison[]> {
    if (this.allComparisons) return this.allComparisons;
    const result: PairComparison[] = [];
    for (const pair of this.pairs) {
      for (const direction of directionsOf(pair)) {
        const comparison = this.of(pair, direction);
        if (comparison) result.push(comparison);
      }
      yield;
    }
    this.allComparisons = result;
    return result;
  }

  of(pair: Pair, direction: Direction): PairComparison | undefined {
    const key = `${pair.frontend}\0${pair.backend}\0${direction}`;
    if (!this.cache.has(key)) this.cache.set(key, this.compare(pair, direction));
    return this.cache.get(key) ?? undefined;
  }

  private compare(pair: Pair, direction: Direction): PairComparison | null {
    const frontendEntity = this.view.entityById.get(pair.frontend);
    const backendEntity = this.view.entityById.get(pair.backend);
    if (!frontendEntity || !backendEntity) return null;
    let byDirection = backendFields.get(backendEntity);
    if (!byDirection) backendFields.set(backendEntity, (byDirection = new Map()));
    const backendKey = `${direction}\0${pair.byAlias}`;
    let backend = byDirection.get(backendKey);
    if (!backend) {
      backend = backendWireFields(this.view, backendEntity, direction, { byAlias: pair.byAlias });
      byDirection.set(backendKey, backend);
    }
    let frontend = frontendFields.get(frontendEntity);
    if (!frontend) {
      frontend = frontendWireFields(this.view, frontendEntity);
      frontendFields.set(frontendEntity, frontend);
    }
    const lineUp = lineUps.get(frontend, backend, (f, b) => lineUpFields(f, b));
    return { pair, direction, frontendEntity, backendEntity, ...lineUp };
  }
}

/** Line-ups by the two wire field lists they line up, which are kept as above. */
const lineUps = new PairMemo<WireField[], WireField[], ReturnType<typeof lineUpFields>>();

function directionsOf(pair: Pair): Direction[] {
  return pair.direction === 'both' ? ['response', 'request'] : [pair.direction];
}

export function lineUpFields(
  frontend: WireField[],
  backend: WireField[],
  workspaceConverts = false,
) {
  const matches: FieldMatch[] = [];
  const frontendOnly: WireField[] = [];
  const used = new Set<WireField>();
  const convertsCase = workspaceConverts || looksCaseConverted(frontend, backend);

  for (const tsField of frontend) {
    const found =
      backend.find((b) => b.key === tsField.key || b.alternateKeys.includes(tsField.key)) ??
      (convertsCase ? backend.find((b) => sameIgnoringCase(b.key, tsField.key)) : undefined);
    const byName = found ? undefined : backend.find((b) => b.field.name === tsField.key);
    const backendField = found ?? byName;
    if (backendField && !used.has(backendField)) {
      used.add(backendField);
      matches.push({ frontend: tsField, backend: backendField, byPythonName: !found });
    } else {
      frontendOnly.push(tsField);
    }
  }
  return { matches, frontendOnly, backendOnly: backend.filter((b) => !used.has(b)) };
}

/**
 * True when the frontend spells every multi-word key in the other case convention and never in
 * the backend's: a client interceptor (camelcase-keys, humps) most likely converts them.
 */
function isMultiWord(key: string): boolean {
  return /_|[a-z][A-Z]/.test(key);
}

function looksCaseConverted(frontend: WireField[], backend: WireField[]): boolean {
  let converted = 0;
  for (const tsField of frontend.filter((f) => isMultiWord(f.key))) {
    if (backend.some((b) => b.key === tsField.key)) return false;
    if (backend.some((b) => sameIgnoringCase(b.key, tsField.key))) converted++;
  }
  return converted >= 2;
}

function sameIgnoringCase(a: string, b: string): boolean {
  return a.replace(/_/g, '').toLowerCase() === b.replace(/_/g, '').toLowerCase();
}

/** The backend key a misspelt TS key most likely meant, if one is close enough. */
export function nearMiss(key: string, candidates: string[]): string | undefined {
  const normalise = (k: string) => k.replace(/_/g, '').toLowerCase();
  let best: { candidate: string; distance: number } | undefined;
  for (const candidate of candidates) {
    const [a, b] = [normalise(key), normalise(candidate)];
    const distance =
      a.startsWith(b) || b.startsWith(a) ? Math.abs(a.length - b.length) / 2 : editDistance(a, b);
    if (!best || distance < best.distance) best = { candidate, distance };
  }
  const limit = Math.max(2, Math.floor(key.length / 3));
  return best && best.distance <= limit ? best.candidate : undefined;
}

function editDistance(a: string, b: string): number {
  const previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = previous[0];
    previous[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = previous[j];
      previous[j] = Math.min(
        previous[j] + 1,
        previous[j - 1] + 1,
        diagonal + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
      diagonal = above;
    }
  }
  return previous[b.length];
}
