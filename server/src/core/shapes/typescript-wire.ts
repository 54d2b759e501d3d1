// TypeScript types → wire types: what a frontend type says the JSON looks like.
import type { TypeExpr } from '../facts';
import type { ResolvedEntity } from '../index/resolved';
import { ANY, NULL, union, type WireType } from './wire-type';

/** TS type names and the JSON values they describe. */
export const TYPESCRIPT_SCALARS: Record<string, WireType> = {
  string: { kind: 'string' },
  String: { kind: 'string' },
  number: { kind: 'number' },
  Number: { kind: 'number' },
  bigint: { kind: 'number', integer: true },
  boolean: { kind: 'boolean' },
  Boolean: { kind: 'boolean' },
  null: NULL,
  Date: { kind: 'date-object' },
  any: ANY,
  unknown: ANY,
  object: ANY,
  Object: ANY,
  never: ANY,
  void: ANY,
  JsonValue: ANY,
};

const ARRAY_NAMES = new Set(['Array', 'ReadonlyArray', 'Set']);
const TRANSPARENT = new Set(['Readonly', 'NonNullable', 'Promise', 'AxiosResponse', 'Awaited']);

export interface TypeScriptWireContext {
  file: string;
  resolveEntity(file: string, name: string): ResolvedEntity | undefined;
  bindings?: ReadonlyMap<string, WireType>;
}

export function typeScriptWireType(expr: TypeExpr, context: TypeScriptWireContext): WireType {
  switch (expr.kind) {
    case 'literal':
      return expr.value === null ? NULL : { kind: 'literal', value: expr.value };
    case 'union':
      // `undefined` is absence, not a JSON value: optionality is judged on the field.
      return union(
        expr.members
          .filter((m) => !(m.kind === 'name' && m.name === 'undefined'))
          .map((m) => typeScriptWireType(m, context)),
      );
    case 'array':
      return { kind: 'array', element: typeScriptWireType(expr.element, context) };
    case 'tuple':
      return {
        kind: 'array',
        element: union(expr.elements.map((e) => typeScriptWireType(e, context))),
      };
    case 'object':
      if (expr.indexValue && !expr.fields.length) {
        return { kind: 'record', value: typeScriptWireType(expr.indexValue, context) };
      }
      return { kind: 'object', keys: expr.fields.map((f) => f.name) };
    case 'unknown':
      return ANY;
    case 'name':
      return namedWireType(expr, context);
  }
}

function namedWireType(
  expr: Extract<TypeExpr, { kind: 'name' }>,
  context: TypeScriptWireContext,
): WireType {
  const { name, args } = expr;
  const bound = context.bindings?.get(name);
  if (bound && !args.length) return bound;
  if (name in TYPESCRIPT_SCALARS && !args.length) return TYPESCRIPT_SCALARS[name];
  if (name === 'undefined') return ANY;
  if (ARRAY_NAMES.has(name)) return { kind: 'array', element: argWire(args[0], context) };
  if (name === 'Record') return { kind: 'record', value: argWire(args[1], context) };
  if (TRANSPARENT.has(name)) return argWire(args[0], context);
  if (name === '&') return ANY;
  return entityWireType(expr, context);
}

function argWire(arg: TypeExpr | undefined, context: TypeScriptWireContext): WireType {
  return arg ? typeScriptWireType(arg, context) : ANY;
}

function entityWireType(
  expr: Extract<TypeExpr, { kind: 'name' }>,
  context: TypeScriptWireContext,
): WireType {
  const entity = context.resolveEntity(context.file, expr.name);
  if (!entity) return { kind: 'any', reason: `unresolved ${expr.name}` };
  if (entity.values?.length) {
    return union(
      entity.values.map(({ value }) => (value === null ? NULL : { kind: 'literal', value })),
    );
  }
  if (entity.kind === 'ts-type' && !entity.fields.length && entity.shape?.op === 'opaque')
    return ANY;
  const args = expr.args.map((arg) => typeScriptWireType(arg, context));
  return args.length
    ? { kind: 'object', entity: entity.id, args }
    : { kind: 'object', entity: entity.id };
}
