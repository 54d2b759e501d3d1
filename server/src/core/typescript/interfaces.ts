// Interfaces as entities: own property signatures as fields, `extends` clauses as bases.
import type { Node } from 'web-tree-sitter';
import type { EntityFact, ShapeExpr } from '../facts';
import { childOfType, namedChildren } from '../syntax/nodes';
import { newEntity, typeParamsOf, type DeclarationContext } from './declaration-context';
import { shapeOfType } from './type-shapes';
import { objectFields } from './types';

/** `interface Part extends Base<T> { id: number }`; methods are not data and are left out. */
export function interfaceEntity(
  declaration: Node,
  nameNode: Node,
  body: Node,
  statement: Node,
  context: DeclarationContext,
): EntityFact {
  const entity = newEntity(context, 'ts-interface', nameNode, statement);
  entity.typeParams = typeParamsOf(declaration);
  entity.fields = objectFields(body);

  const bases = baseTypes(declaration);
  entity.bases = bases.map((base) => base.text);
  entity.shape = interfaceShape(bases, entity, context);
  return entity;
}

/** The type nodes of the `extends` clause. */
function baseTypes(declaration: Node): Node[] {
  const clause = childOfType(declaration, 'extends_type_clause');
  return clause ? namedChildren(clause) : [];
}

function interfaceShape(bases: Node[], entity: EntityFact, context: DeclarationContext): ShapeExpr {
  const own: ShapeExpr = { op: 'object', fields: entity.fields };
  if (bases.length === 0) return own;
  const parts = bases.map((base) => shapeOfType(base, context.zodNames));
  return { op: 'intersect', parts: [...parts, own] };
}
