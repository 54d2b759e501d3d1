// Zod schemas as entities: top-level constants built with `z.object({...})`, or derived from
// another schema with `.extend`, `.merge`, `.pick`, `.omit`, `.partial` and `.required`.
import type { Node } from 'web-tree-sitter';
import type { EntityFact, EnumValueFact, FieldFact, ShapeExpr } from '../facts';
import { namedChildren, rangeOf, unquote } from '../syntax/nodes';
import { newEntity, type DeclarationContext } from './declaration-context';
import type { TopLevelDeclaration } from './top-level';
import {
  arrowBody,
  maskKeys,
  methodCall,
  transformFields,
  zodNamespace,
  zodObjectFields,
  type MethodCall,
  type ZodScope,
} from './zod-types';

/** What a schema expression says about the entity. */
interface SchemaRead {
  shape: ShapeExpr;
  fields: FieldFact[];
  values?: EnumValueFact[];
}

interface SchemaScope extends ZodScope {
  /** A name known to hold a zod schema: declared above, or imported. */
  isSchema(name: string): boolean;
}

/** The top-level constants of a file that may build schemas. */
interface Constants {
  /** `const Name = call(...)`, in source order. */
  candidates: Candidate[];
  /** `const helper = (...) => expression`, by name. */
  helpers: Map<string, Node>;
}

/** A top-level `const Name = call(...)`. */
interface Candidate {
  statement: Node;
  nameNode: Node;
  value: Node;
}

/** Methods that leave an object schema's fields as they are. */
const SHAPE_KEEPING = new Set([
  ...['strict', 'passthrough', 'strip', 'catchall', 'describe', 'refine', 'superRefine'],
  ...['brand', 'readonly', 'openapi', 'meta', 'check'],
]);

/**
 * Object schemas become entities. Other zod schemas (`const Id = z.string().uuid()`) give no
 * entity but are remembered, so that schemas derived from them are recognised.
 */
export function extractZodSchemas(
  constants: TopLevelDeclaration[],
  context: DeclarationContext,
): EntityFact[] {
  if (!mayHoldSchemas(context)) return [];
  const { candidates, helpers } = readConstants(constants);
  const declared = new Set<string>();
  const scope: SchemaScope = {
    zodNames: context.zodNames,
    constants: new Map(candidates.map((candidate) => [candidate.nameNode.text, candidate.value])),
    helpers,
    reading: new Set(),
    isSchema: (name) => declared.has(name) || isImportedSchema(name, context),
  };

  const entities: EntityFact[] = [];
  for (const candidate of candidates) {
    if (!startsAtSchema(candidate.value, scope)) continue;
    declared.add(candidate.nameNode.text);
    const read = readSchema(candidate.value, scope);
    if (read) entities.push(schemaEntity(candidate, read, context));
  }
  return entities;
}

/** Without zod imported, only schemas derived from imported `...Schema` names can appear. */
function mayHoldSchemas(context: DeclarationContext): boolean {
  if (context.zodNames.size > 0) return true;
  return [...context.importedNames].some((name) => name.endsWith('Schema'));
}

/**
 * An imported name is taken for a schema when the file uses zod, or when its name says so: a
 * file may derive `PartCreate = PartSchema.omit({ id: true })` without importing `z` itself.
 */
function isImportedSchema(name: string, context: DeclarationContext): boolean {
  if (!context.importedNames.has(name)) return false;
  return context.zodNames.size > 0 || name.endsWith('Schema');
}

/** The `name = call(...)` and `name = (...) => expression` declarators of `const` statements. */
function readConstants(statements: TopLevelDeclaration[]): Constants {
  const constants: Constants = { candidates: [], helpers: new Map() };
  for (const { statement, declaration } of statements) {
    for (const declarator of namedChildren(declaration)) {
      const nameNode = declarator.childForFieldName('name');
      const value = declarator.childForFieldName('value');
      if (nameNode?.type !== 'identifier' || !value) continue;
      const type = value.type;
      if (type === 'call_expression') constants.candidates.push({ statement, nameNode, value });
      const body = type === 'arrow_function' ? arrowBody(value) : undefined;
      if (body) constants.helpers.set(nameNode.text, body);
    }
  }
  return constants;
}

/** The chain `a.b(...).c(...)` starts at `z` or at a known schema. */
function startsAtSchema(value: Node, scope: SchemaScope): boolean {
  let current: Node | null = value;
  while (current?.type === 'call_expression' || current?.type === 'member_expression') {
    const field: string = current.type === 'call_expression' ? 'function' : 'object';
    current = current.childForFieldName(field);
  }
  if (current?.type !== 'identifier') return false;
  return scope.zodNames.has(current.text) || scope.isSchema(current.text);
}

function schemaEntity(
  candidate: Candidate,
  read: SchemaRead,
  context: DeclarationContext,
): EntityFact {
  const { nameNode, statement } = candidate;
  const entity = newEntity(context, 'zod-schema', nameNode, statement);
  entity.fields = read.fields;
  entity.shape = read.shape;
  if (read.values) entity.values = read.values;
  return entity;
}

