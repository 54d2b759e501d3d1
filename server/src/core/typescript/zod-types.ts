// Zod expressions as field types: `z.string().email().optional()` is an optional string. Only
// chains that start at the name bound to the zod module, or at another schema, are read.
import type { Node } from 'web-tree-sitter';
import type { FieldFact, TypeExpr } from '../facts';
import { namedChildren, rangeOf } from '../syntax/nodes';
import { literalValue } from './literals';
import { includesNull, includesUndefined, propertyName } from './types';

/** What a zod expression says about one field. */
export interface ZodType {
  typeExpr: TypeExpr;
  optional: boolean;
  nullable: boolean;
  hasDefault: boolean;
  defaultText?: string;
  /** Refinements such as `min: '1'`, `email: ''`, as written. */
  constraints: Record<string, string>;
}

/** What a zod expression may refer to besides `z` itself. */
export interface ZodScope {
  zodNames: ReadonlySet<string>;
  /** Top-level constants initialised by a call: `const optionalId = z.coerce.number()...`. */
  constants: ReadonlyMap<string, Node>;
  /** Bodies of top-level arrow helpers: `const optionalText = (max) => z.string().max(max)`. */
  helpers: ReadonlyMap<string, Node>;
  /** Names being read, so that a schema referring to itself stops. */
  reading: Set<string>;
}

/** A method call `object.method(args)`. */
export interface MethodCall {
  object: Node | null;
  method: string;
  args: Node[];
}

/** Where a constructor call starts: `z.string()`, `z.coerce.number()`, `z.iso.datetime()`. */
type ZodNamespace = 'z' | 'coerce' | 'iso';

const STRING_FORMATS = [
  ...['string', 'email', 'url', 'uuid', 'guid', 'cuid', 'cuid2', 'ulid', 'nanoid', 'emoji'],
  ...['base64', 'base64url', 'ipv4', 'ipv6', 'cidrv4', 'cidrv6', 'e164', 'jwt', 'hostname'],
];
const NUMBER_FORMATS = ['number', 'int', 'int32', 'uint32', 'float32', 'float64', 'nan'];

/** Constructors without arguments that matter, and the TypeScript type they stand for. */
const SIMPLE_TYPES = new Map<string, TypeExpr>([
  ...STRING_FORMATS.map((format): [string, TypeExpr] => [format, named('string')]),
  ...NUMBER_FORMATS.map((format): [string, TypeExpr] => [format, named('number')]),
  ...['bigint', 'int64', 'uint64'].map((format): [string, TypeExpr] => [format, named('bigint')]),
  ...['boolean', 'any', 'unknown', 'never', 'void', 'undefined', 'symbol'].map(
    (type): [string, TypeExpr] => [type, named(type)],
  ),
  ['date', named('Date')],
  ['null', { kind: 'literal', value: null }],
]);

/** Refinements that keep the type; they are recorded as constraints. */
const CONSTRAINTS = new Set([
  ...['min', 'max', 'length', 'email', 'url', 'uuid', 'cuid', 'regex', 'datetime', 'date'],
  ...['time', 'ip', 'startsWith', 'endsWith', 'includes', 'nonempty', 'int', 'positive'],
  ...['negative', 'nonnegative', 'nonpositive', 'multipleOf', 'gt', 'gte', 'lt', 'lte'],
  ...['finite', 'safe', 'trim', 'toLowerCase', 'toUpperCase', 'step'],
]);

/** Object-schema methods that also apply to inline `z.object({...})` field types. */
const OBJECT_METHODS = new Set(['extend', 'merge', 'partial', 'required', 'pick', 'omit']);

function named(name: string, args: TypeExpr[] = []): TypeExpr {
  return { kind: 'name', name, args };
}

function plain(typeExpr: TypeExpr): ZodType {
  return { typeExpr, optional: false, nullable: false, hasDefault: false, constraints: {} };
}

/** `a.b(c)` as its parts, or undefined for anything else. */
export function methodCall(node: Node): MethodCall | undefined {
  if (node.type !== 'call_expression') return undefined;
  const callee = node.childForFieldName('function');
  if (callee?.type !== 'member_expression') return undefined;
  const argumentList = node.childForFieldName('arguments');
  return {
    object: callee.childForFieldName('object'),
    method: callee.childForFieldName('property')?.text ?? '',
    args: argumentList ? namedChildren(argumentList) : [],
  };
}

/** `z`, `z.coerce` or `z.iso` when `z` is bound to the zod module. */
export function zodNamespace(
  node: Node | null,
  zodNames: ReadonlySet<string>,
): ZodNamespace | undefined {
  if (node?.type === 'identifier') return zodNames.has(node.text) ? 'z' : undefined;
  if (node?.type !== 'member_expression') return undefined;
  const object = node.childForFieldName('object');
  if (object?.type !== 'identifier' || !zodNames.has(object.text)) return undefined;
  const property = node.childForFieldName('property')?.text;
  return property === 'coerce' || property === 'iso' ? property : undefined;
}

/** Schemas nested deeper than this stay unknown: reading them would overflow the stack. */
const MAX_ZOD_DEPTH = 200;
let zodDepth = 0;

