// Half-typed declarations: while an interface or object type is being written, the parser leaves
// its keyword, name and finished members loose in an ERROR node. Reading them back keeps the
// entity (with the fields typed so far) alive between keystrokes.
import type { Node } from 'web-tree-sitter';
import type { EntityFact, FieldFact } from '../facts';
import { rangeOf } from '../syntax/nodes';
import { newEntity, type DeclarationContext } from './declaration-context';
import { fieldFromPropertySignature } from './types';

/** Tokens and nodes that may sit between a declaration's name and its members. */
const HEADER_TOKENS = new Set(['=', '{', 'type_parameters', 'comment']);

/** Tokens that may sit between members. */
const MEMBER_SEPARATORS = new Set([';', ',', 'comment']);

/** A broken declaration found among an ERROR node's children. */
interface BrokenDeclaration {
  kind: 'ts-interface' | 'ts-type';
  start: Node;
  /** The node whose preceding JSDoc documents the declaration. */
  documented: Node;
  nameNode: Node;
  members: Node[];
  end: Node;
}

/** Entities for the interfaces and object type aliases left unfinished at the top level. */
export function recoverBrokenDeclarations(
  errors: Node[],
  context: DeclarationContext,
): EntityFact[] {
  const entities: EntityFact[] = [];
  for (const error of errors) {
    for (const broken of brokenDeclarations(error)) {
      entities.push(brokenEntity(broken, context));
    }
  }
  return entities;
}

function brokenDeclarations(error: Node): BrokenDeclaration[] {
  const children = error.children.filter((child): child is Node => !!child);
  const found: BrokenDeclaration[] = [];
  for (let index = 0; index < children.length; index++) {
    const keyword = children[index].type;
    const broken =
      keyword === 'interface' || keyword === 'type' ? readBroken(children, index) : null;
    if (!broken) continue;
    const documented = broken.start === children[0] ? error : broken.start;
    found.push({ ...broken, documented });
  }
  return found;
}

/** `[export] interface Name [<T>] {` or `[export] type Name = {`, then finished members. */
function readBroken(children: Node[], index: number): Omit<BrokenDeclaration, 'documented'> | null {
  const keyword = children[index];
  const nameNode = children[index + 1];
  if (!nameNode || !['identifier', 'type_identifier'].includes(nameNode.type)) return null;
  const bodyStart = afterOpeningBrace(children, index + 2);
  if (bodyStart === undefined) return null;

  const { members, end } = readMembers(children, bodyStart, nameNode);
  const exported = children[index - 1]?.type === 'export';
  const start = exported ? children[index - 1] : keyword;
  const kind = keyword.type === 'interface' ? 'ts-interface' : 'ts-type';
  return { kind, start, nameNode, members, end };
}

/** The index after the header tokens, when they include the opening brace. */
function afterOpeningBrace(children: Node[], from: number): number | undefined {
  let opened = false;
  let next = from;
  for (; next < children.length && HEADER_TOKENS.has(children[next].type); next++) {
    opened ||= children[next].type === '{';
  }
  return opened ? next : undefined;
}

/** Property signatures up to the first node that cannot be part of the body. */
function readMembers(children: Node[], from: number, nameNode: Node) {
  const members: Node[] = [];
  let end = nameNode;
  for (let next = from; next < children.length; next++) {
    const child = children[next];
    const type = child.type;
    if (type === 'property_signature') members.push(child);
    else if (!MEMBER_SEPARATORS.has(type)) break;
    end = child;
  }
  return { members, end };
}

function brokenEntity(broken: BrokenDeclaration, context: DeclarationContext): EntityFact {
  const entity = newEntity(context, broken.kind, broken.nameNode, broken.documented);
  const fields: FieldFact[] = broken.members.map(fieldFromPropertySignature);
  entity.exported = broken.start.type === 'export' || entity.exported;
  entity.fullRange = { start: rangeOf(broken.start).start, end: rangeOf(broken.end).end };
  entity.fields = fields;
  entity.shape = { op: 'object', fields };
  return entity;
}
