// Type aliases that describe data become entities: object types, intersections, utility types
// over other types, plain references, `z.infer` and string-literal unions. Aliases of primitives,
// arrays, functions, builtins and other unions are not entities; they are kept as plain aliases
// (`FileFacts.typeAliases`), which the wire types of fields follow when they name scalars.
import type { Node } from 'web-tree-sitter';
import type { EntityFact, EnumValueFact, FieldFact, ShapeExpr } from '../facts';
import { inCleanTree, namedChildren, rangeOf, unquote } from '../syntax/nodes';
import { newEntity, typeParamsOf, type DeclarationContext } from './declaration-context';
import { intersectionParts, shapeOfType, unionMembers } from './type-shapes';

/** What an alias's value says about the entity. */
export interface AliasBody {
  shape: ShapeExpr;
  fields: FieldFact[];
  values?: EnumValueFact[];
}

/** References to these describe no model of the project's own. */
const NOT_MODELS = new Set([
  ...['Array', 'ReadonlyArray', 'Record', 'Promise', 'Map', 'Set', 'ReadonlyMap', 'ReadonlySet'],
  ...['WeakMap', 'WeakSet', 'ReturnType', 'Parameters', 'Awaited', 'Exclude', 'Extract'],
  ...['NonNullable', 'InstanceType', 'ConstructorParameters', 'Uppercase', 'Lowercase'],
  ...['Capitalize', 'Uncapitalize', 'Date', 'RegExp', 'Error', 'Function', 'Object', 'String'],
  ...['Number', 'Boolean', 'Symbol', 'BigInt', 'Blob', 'File', 'FormData', 'URL', 'Headers'],
  ...['ArrayBuffer', 'Uint8Array', 'Iterable', 'AsyncIterable', 'Generator', 'ComponentProps'],
  ...['ComponentPropsWithRef', 'ComponentPropsWithoutRef', 'PropsWithChildren', 'ReactNode'],
  ...['ReactElement', 'CSSProperties', 'HTMLAttributes', 'FC'],
]);

/** Type nodes that make an intersection a branded primitive rather than a model. */
const PRIMITIVE_TYPES = new Set(['predefined_type', 'literal_type', 'template_literal_type']);

export function typeAliasEntity(
  declaration: Node,
  nameNode: Node,
  value: Node,
  statement: Node,
  context: DeclarationContext,
): EntityFact | undefined {
  const body = aliasBody(value, context);
  if (!body) return undefined;
  const entity = newEntity(context, 'ts-type', nameNode, statement);
  entity.typeParams = typeParamsOf(declaration);
  entity.fields = body.fields;
  entity.shape = body.shape;
  if (body.values) entity.values = body.values;
  return entity;
}

/** The entity an alias value describes, or undefined when it describes no data model. */
export function aliasBody(value: Node, context: DeclarationContext): AliasBody | undefined {
  switch (value.type) {
    case 'object_type':
      return isIndexOnly(value) ? undefined : bodyOfShape(shapeOfType(value, context.zodNames));
    case 'intersection_type':
      return intersectionBody(value, context);
    case 'generic_type':
      return genericBody(value, context);
    case 'type_identifier':
      return NOT_MODELS.has(value.text)
        ? undefined
        : bodyOfShape(shapeOfType(value, context.zodNames));
    case 'union_type':
      return stringLiteralUnion(value);
    case 'parenthesized_type':
      return aliasBody(namedChildren(value)[0] ?? value, context);
    default:
      return undefined;
  }
}

function bodyOfShape(shape: ShapeExpr): AliasBody {
  return { shape, fields: ownFields(shape) };
}

/** Fields written in the alias itself: its object type, or the object parts of an intersection. */
function ownFields(shape: ShapeExpr): FieldFact[] {
  if (shape.op === 'object') return shape.fields;
  if (shape.op !== 'intersect') return [];
  return shape.parts.flatMap((part) => (part.op === 'object' ? part.fields : []));
}

/** `{ [key: string]: number }` is a dictionary, not a model. */
function isIndexOnly(node: Node): boolean {
  const members = namedChildren(node);
  return members.length > 0 && members.every((member) => member.type === 'index_signature');
}

function intersectionBody(value: Node, context: DeclarationContext): AliasBody | undefined {
  const parts = intersectionParts(value);
  if (parts.some((part) => PRIMITIVE_TYPES.has(part.type))) return undefined;
  return bodyOfShape(shapeOfType(value, context.zodNames));
}

function genericBody(value: Node, context: DeclarationContext): AliasBody | undefined {
  const name = value.childForFieldName('name');
  if (!name || NOT_MODELS.has(name.text)) return undefined;
  const shape = shapeOfType(value, context.zodNames);
  if (shape.op === 'ref' && name.type === 'nested_type_identifier') return undefined;
  return bodyOfShape(shape);
}

/** `'draft' | 'active'` is kept as an enum-like entity with those values. */
function stringLiteralUnion(value: Node): AliasBody | undefined {
  return stringLiteralUnionFromText(value) ?? stringLiteralUnionFromTree(value);
}

/** A union of plain string literals only, one or more per line, with or without a leading `|`. */
const LITERAL_UNION =
  /^(?:\|\s*)?(?:'[^'\\\n]*'|"[^"\\\n]*")(?:\s*\|\s*(?:'[^'\\\n]*'|"[^"\\\n]*"))*$/;
const STRING_LITERAL = /'[^'\\\n]*'|"[^"\\\n]*"/g;

/**
 * The values of a long literal union (generated clients list every country code) read from its
 * text in a tree without errors: one call into wasm instead of four per member. Positions are
 * counted from the union's start.
 */
function stringLiteralUnionFromText(value: Node): AliasBody | undefined {
  const text = value.text;
  if (!LITERAL_UNION.test(text) || !inCleanTree(value)) return undefined;
  const values: EnumValueFact[] = [];
  let { row: line, column: lineStartColumn } = value.startPosition;
  let lineStart = 0;
  let counted = 0;
  for (const match of text.matchAll(STRING_LITERAL)) {
    const start = match.index;
    for (let i = text.indexOf('\n', counted); i >= 0 && i < start; i = text.indexOf('\n', i + 1)) {
      line++;
      lineStart = i + 1;
      lineStartColumn = 0;
    }
    counted = start;
    const character = lineStartColumn + start - lineStart;
    const literal = match[0];
    const name = unquote(literal) ?? literal;
    values.push({
      name,
      value: name,
      range: {
        start: { line, character },
        end: { line, character: character + literal.length },
      },
    });
  }
  return { shape: { op: 'opaque', text }, fields: [], values };
}

function stringLiteralUnionFromTree(value: Node): AliasBody | undefined {
  const values: EnumValueFact[] = [];
  for (const member of unionMembers(value)) {
    const literal = member.type === 'literal_type' ? namedChildren(member)[0] : undefined;
    if (literal?.type !== 'string') return undefined;
    const text = unquote(literal.text) ?? literal.text;
    values.push({ name: text, value: text, range: rangeOf(literal) });
  }
  return { shape: { op: 'opaque', text: value.text }, fields: [], values };
}