/** The type a zod expression validates. A bare name is a reference to another schema. */
export function readZodType(node: Node | null | undefined, scope: ZodScope): ZodType {
  if (!node) return plain({ kind: 'unknown', text: '' });
  if (zodDepth >= MAX_ZOD_DEPTH) return plain({ kind: 'unknown', text: node.text });
  zodDepth++;
  try {
    return readZodNode(node, scope);
  } finally {
    zodDepth--;
  }
}

function readZodNode(node: Node, scope: ZodScope): ZodType {
  if (node.type === 'identifier') return readLocal(node.text, scope.constants, scope);
  if (node.type === 'member_expression') return plain(named(node.text));
  const call = methodCall(node);
  if (!call) return readHelperCall(node, scope);

  const namespace = zodNamespace(call.object, scope.zodNames);
  if (namespace === 'iso') return plain(named('string'));
  if (namespace) return constructorType(call, node, scope);
  return applyMethod(readZodType(call.object, scope), call, scope);
}

/**
 * A local constant holding a schema that is not an object (`optionalId`) is read in place; an
 * object schema, or one derived from another local schema, stays a reference to its entity.
 */
function readLocal(name: string, locals: ReadonlyMap<string, Node>, scope: ZodScope): ZodType {
  const value = locals.get(name);
  if (!value || scope.reading.has(name)) return plain(named(name));
  scope.reading.add(name);
  const read = readZodType(value, scope);
  scope.reading.delete(name);
  return isSchemaEntityType(read.typeExpr, scope) ? plain(named(name)) : read;
}

function isSchemaEntityType(typeExpr: TypeExpr, scope: ZodScope): boolean {
  if (typeExpr.kind === 'object' || typeExpr.kind === 'unknown') return true;
  return typeExpr.kind === 'name' && scope.constants.has(typeExpr.name);
}

/** `optionalText(1000)`, a call to a local helper that builds a schema. */
function readHelperCall(node: Node, scope: ZodScope): ZodType {
  const callee = node.type === 'call_expression' ? node.childForFieldName('function') : null;
  if (callee?.type !== 'identifier' || !scope.helpers.has(callee.text)) {
    return plain({ kind: 'unknown', text: node.text });
  }
  const read = readLocal(callee.text, scope.helpers, scope);
  return read.typeExpr.kind === 'name' && read.typeExpr.name === callee.text
    ? plain({ kind: 'unknown', text: node.text })
    : read;
}

function constructorType(call: MethodCall, node: Node, scope: ZodScope): ZodType {
  const [first, second] = call.args;
  const read = (argument: Node | undefined) => readZodType(argument, scope).typeExpr;
  switch (call.method) {
    case 'object':
    case 'strictObject':
    case 'looseObject':
      return plain({ kind: 'object', fields: first ? zodObjectFields(first, scope) : [] });
    case 'array':
      return plain({ kind: 'array', element: read(first) });
    case 'enum':
      return plain(first?.type === 'array' ? literalUnion(first) : named(first?.text ?? ''));
    case 'nativeEnum':
    case 'instanceof':
      return plain(named(first?.text ?? ''));
    case 'literal':
      return plain(literalType(first));
    case 'union':
      return plain(unionOf(first, scope));
    case 'discriminatedUnion':
      return plain(unionOf(second, scope));
    case 'intersection':
      return plain(named('&', [read(first), read(second)]));
    case 'record':
      return plain({ kind: 'object', fields: [], indexValue: read(second ?? first) });
    case 'tuple':
      return plain({ kind: 'tuple', elements: first ? elementsOf(first).map(read) : [] });
    case 'set':
    case 'promise':
      return plain(named(call.method === 'set' ? 'Set' : 'Promise', [read(first)]));
    case 'map':
      return plain(named('Map', [read(first), read(second)]));
    case 'optional':
    case 'nullable':
    case 'nullish':
      return applyMethod(readZodType(first, scope), call, scope);
    case 'lazy':
      return readZodType(arrowBody(first), scope);
    case 'preprocess':
    case 'pipe':
      return readZodType(second, scope);
    default:
      return plain(SIMPLE_TYPES.get(call.method) ?? { kind: 'unknown', text: node.text });
  }
}

/** What a method on a schema does to the type it validates. */
function applyMethod(inner: ZodType, call: MethodCall, scope: ZodScope): ZodType {
  const [first] = call.args;
  switch (call.method) {
    case 'optional':
      return { ...inner, optional: true };
    case 'nullable':
      return withNull(inner);
    case 'nullish':
      return { ...withNull(inner), optional: true };
    case 'default':
    case 'prefault':
      return { ...inner, optional: true, hasDefault: true, defaultText: first?.text ?? '' };
    case 'array':
      return plain({ kind: 'array', element: inner.typeExpr });
    case 'or':
      return plain({
        kind: 'union',
        members: [inner.typeExpr, readZodType(first, scope).typeExpr],
      });
    case 'and':
      return plain(named('&', [inner.typeExpr, readZodType(first, scope).typeExpr]));
    case 'pipe':
      return readZodType(first, scope);
    default:
      if (OBJECT_METHODS.has(call.method)) return inlineObjectMethod(inner, call, scope);
      if (!CONSTRAINTS.has(call.method)) return inner;
      return { ...inner, constraints: { ...inner.constraints, [call.method]: first?.text ?? '' } };
  }
}

