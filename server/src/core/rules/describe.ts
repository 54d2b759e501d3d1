// Shared wording and locations for findings about pairs: how a side is named in a message, where
// a field is declared, and the related location pointing at the other side.
import type { Range } from '../facts';
import type { RelatedLocation } from '../findings/finding';
import type { ResolvedEntity, ResolvedField } from '../index/resolved';
import type { WireField } from '../shapes/entity-wire';
import type { PairComparison } from './field-comparison';

export interface Place {
  file: string;
  range: Range;
}

/** Where a field is declared: its own entity's file, or the base it is inherited from. */
export function fieldPlace(field: ResolvedField): Place {
  return { file: field.declaredIn.split('#')[0], range: field.range };
}

export function entityPlace(entity: ResolvedEntity): Place {
  return { file: entity.file, range: entity.range };
}

/** `PartResponse.location_type` */
export function fieldName(entity: ResolvedEntity, field: WireField | ResolvedField): string {
  const name = 'field' in field ? field.field.name : field.name;
  return `\`${entity.name}.${name}\``;
}

export function lineOf(place: Place): string {
  return `${place.file}:${place.range.start.line + 1}`;
}

export function relatedField(
  entity: ResolvedEntity,
  field: WireField,
  role: string,
): RelatedLocation {
  return { ...fieldPlace(field.field), message: `${role}: ${fieldName(entity, field)}` };
}

export function relatedEntity(entity: ResolvedEntity, role: string): RelatedLocation {
  return { ...entityPlace(entity), message: `${role}: \`${entity.name}\`` };
}

/** The pair's identity and evidence, carried by every finding about it. */
export function pairDetails(comparison: PairComparison) {
  return {
    pair: { frontend: comparison.pair.frontend, backend: comparison.pair.backend },
    evidence: comparison.pair.evidence,
  };
}

/** "the response of GET /api/parts/{part_id}" or "responses" when no route links the pair. */
export function directionPhrase(comparison: PairComparison): string {
  const link = comparison.pair.links[0];
  const noun = comparison.direction === 'response' ? 'response' : 'request body';
  if (link) return `the ${noun} of ${link.route.method} ${link.route.fullPath}`;
  return comparison.direction === 'response' ? 'responses' : 'request bodies';
}
