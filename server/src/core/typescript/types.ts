// TypeScript type nodes as TypeExpr trees, and property signatures as fields. Shared by the
// declaration and API-call extractors.
import type { Node } from 'web-tree-sitter';
import type { FieldFact, Range, TypeExpr } from '../facts';
import { inCleanTree, namedChildren, rangeOf, unquote } from '../syntax/nodes';
import { sourceOf } from '../syntax/parser';
import { propertyFromText } from './type-text';

/** Types nested deeper than this stay text: walking them further would overflow the stack. */
const MAX_TYPE_DEPTH = 200;

const SLASH = 0x2f;
let typeDepth = 0;

export function parseTsType(node: Node | null | undefined): TypeExpr {
  if (!node) return { kind: 'unknown', text: '' };
  return parseTypeOfKind(node, node.type);
}

/** parseTsType for a node whose type the caller has read already (each read crosses into wasm). */
function parseTypeOfKind(node: Node, type: string): TypeExpr {
  if (typeDepth >= MAX_TYPE_DEPTH) return { kind: 'unknown', text: node.text };
  typeDepth++;
  try {
    return parseTypeNode(node, type);
  } finally {
    typeDepth--;
  }
}

function parseTypeNode(node: Node, type: string): TypeExpr {
  switch (type) {
    case 'type_annotation':
    case 'parenthesized_type':
    case 'readonly_type':
      return parseTsType(namedChildren(node).at(-1));
    case 'predefined_type':
    case 'type_identifier':
    case 'nested_type_identifier':
    case 'identifier':
      return { kind: 'name', name: node.text, args: [] };
    case 'generic_type':
      return parseGeneric(node);
    case 'literal_type':
      return parseLiteral(node);
    case 'union_type':
      return { kind: 'union', members: flattenUnion(node) };
    case 'array_type':
      return { kind: 'array', element: parseTsType(namedChildren(node)[0]) };
    case 'tuple_type':
      return { kind: 'tuple', elements: namedChildren(node).map(parseTsType) };
    case 'object_type':
      return parseObjectType(node);
    case 'intersection_type':
      return { kind: 'name', name: '&', args: namedChildren(node).map(parseTsType) };
    default:
      return { kind: 'unknown', text: node.text };
  }
}

function parseGeneric(node: Node): TypeExpr {
  const name = node.childForFieldName('name')?.text ?? '';
  const typeArguments = node.childForFieldName('type_arguments');
  const args = typeArguments ? namedChildren(typeArguments).map(parseTsType) : [];
  return { kind: 'name', name, args };
}

function parseLiteral(node: Node): TypeExpr {
  const inner = namedChildren(node)[0];
  if (!inner) return { kind: 'unknown', text: node.text };
  switch (inner.type) {
    case 'null':
      return { kind: 'literal', value: null };
    case 'undefined':
      return { kind: 'name', name: 'undefined', args: [] };
    case 'true':
    case 'false':
      return { kind: 'literal', value: inner.type === 'true' };
    case 'number':
      return { kind: 'literal', value: Number(inner.text) };
    case 'string':
      return { kind: 'literal', value: unquote(inner.text) ?? inner.text };
    case 'unary_expression':
      return { kind: 'literal', value: Number(inner.text) };
    default:
      return { kind: 'unknown', text: node.text };
  }
}

/** The members of `a | b | c`, written into one list: copying lists per level is quadratic. */
function flattenUnion(node: Node, members: TypeExpr[] = []): TypeExpr[] {
  for (const child of namedChildren(node)) {
    const type = child.type;
    if (type === 'union_type') flattenUnion(child, members);
    else members.push(parseTypeOfKind(child, type));
  }
  return members;
}

function parseObjectType(node: Node): TypeExpr {
  const { fields, indexSignature } = readMembers(node);
  if (!indexSignature) return { kind: 'object', fields };
  return {
    kind: 'object',
    fields,
    indexValue: parseTsType(indexSignature.childForFieldName('type')),
  };
}

/**
 * The members of an object type or interface body, for their signatures: anything starting with
 * `/` is left out unasked, since a comment does and no signature can. Asking each member its type
 * would cross into wasm once per member.
 */