/** The object shape a schema expression builds, or undefined when it is not an object schema. */
function readSchema(node: Node | null | undefined, scope: SchemaScope): SchemaRead | undefined {
  if (!node) return undefined;
  if (node.type === 'identifier') {
    return scope.isSchema(node.text) ? { shape: reference(node.text), fields: [] } : undefined;
  }
  const call = methodCall(node);
  if (!call) return undefined;

  const namespace = zodNamespace(call.object, scope.zodNames);
  if (namespace) return namespace === 'z' ? readConstructor(call, node, scope) : undefined;
  const base = readSchema(call.object, scope);
  return base && applySchemaMethod(base, call, scope);
}

function readConstructor(call: MethodCall, node: Node, scope: SchemaScope): SchemaRead | undefined {
  const [first, second] = call.args;
  switch (call.method) {
    case 'object':
    case 'strictObject':
    case 'looseObject':
      return first
        ? objectSchema(first, scope)
        : { shape: { op: 'object', fields: [] }, fields: [] };
    case 'enum':
      return first?.type === 'array' ? enumSchema(first, node) : undefined;
    case 'intersection':
      return intersect(readSchema(first, scope), readSchema(second, scope));
    case 'lazy':
      return readSchema(arrowBody(first), scope);
    default:
      return undefined;
  }
}

/** `{ a: z.string(), ...Base.shape }` gives the fields, intersected with spread schemas. */
function objectSchema(argument: Node, scope: SchemaScope): SchemaRead {
  const fields = zodObjectFields(argument, scope);
  const object: ShapeExpr = { op: 'object', fields };
  const spreads = spreadSchemas(argument);
  if (spreads.length === 0) return { shape: object, fields };
  return { shape: { op: 'intersect', parts: [...spreads.map(reference), object] }, fields };
}

/** `...PartBase.shape` inside an object literal spreads another schema's fields. */
function spreadSchemas(argument: Node): string[] {
  if (argument.type !== 'object') return [];
  return namedChildren(argument)
    .filter((member) => member.type === 'spread_element')
    .map((spread) => shapeOwner(namedChildren(spread)[0]))
    .filter((name): name is string => name !== undefined);
}

/** `PartBase.shape` gives `PartBase`. */
function shapeOwner(node: Node | undefined): string | undefined {
  if (node?.type !== 'member_expression') return undefined;
  if (node.childForFieldName('property')?.text !== 'shape') return undefined;
  const object = node.childForFieldName('object');
  return object?.type === 'identifier' ? object.text : undefined;
}

/** `z.enum(['draft', 'active'])` is kept like a string-literal union, with its values. */
function enumSchema(array: Node, node: Node): SchemaRead {
  const values: EnumValueFact[] = namedChildren(array)
    .filter((item) => item.type === 'string')
    .map((item) => {
      const value = unquote(item.text) ?? item.text;
      return { name: value, value, range: rangeOf(item) };
    });
  return { shape: { op: 'opaque', text: node.text }, fields: [], values };
}

function applySchemaMethod(
  base: SchemaRead,
  call: MethodCall,
  scope: SchemaScope,
): SchemaRead | undefined {
  const [first] = call.args;
  switch (call.method) {
    case 'extend':
      return intersect(base, extension(first, scope));
    case 'merge':
    case 'and':
      return intersect(base, readSchema(first, scope) ?? opaque(first));
    case 'partial':
    case 'required':
      return partialOrRequired(base, call.method, first);
    case 'pick':
    case 'omit':
      return pickOrOmit(base, call.method, first);
    default:
      return SHAPE_KEEPING.has(call.method) ? base : undefined;
  }
}

/** The argument of `.extend()`: an object of fields, or another schema's `.shape`. */
function extension(argument: Node | undefined, scope: SchemaScope): SchemaRead {
  const owner = shapeOwner(argument);
  if (owner) return { shape: reference(owner), fields: [] };
  return argument ? objectSchema(argument, scope) : opaque(argument);
}

/** Intersections flatten, so `A.extend(B).extend(C)` has three parts. */
function intersect(
  left: SchemaRead | undefined,
  right: SchemaRead | undefined,
): SchemaRead | undefined {
  if (!left || !right) return undefined;
  const parts = [left.shape, right.shape].flatMap((shape) =>
    shape.op === 'intersect' ? shape.parts : [shape],
  );
  return { shape: { op: 'intersect', parts }, fields: [...left.fields, ...right.fields] };
}

/** `.partial()` applies to all fields; `.partial({ a: true })` only to the masked ones. */
function partialOrRequired(
  base: SchemaRead,
  op: 'partial' | 'required',
  mask: Node | undefined,
): SchemaRead {
  const fields = transformFields(base.fields, op, mask);
  const keys = mask ? maskKeys(mask) : undefined;
  if (!keys) return { shape: { op, of: base.shape }, fields };
  const rest: ShapeExpr = { op: 'omit', of: base.shape, keys };
  const changed: ShapeExpr = { op, of: { op: 'pick', of: base.shape, keys } };
  return { shape: { op: 'intersect', parts: [rest, changed] }, fields };
}

function pickOrOmit(base: SchemaRead, op: 'pick' | 'omit', mask: Node | undefined): SchemaRead {
  const keys = mask ? maskKeys(mask) : undefined;
  if (!keys) return opaque(mask);
  return { shape: { op, of: base.shape, keys }, fields: transformFields(base.fields, op, mask) };
}

function reference(name: string): ShapeExpr {
  return { op: 'ref', name, args: [] };
}

function opaque(node: Node | undefined | null): SchemaRead {
  return { shape: { op: 'opaque', text: node?.text ?? '' }, fields: [] };
}
