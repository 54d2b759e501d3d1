// The top-level statements of a class body, sorted into attributes, decorated methods and nested
// classes. Only the body's direct statements are read: an annotated local inside a method is not
// a field, and walking no deeper keeps the extractor fast.
import type { Node } from 'web-tree-sitter';
import type { TypeExpr } from '../facts';
import { cleanDocstring, stringValue } from './call-args';
import { isFunctionOrImport } from './statement-start';
import { baseName, parsePythonType } from './types';

/** `name: T = value`, `name: T` or `name = value`. */
export interface AttributeMember {
  kind: 'attribute';
  name: string;
  nameNode: Node;
  annotation?: Node;
  /** The annotation parsed once, since kinds and fields both ask about it. */
  typeExpr?: TypeExpr;
  value?: Node;
  /** The last dotted part of the called function when the value is a call (`Column`). */
  valueCallee?: string;
  statement: Node;
  /** A string statement right below the attribute. */
  docstring?: string;
}

/** A method with decorators (`@computed_field`, `@property`); plain methods are not kept. */
export interface MethodMember {
  kind: 'method';
  name: string;
  nameNode: Node;
  decorators: Node[];
  returnType?: Node;
  body?: Node;
}

export interface NestedClassMember {
  kind: 'class';
  name: string;
  node: Node;
}

export type ClassMember = AttributeMember | MethodMember | NestedClassMember;

export interface ClassBody {
  docstring?: string;
  members: ClassMember[];
}

export function scanClassBody(body: Node | null | undefined): ClassBody {
  const result: ClassBody = { members: [] };
  if (!body || body.type !== 'block') return result;
  let previous: ClassMember | undefined;
  let first = true;
  for (const statement of body.namedChildren) {
    if (statement && isFunctionOrImport(statement)) {
      // A plain method: neither a member kept nor a docstring.
      previous = undefined;
      first = false;
      continue;
    }
    const type = statement?.type;
    if (!statement || type === 'comment') continue;
    const expression = type === 'expression_statement' ? statement.firstNamedChild : null;
    const inner = expression?.type;
    const docstring = isStringType(inner) ? docstringOf(statement, expression!) : undefined;
    if (docstring !== undefined && first) result.docstring = docstring;
    if (docstring !== undefined && previous?.kind === 'attribute') previous.docstring ??= docstring;

    previous =
      inner === 'assignment' ? attributeOf(statement, expression!) : memberOf(statement, type);
    if (previous) result.members.push(previous);
    first = false;
  }
  return result;
}

function memberOf(statement: Node, type: string | undefined): ClassMember | undefined {
  if (type === 'decorated_definition') return decoratedMember(statement);
  if (type === 'class_definition') return nestedClass(statement);
  return undefined;
}

function isStringType(type: string | undefined): boolean {
  return type === 'string' || type === 'concatenated_string';
}

/** A string statement's cleaned text: the class docstring or an attribute docstring. */
function docstringOf(statement: Node, expression: Node): string | undefined {
  if (statement.namedChildCount !== 1) return undefined;
  const raw = stringValue(expression);
  return raw === undefined ? undefined : cleanDocstring(raw);
}

/** `name: T = value`; the assignment's named children are left, then type and/or right. */
function attributeOf(statement: Node, assignment: Node): AttributeMember | undefined {
  const [nameNode, second, third] = assignment.namedChildren;
  if (nameNode?.type !== 'identifier' || !second) return undefined;
  const secondIsType = second.type === 'type';
  const annotation = secondIsType ? second : undefined;
  const value = secondIsType ? (third ?? undefined) : second;
  const valueType = value?.type;
  // `a = b = Column()` chains carry nothing usable.
  if (valueType === 'assignment' || valueType === 'comment') return undefined;

  const member: AttributeMember = { kind: 'attribute', name: nameNode.text, nameNode, statement };
  if (annotation) member.annotation = annotation;
  if (annotation) member.typeExpr = parsePythonType(annotation);
  if (value) member.value = value;
  if (valueType === 'call') member.valueCallee = calleeName(value!);
  return member;
}

function calleeName(call: Node): string {
  return baseName(call.childForFieldName('function')?.text ?? '');
}

function decoratedMember(statement: Node): MethodMember | undefined {
  const definition = statement.childForFieldName('definition');
  if (definition?.type !== 'function_definition') return undefined;
  const nameNode = definition.childForFieldName('name');
  if (!nameNode) return undefined;
  const decorators: Node[] = [];
  for (const child of statement.namedChildren) {
    const expression = child?.type === 'decorator' ? child.firstNamedChild : null;
    if (expression) decorators.push(expression);
  }
  const returnType = definition.childForFieldName('return_type') ?? undefined;
  const body = definition.childForFieldName('body') ?? undefined;
  return { kind: 'method', name: nameNode.text, nameNode, decorators, returnType, body };
}

function nestedClass(statement: Node): NestedClassMember | undefined {
  const name = statement.childForFieldName('name')?.text;
  return name ? { kind: 'class', name, node: statement } : undefined;
}

/** The attribute with this name, when the body assigns it. */
export function attributeNamed(body: ClassBody, name: string): AttributeMember | undefined {
  return body.members.find(
    (member): member is AttributeMember => member.kind === 'attribute' && member.name === name,
  );
}
