// TypeScript types → wire types: what a frontend type says the JSON looks like.
import type { TypeExpr } from '../facts';
import type { ResolvedEntity, ResolvedTypeAlias } from '../index/resolved';
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
  /** Aliases that are no entity (`type Money = number`); without it their names stay unknown. */
  resolveAlias?(file: string, name: string): ResolvedTypeAlias | undefined;
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
  if (!entity)
    return aliasWireType(expr, context) ?? { kind: 'any', reason: `unresolved ${expr.name}` };
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

/**
 * The wire type of an alias that is no entity, when its type is made of scalars, literals, null,
 * arrays and its own type parameters only (`type Money = number`,
 * `type Nullable<T> = T | null`). An alias of models, of other aliases or of anything else stays
 * unknown: what it stands for is not settled enough to report on.
 */
function aliasWireType(
  expr: Extract<TypeExpr, { kind: 'name' }>,
  context: TypeScriptWireContext,
): WireType | undefined {
  const found = context.resolveAlias?.(context.file, expr.name);
  if (!found) return undefined;
  const { alias, file } = found;
  if (!isScalarShaped(alias.typeExpr, new Set(alias.typeParams))) return undefined;
  // Arguments mean what they mean where the alias is used; the alias's body, where it is written.
  const bindings = new Map(
    alias.typeParams.map((param, i) => [param, argWire(expr.args[i], context)] as const),
  );
  return typeScriptWireType(alias.typeExpr, { ...context, file, bindings });
}

function isScalarShaped(expr: TypeExpr, params: ReadonlySet<string>): boolean {
  switch (expr.kind) {
    case 'literal':
      return true;
    case 'union':
      return expr.members.every((member) => isScalarShaped(member, params));
    case 'array':
      return isScalarShaped(expr.element, params);
    case 'tuple':
      return expr.elements.every((element) => isScalarShaped(element, params));
    case 'name':
      if (expr.args.length) return false;
      return expr.name in TYPESCRIPT_SCALARS || expr.name === 'undefined' || params.has(expr.name);
    default:
      return false;
  }
}
