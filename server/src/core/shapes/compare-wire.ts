// Whether the JSON one side produces can be read by the other. Null is left to the nullability
// rule and literal sets to the enum rule; this answers only "can these types ever agree?".
import { PairMemo } from '../objects';
import { describeWire, literalValues, membersOf, withoutNull, type WireType } from './wire-type';

export type Direction = 'response' | 'request';

export interface WireMismatch {
  backend: WireType;
  frontend: WireType;
  severity: 'error' | 'warning';
  /** Why the pair fails at run time, when it is more specific than "different types". */
  reason?: string;
}

/**
 * In a response every value the backend may send must fit the TS type; in a request every value
 * TS may send must pass the backend's validation.
 */
export function compareWire(
  backend: WireType,
  frontend: WireType,
  direction: Direction,
): WireMismatch | null {
  return verdicts[direction].get(backend, frontend, (b, f) => judge(b, f, direction));
}

/**
 * Answers by the two type objects: the wire fields of an entity, and so their types, are kept
 * from one check to the next while the entity is (see rules/field-comparison.ts), and the
 * answer depends on nothing else. A long literal union costs something to compare.
 */
const verdicts: Record<Direction, PairMemo<WireType, WireType, WireMismatch | null>> = {
  response: new PairMemo(),
  request: new PairMemo(),
};

function judge(backend: WireType, frontend: WireType, direction: Direction): WireMismatch | null {
  const sent = withoutNull(direction === 'response' ? backend : frontend);
  const received = withoutNull(direction === 'response' ? frontend : backend);
  if (literalValues(sent) && literalValues(received)) return null;

  let worst: WireMismatch | null = null;
  const targets = membersOf(received);
  for (const member of membersOf(sent)) {
    const special = firstRefusal(targets, member, direction);
    if (special === true) continue;
    const mismatch: WireMismatch = special
      ? { backend, frontend, severity: special.severity, reason: special.reason }
      : { backend, frontend, severity: 'error' };
    if (!worst || (worst.severity === 'warning' && mismatch.severity === 'error')) worst = mismatch;
  }
  return worst;
}

/**
 * True when some target accepts the value, else the first qualified no (or undefined). Stops at
 * the first acceptance: a member of a long literal union usually finds its match early.
 */
function firstRefusal(
  targets: WireType[],
  value: WireType,
  direction: Direction,
): true | Verdict | undefined {
  let special: Verdict | undefined;
  for (const target of targets) {
    const verdict = accepts(target, value, direction);
    if (verdict === true) return true;
    if (typeof verdict === 'object') special ??= verdict;
  }
  return special;
}

interface Verdict {
  severity: 'error' | 'warning';
  reason: string;
}

/** Whether `target` accepts a value of type `value`: true, false, or a qualified no. */
function accepts(target: WireType, value: WireType, direction: Direction): boolean | Verdict {
  if (target.kind === 'any' || value.kind === 'any') return true;
  if (value.kind === 'null') return true;
  const special =
    direction === 'response' ? responseSpecial(target, value) : requestSpecial(target, value);
  if (special !== undefined) return special;
  return sameBaseType(target, value, direction);
}

function sameBaseType(target: WireType, value: WireType, direction: Direction): boolean | Verdict {
  const base = (type: WireType) =>
    type.kind === 'literal' ? typeof type.value : type.kind === 'record' ? 'object' : type.kind;
  if (target.kind === 'array' && value.kind === 'array') {
    const inner =
      direction === 'response'
        ? compareWire(value.element, target.element, direction)
        : compareWire(target.element, value.element, direction);
    return inner
      ? { severity: inner.severity, reason: inner.reason ?? 'The array elements differ' }
      : true;
  }
  if (target.kind === 'literal' && value.kind === 'literal') return target.value === value.value;
  return base(target) === base(value);
}

/** Backend value → TS type: the cases where JSON differs from what the Python type suggests. */
function responseSpecial(tsType: WireType, backendValue: WireType): boolean | Verdict | undefined {
  if (
    backendValue.kind === 'string' &&
    backendValue.format === 'decimal' &&
    tsType.kind === 'number'
  ) {
    return {
      severity: 'error',
      reason: 'Pydantic v2 serialises Decimal as a JSON string, so arithmetic on it concatenates',
    };
  }
  if (tsType.kind === 'date-object' && backendValue.kind === 'string') {
    return {
      severity: 'warning',
      reason: 'JSON carries an ISO string; Date methods on it throw unless the client converts it',
    };
  }
  return undefined;
}

/** TS value → backend validation, with Pydantic's lax-mode coercions. */
function requestSpecial(backendType: WireType, tsValue: WireType): boolean | Verdict | undefined {
  if (
    backendType.kind === 'string' &&
    backendType.format === 'decimal' &&
    tsValue.kind === 'number'
  ) {
    return true;
  }
  if (backendType.kind === 'string' && tsValue.kind === 'date-object') return true;
  if (
    (backendType.kind === 'number' || backendType.kind === 'boolean') &&
    tsValue.kind === 'string'
  ) {
    const accepted = backendType.kind === 'number' ? 'numeric' : '"true"/"false"';
    return {
      severity: 'warning',
      reason: `Pydantic accepts only ${accepted} strings here; any other text is rejected with 422`,
    };
  }
  return undefined;
}

export function describeMismatch(mismatch: WireMismatch): string {
  return `backend ${describeWire(mismatch.backend)}, frontend ${describeWire(mismatch.frontend)}`;
}
