// Which types and fields mirror one another across the two languages, looked up from either
// side: the editor's hover, definition, references, code lens and rename all read these. Pairs
// below the threshold are included and marked `possible`.
import type { IndexView, ResolvedEntity, ResolvedField } from '../index/resolved';
import { FieldComparisons, type PairComparison } from '../rules/field-comparison';
import type { Direction } from '../shapes/compare-wire';
import type { WireField } from '../shapes/entity-wire';
import type { Pair, Pairing } from './pairs';

export interface EntityMirror {
  pair: Pair;
  /** Scored below the pairing threshold: shown, never checked. */
  possible: boolean;
  frontend: ResolvedEntity;
  backend: ResolvedEntity;
}

export interface FieldMirror extends EntityMirror {
  direction: Direction;
  frontendField: WireField;
  backendField: WireField;
  /** The TS key is the Python attribute name where the wire uses an alias. */
  byPythonName: boolean;
}

export class Mirrors {
  private readonly comparisons: FieldComparisons;
  private byEntity?: Map<string, EntityMirror[]>;
  private carriers?: Map<string, ResolvedEntity[]>;

  constructor(
    readonly view: IndexView,
    readonly pairing: Pairing,
  ) {
    this.comparisons = new FieldComparisons(view, [...pairing.pairs, ...pairing.possible]);
  }

  /** The pairs an entity is a side of, checked pairs first, best score first. */
  ofEntity(entityId: string): EntityMirror[] {
    this.byEntity ??= this.indexPairs();
    return this.byEntity.get(entityId) ?? [];
  }

  /** The lined-up fields of a pair in one direction (cached). */
  comparison(pair: Pair, direction: Direction): PairComparison | undefined {
    return this.comparisons.of(pair, direction);
  }

  /** The pair between two entities, checked or possible. */
  pairOf(frontendId: string, backendId: string): EntityMirror | undefined {
    return this.ofEntity(frontendId).find((m) => m.backend.id === backendId);
  }

  /** The name of the TS type mirroring a backend entity best, if any. */
  frontendNameOf(backendId: string): string | undefined {
    return this.ofEntity(backendId).find((m) => m.backend.id === backendId && !m.possible)?.frontend
      .name;
  }

  /** Every field on the other side that a field lines up with, through any pair carrying it. */
  ofField(field: ResolvedField): FieldMirror[] {
    const result: FieldMirror[] = [];
    for (const carrier of this.carriersOf(field)) {
      for (const mirror of this.ofEntity(carrier.id)) result.push(...this.matchesOf(mirror, field));
    }
    return result;
  }

  private matchesOf(mirror: EntityMirror, field: ResolvedField): FieldMirror[] {
    const result: FieldMirror[] = [];
    for (const direction of directionsOf(mirror.pair)) {
      const comparison = this.comparisons.of(mirror.pair, direction);
      for (const match of comparison?.matches ?? []) {
        if (!sameField(match.frontend.field, field) && !sameField(match.backend.field, field))
          continue;
        result.push({
          ...mirror,
          direction,
          frontendField: match.frontend,
          backendField: match.backend,
          byPythonName: match.byPythonName,
        });
      }
    }
    return result;
  }

  /** The entities that have the field, declared or inherited. */
  private carriersOf(field: ResolvedField): ResolvedEntity[] {
    this.carriers ??= this.indexCarriers();
    return this.carriers.get(fieldKey(field)) ?? [];
  }

  private indexCarriers(): Map<string, ResolvedEntity[]> {
    const carriers = new Map<string, ResolvedEntity[]>();
    for (const entity of this.view.entities) {
      for (const field of entity.fields) {
        const list = carriers.get(fieldKey(field)) ?? [];
        list.push(entity);
        carriers.set(fieldKey(field), list);
      }
    }
    return carriers;
  }

  private indexPairs(): Map<string, EntityMirror[]> {
    const byEntity = new Map<string, EntityMirror[]>();
    const add = (pair: Pair, possible: boolean) => {
      const frontend = this.view.entityById.get(pair.frontend);
      const backend = this.view.entityById.get(pair.backend);
      if (!frontend || !backend) return;
      const mirror = { pair, possible, frontend, backend };
      for (const id of [frontend.id, backend.id]) {
        const list = byEntity.get(id);
        if (list) list.push(mirror);
        else byEntity.set(id, [mirror]);
      }
    };
    for (const pair of this.pairing.pairs) add(pair, false);
    for (const pair of this.pairing.possible) add(pair, true);
    for (const list of byEntity.values()) list.sort(byStrength);
    return byEntity;
  }
}

/** A field is identified by the entity that declares it and its name. */
export function fieldKey(field: ResolvedField): string {
  return `${field.declaredIn}\0${field.name}`;
}

export function sameField(a: ResolvedField, b: ResolvedField): boolean {
  return a.declaredIn === b.declaredIn && a.name === b.name;
}

function byStrength(a: EntityMirror, b: EntityMirror): number {
  return Number(a.possible) - Number(b.possible) || b.pair.score - a.pair.score;
}

function directionsOf(pair: Pair): Direction[] {
  return pair.direction === 'both' ? ['response', 'request'] : [pair.direction];
}