function withNull(inner: ZodType): ZodType {
  if (includesNull(inner.typeExpr)) return { ...inner, nullable: true };
  const typeExpr: TypeExpr = {
    kind: 'union',
    members: [inner.typeExpr, { kind: 'literal', value: null }],
  };
  return { ...inner, typeExpr, nullable: true };
}

/** `.extend()`, `.partial()`, `.pick()`... on an inline object type, applied to its fields. */
function inlineObjectMethod(inner: ZodType, call: MethodCall, scope: ZodScope): ZodType {
  if (inner.typeExpr.kind !== 'object') return inner;
  const object = inner.typeExpr;
  return {
    ...inner,
    typeExpr: { ...object, fields: objectMethodFields(object.fields, call, scope) },
  };
}

function objectMethodFields(fields: FieldFact[], call: MethodCall, scope: ZodScope): FieldFact[] {
  const [first] = call.args;
  if (call.method === 'extend')
    return first ? [...fields, ...zodObjectFields(first, scope)] : fields;
  if (call.method !== 'merge') return transformFields(fields, call.method, first);
  const merged = readZodType(first, scope).typeExpr;
  return merged.kind === 'object' ? [...fields, ...merged.fields] : fields;
}

/** The field list after `.partial()`, `.required()`, `.pick()` or `.omit()`. */
export function transformFields(
  fields: FieldFact[],
  method: string,
  mask: Node | undefined,
): FieldFact[] {
  const keys = mask ? maskKeys(mask) : undefined;
  const selected = (field: FieldFact) => !keys || keys.includes(field.name);
  switch (method) {
    case 'partial':
      return fields.map((field) => (selected(field) ? { ...field, optional: true } : field));
    case 'required':
      return fields.map((field) => (selected(field) ? { ...field, optional: false } : field));
    case 'pick':
      return fields.filter((field) => keys?.includes(field.name));
    case 'omit':
      return fields.filter((field) => !keys?.includes(field.name));
    default:
      return fields;
  }
}

/** `{ id: true, name: true }` gives `['id', 'name']`. */
export function maskKeys(node: Node): string[] | undefined {
  if (node.type !== 'object') return undefined;
  return namedChildren(node)
    .filter((pair) => pair.type === 'pair' && pair.childForFieldName('value')?.type === 'true')
    .map((pair) => propertyName(pair.childForFieldName('key')));
}

/** The fields of a `z.object({...})` argument; spreads and computed keys are skipped. */
export function zodObjectFields(node: Node, scope: ZodScope): FieldFact[] {
  if (node.type !== 'object') return [];
  const fields: FieldFact[] = [];
  for (const member of namedChildren(node)) {
    if (member.type === 'shorthand_property_identifier') {
      fields.push(zodField(member, member, scope));
      continue;
    }
    const key = member.type === 'pair' ? member.childForFieldName('key') : null;
    if (key && key.type !== 'computed_property_name') {
      fields.push(zodField(key, member.childForFieldName('value'), scope));
    }
  }
  return fields;
}

function zodField(key: Node, value: Node | null, scope: ZodScope): FieldFact {
  const name = propertyName(key);
  const read = readZodType(value, scope);
  const field: FieldFact = {
    name,
    wireName: name,
    type: value?.text ?? '',
    typeExpr: read.typeExpr,
    optional: read.optional || includesUndefined(read.typeExpr),
    nullable: read.nullable || includesNull(read.typeExpr),
    hasDefault: read.hasDefault,
    range: rangeOf(key),
  };
  if (read.defaultText !== undefined) field.defaultText = read.defaultText;
  if (Object.keys(read.constraints).length > 0) field.constraints = read.constraints;
  return field;
}

function literalType(node: Node | undefined): TypeExpr {
  const value = literalValue(node);
  return value === undefined
    ? { kind: 'unknown', text: node?.text ?? '' }
    : { kind: 'literal', value };
}

/** `['a', 'b']` gives the union of those literals. */
function literalUnion(array: Node): TypeExpr {
  return { kind: 'union', members: elementsOf(array).map(literalType) };
}

function unionOf(array: Node | undefined, scope: ZodScope): TypeExpr {
  const members = array ? elementsOf(array).map((item) => readZodType(item, scope).typeExpr) : [];
  return { kind: 'union', members: members.flatMap((m) => (m.kind === 'union' ? m.members : [m])) };
}

function elementsOf(array: Node): Node[] {
  return array.type === 'array' ? namedChildren(array) : [];
}

/** `() => Part` gives `Part`; a block body gives nothing. */
export function arrowBody(node: Node | undefined): Node | undefined {
  if (node?.type !== 'arrow_function') return undefined;
  const body = node.childForFieldName('body');
  return body && body.type !== 'statement_block' ? body : undefined;
}
