// The declared type of an expression passed to or received from an HTTP call: a parameter or
// variable annotation, `x as T`, `x satisfies T`, or the fields of an object literal.
import type { Node } from 'web-tree-sitter';
import type { CallFact, FieldFact, TypeExpr } from '../facts';
import { namedChildren, rangeOf } from '../syntax/nodes';
import type { CallsContext } from './calls-context';
import { unwrapExpression } from './calls-nodes';
import { findDeclaration } from './calls-scope';
import { parseTsType, propertyName } from './types';

/** A type with the text it was written as; `node` when it was written somewhere in the file. */
export interface WrittenType {
  expr: TypeExpr;
  text: string;
  node?: Node;
}

const MAX_DEPTH = 6;
const UNKNOWN: TypeExpr = { kind: 'unknown', text: '' };

export function writtenType(node: Node): WrittenType {
  const inner = node.type === 'type_annotation' ? (namedChildren(node).at(-1) ?? node) : node;
  return { expr: parseTsType(inner), text: inner.text, node: inner };
}

/** What an expression is declared as, or undefined when nothing in the file says it. */
export function declaredTypeOf(
  expression: Node,
  context: CallsContext,
  depth = 0,
): WrittenType | undefined {
  if (depth > MAX_DEPTH) return undefined;
  const node = unwrapExpression(expression);
  switch (node.type) {
    case 'as_expression':
    case 'satisfies_expression': {
      const type = namedChildren(node).at(-1);
      return type ? writtenType(type) : undefined;
    }
    case 'identifier':
    case 'shorthand_property_identifier':
      return identifierType(node, context, depth);
    case 'object':
      return objectLiteralType(node, context, depth);
    default:
      return undefined;
  }
}

/** A parameter's or variable's annotation; an unannotated variable takes its value's type. */
function identifierType(node: Node, context: CallsContext, depth: number): WrittenType | undefined {
  const declaration = findDeclaration(node.text, node, context);
  if (!declaration) return undefined;
  if (declaration.kind === 'parameter') {
    return declaration.type ? writtenType(declaration.type) : undefined;
  }
  const annotation = declaration.declarator.childForFieldName('type');
  if (annotation) return writtenType(annotation);
  const value = declaration.declarator.childForFieldName('value');
  return value ? declaredTypeOf(value, context, depth + 1) : undefined;
}

/**
 * `{ name, quantity: 2, ...part }`: an object type with the literal's own keys. A spread of a
 * typed variable joins as an intersection member (`Part & { quantity: number }`); a spread of an
 * untyped value is skipped, so such a type may miss fields.
 */
function objectLiteralType(node: Node, context: CallsContext, depth: number): WrittenType {
  const fields: FieldFact[] = [];
  const spreads: WrittenType[] = [];
  for (const entry of namedChildren(node)) {
    if (entry.type === 'spread_element') {
      const spread = namedChildren(entry)[0];
      const type = spread ? declaredTypeOf(spread, context, depth + 1) : undefined;
      if (type) spreads.push(type);
    } else {
      const field = objectLiteralField(entry, context, depth);
      if (field) fields.push(field);
    }
  }
  const own: WrittenType = { expr: { kind: 'object', fields }, text: objectTypeText(fields) };
  const members = fields.length > 0 || spreads.length === 0 ? [...spreads, own] : spreads;
  if (members.length === 1) return members[0];
  return {
    expr: { kind: 'name', name: '&', args: members.map((member) => member.expr) },
    text: members.map((member) => member.text).join(' & '),
  };
}

function objectLiteralField(entry: Node, context: CallsContext, depth: number): FieldFact | null {
  if (entry.type === 'shorthand_property_identifier') {
    return literalField(entry, entry, declaredTypeOf(entry, context, depth + 1));
  }
  if (entry.type !== 'pair') return null;
  const key = entry.childForFieldName('key');
  const value = entry.childForFieldName('value');
  if (!key || !value || key.type === 'computed_property_name') return null;
  return literalField(key, entry, valueType(value, context, depth));
}

function literalField(key: Node, entry: Node, type: WrittenType | undefined): FieldFact {
  const name = propertyName(key);
  const typeExpr = type?.expr ?? UNKNOWN;
  return {
    name,
    wireName: name,
    type: type?.text ?? 'unknown',
    typeExpr,
    optional: false,
    nullable: typeExpr.kind === 'literal' && typeExpr.value === null,
    hasDefault: false,
    range: rangeOf(key ?? entry),
  };
}

/** A value's type when a literal makes it obvious, else its declared type. */
function valueType(value: Node, context: CallsContext, depth: number): WrittenType | undefined {
  switch (unwrapExpression(value).type) {
    case 'string':
    case 'template_string':
      return simpleType('string');
    case 'number':
      return simpleType('number');
    case 'true':
    case 'false':
      return simpleType('boolean');
    case 'null':
      return { expr: { kind: 'literal', value: null }, text: 'null' };
    case 'undefined':
      return simpleType('undefined');
    default:
      return declaredTypeOf(value, context, depth + 1);
  }
}

function simpleType(name: string): WrittenType {
  return { expr: { kind: 'name', name, args: [] }, text: name };
}

function objectTypeText(fields: FieldFact[]): string {
  if (fields.length === 0) return '{}';
  return `{ ${fields.map((field) => `${field.name}: ${field.type}`).join('; ')} }`;
}

/** The first type argument of a generic type named one of `names` (`Promise<T>` → T). */
export function genericArgument(type: Node | undefined, names: string[]): Node | undefined {
  if (type?.type !== 'generic_type') return undefined;
  const name = type.childForFieldName('name')?.text ?? '';
  if (!names.includes(name)) return undefined;
  const list = type.childForFieldName('type_arguments');
  return list ? namedChildren(list)[0] : undefined;
}

/** The type of the `data` member of an object type (`{ data: Part[] }` → `Part[]`). */
export function dataMemberType(type: Node | undefined): Node | undefined {
  if (type?.type !== 'object_type') return undefined;
  for (const member of namedChildren(type)) {
    if (member.type !== 'property_signature') continue;
    if (member.childForFieldName('name')?.text !== 'data') continue;
    const annotation = member.childForFieldName('type');
    return annotation ? namedChildren(annotation).at(-1) : undefined;
  }
  return undefined;
}

/** Sets `requestType`/`requestTypeText` or `responseType`/`responseTypeText` when known. */
export function setType(
  fact: CallFact,
  which: 'request' | 'response',
  type: WrittenType | undefined,
): void {
  if (!type) return;
  if (which === 'request') {
    fact.requestType = type.expr;
    fact.requestTypeText = type.text;
  } else {
    fact.responseType = type.expr;
    fact.responseTypeText = type.text;
  }
}
