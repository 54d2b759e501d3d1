// The wire type: what a value looks like as JSON between the backend and the frontend, in one
// vocabulary for both languages. Python and TS types are mapped into it (python-wire.ts,
// typescript-wire.ts) and compared in it (compare-wire.ts).

export type StringFormat =
  | 'datetime'
  | 'date'
  | 'time'
  | 'duration'
  | 'uuid'
  | 'decimal'
  | 'email'
  | 'url'
  | 'bytes'
  | 'secret';

export type WireType =
  | { kind: 'string'; format?: StringFormat }
  | { kind: 'number'; integer?: boolean }
  | { kind: 'boolean' }
  | { kind: 'null' }
  | { kind: 'literal'; value: string | number | boolean }
  | { kind: 'array'; element: WireType }
  /** A model or interface (by entity id), or an inline object with known keys. */
  | { kind: 'object'; entity?: string; args?: WireType[]; keys?: string[] }
  /** `dict[str, V]`, `Record<string, V>`, `{ [key: string]: V }`. */
  | { kind: 'record'; value: WireType }
  | { kind: 'union'; members: WireType[] }
  /** A TS `Date`: JSON never carries one, axios gives a string unless something converts it. */
  | { kind: 'date-object' }
  /** Anything: Any, unknown, untyped, or a type Seam could not resolve. Never a mismatch. */
  | { kind: 'any'; reason?: string };

export const ANY: WireType = { kind: 'any' };
export const NULL: WireType = { kind: 'null' };

export function union(members: WireType[]): WireType {
  const flat: WireType[] = [];
  for (const member of members) {
    if (member.kind === 'union') flat.push(...member.members);
    else flat.push(member);
  }
  if (flat.some((m) => m.kind === 'any')) return ANY;
  const unique = dedupe(flat);
  return unique.length === 1 ? unique[0] : { kind: 'union', members: unique };
}

function dedupe(members: WireType[]): WireType[] {
  if (members.length < 2) return members;
  const seen = new Set<string>();
  return members.filter((member) => {
    const key = memberKey(member);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * Equal keys for equal members. Literal unions (currency or country codes) run to hundreds of
 * members, and a union is built for every field of every pair on each check, so the flat kinds
 * get a key without JSON.
 */
function memberKey(member: WireType): string {
  switch (member.kind) {
    case 'literal':
      return `literal ${typeof member.value} ${member.value}`;
    case 'string':
      return member.format ? `string ${member.format}` : 'string';
    case 'number':
      return member.integer ? 'integer' : 'number';
    case 'boolean':
    case 'null':
    case 'date-object':
      return member.kind;
    default:
      return JSON.stringify(member);
  }
}

export function membersOf(type: WireType): WireType[] {
  return type.kind === 'union' ? type.members : [type];
}

export function allowsNull(type: WireType): boolean {
  return type.kind === 'any' || membersOf(type).some((m) => m.kind === 'null');
}

export function withoutNull(type: WireType): WireType {
  if (type.kind !== 'union') return type.kind === 'null' ? ANY : type;
  const rest = type.members.filter((m) => m.kind !== 'null');
  return rest.length === 1 ? rest[0] : { kind: 'union', members: rest };
}

/** The literal values of a type made only of literals (an enum or a literal union), else null. */
export function literalValues(type: WireType): (string | number | boolean)[] | null {
  const members = membersOf(withoutNull(type));
  if (!members.length || members.some((m) => m.kind !== 'literal')) return null;
  return members.map((m) => (m as { value: string | number | boolean }).value);
}

/** How a wire type reads in a message: `string (date-time)`, `number[]`, `"a" | "b"`. */
export function describeWire(type: WireType): string {
  switch (type.kind) {
    case 'string':
      return type.format ? `string (${type.format})` : 'string';
    case 'number':
      return type.integer ? 'integer' : 'number';
    case 'boolean':
    case 'null':
      return type.kind;
    case 'literal':
      return JSON.stringify(type.value);
    case 'array':
      return `${describeWire(type.element)}[]`;
    case 'object':
      return type.entity ? `object (${type.entity.split('#')[1]})` : 'object';
    case 'record':
      return `Record<string, ${describeWire(type.value)}>`;
    case 'union':
      return type.members.map(describeWire).join(' | ');
    case 'date-object':
      return 'Date';
    case 'any':
      return 'any';
  }
}