export function signatureMembers(body: Node): Node[] {
  const source = sourceOf(body.tree);
  if (source === undefined) return namedChildren(body);
  return body.namedChildren.filter(
    (member): member is Node => !!member && source.charCodeAt(member.startIndex) !== SLASH,
  );
}

/** The fields of an interface body's or object type's property signatures. */
export function objectFields(body: Node): FieldFact[] {
  return readMembers(body).fields;
}

/** Property signatures as fields, and the last index signature (`[key: string]: T`). */
function readMembers(body: Node): { fields: FieldFact[]; indexSignature?: Node } {
  const fields: FieldFact[] = [];
  let indexSignature: Node | undefined;
  for (const member of signatureMembers(body)) {
    // A member whose text reads as a simple property (see fieldFromText) is a property
    // signature: every other signature has a parenthesis or a bracket. Only the rest are asked.
    const field = fieldFromText(member);
    if (field) {
      fields.push(field);
      continue;
    }
    const type = member.type;
    if (type === 'property_signature') fields.push(fieldFromTree(member));
    else if (type === 'index_signature') indexSignature = member;
  }
  return { fields, indexSignature };
}

/** `name?: string | null` inside an interface or object type. */
export function fieldFromPropertySignature(node: Node): FieldFact {
  return fieldFromText(node) ?? fieldFromTree(node);
}

/**
 * The field of a simple, error-free signature read from its text (see type-text.ts): one call
 * into wasm instead of a dozen. Positions are counted from the node's start, on its one line.
 */
export function fieldFromText(node: Node): FieldFact | undefined {
  const property = propertyFromText(node.text);
  if (!property || !inCleanTree(node)) return undefined;
  const { row, column } = node.startPosition;
  const span = (start: number, end: number): Range => ({
    start: { line: row, character: column + start },
    end: { line: row, character: column + end },
  });
  const quoted = property.name.startsWith("'") || property.name.startsWith('"');
  const name = quoted ? (unquote(property.name) ?? property.name) : property.name;
  const { typeExpr } = property;
  return {
    name,
    wireName: name,
    type: property.type,
    typeExpr,
    optional: property.questionMark || includesUndefined(typeExpr),
    nullable: includesNull(typeExpr),
    hasDefault: false,
    range: span(property.nameStart, property.nameEnd),
    typeRange: span(property.typeStart, property.typeStart + property.type.length),
  };
}

/** The field read from the tree: any signature, however written. */
export function fieldFromTree(node: Node): FieldFact {
  const nameNode = node.childForFieldName('name');
  const typeNode = node.childForFieldName('type');
  const name = propertyName(nameNode);
  const typeExpr = parseTsType(typeNode);
  // Node accesses cross into wasm, so the `?` is looked for in the text between name and type.
  const typeValue = typeNode ? (namedChildren(typeNode).at(-1) ?? typeNode) : undefined;
  const between = nameNode && typeNode ? gapText(node, nameNode, typeNode) : node.text;
  return {
    name,
    wireName: name,
    type: typeValue && typeValue !== typeNode ? typeValue.text : typeNode ? '' : 'any',
    typeExpr,
    optional: between.includes('?') || includesUndefined(typeExpr),
    nullable: includesNull(typeExpr),
    hasDefault: false,
    range: rangeOf(nameNode ?? node),
    ...(typeValue ? { typeRange: rangeOf(typeValue) } : {}),
  };
}

/** The source text between two children of `node`. */
function gapText(node: Node, before: Node, after: Node): string {
  return node.text.slice(before.endIndex - node.startIndex, after.startIndex - node.startIndex);
}

/** Property names may be identifiers, strings (`'created-at'`) or numbers. */
export function propertyName(node: Node | null | undefined): string {
  if (!node) return '';
  if (node.type === 'string') return unquote(node.text) ?? node.text;
  return node.text;
}

export function includesNull(expr: TypeExpr): boolean {
  if (expr.kind === 'literal') return expr.value === null;
  if (expr.kind === 'union') return expr.members.some(includesNull);
  return false;
}

export function includesUndefined(expr: TypeExpr): boolean {
  if (expr.kind === 'name') return expr.name === 'undefined';
  if (expr.kind === 'union') return expr.members.some(includesUndefined);
  return false;
}
