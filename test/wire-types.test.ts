// A union of wire types keeps one of each distinct member: literal unions run to hundreds of
// members, so flat members are told apart by a short key; these cases pin what counts as equal.
import { describe, expect, it } from 'vitest';
import { describeWire, union, type WireType } from '../server/src/core/shapes/wire-type';

const literal = (value: string | number | boolean): WireType => ({ kind: 'literal', value });
const string = (format?: 'uuid' | 'datetime'): WireType => ({ kind: 'string', format });

const CASES: { name: string; members: WireType[]; reads: string }[] = [
  {
    name: 'repeated literals',
    members: [literal('a'), literal('b'), literal('a')],
    reads: '"a" | "b"',
  },
  {
    name: 'a literal named like a format',
    members: [literal('uuid'), string('uuid')],
    reads: '"uuid" | string (uuid)',
  },
  { name: 'string "1" and number 1', members: [literal('1'), literal(1)], reads: '"1" | 1' },
  { name: 'true and "true"', members: [literal(true), literal('true')], reads: 'true | "true"' },
  {
    name: 'formats apart',
    members: [string('uuid'), string('datetime'), string('uuid')],
    reads: 'string (uuid) | string (datetime)',
  },
  {
    name: 'integer and number',
    members: [{ kind: 'number', integer: true }, { kind: 'number' }],
    reads: 'integer | number',
  },
  {
    name: 'nulls',
    members: [{ kind: 'null' }, string(), { kind: 'null' }],
    reads: 'null | string',
  },
  {
    name: 'entities apart',
    members: [
      { kind: 'object', entity: 'a#A' },
      { kind: 'object', entity: 'b#B' },
      { kind: 'object', entity: 'a#A' },
    ],
    reads: 'object (A) | object (B)',
  },
];

describe('union', () => {
  it.each(CASES)('$name', ({ members, reads }) => {
    expect(describeWire(union(members))).toBe(reads);
  });

  it('flattens nested unions before it dedupes', () => {
    const inner = union([literal('a'), literal('b')]);
    expect(describeWire(union([inner, literal('b'), literal('c')]))).toBe('"a" | "b" | "c"');
  });
});
