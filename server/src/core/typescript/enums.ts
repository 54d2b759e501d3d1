// Enums as entities with their members' values: string initialisers, numbers that count on from
// the previous member, and null for computed members.
import type { Node } from 'web-tree-sitter';
import type { EntityFact, EnumValueFact } from '../facts';
import { namedChildren, rangeOf } from '../syntax/nodes';
import { newEntity, type DeclarationContext } from './declaration-context';
import { literalValue, type LiteralValue } from './literals';
import { propertyName } from './types';

/** `enum Status { Draft = 'draft' }`, `const enum`, `declare enum`. */
export function enumEntity(
  nameNode: Node,
  body: Node,
  statement: Node,
  context: DeclarationContext,
): EntityFact {
  const entity = newEntity(context, 'ts-enum', nameNode, statement);
  entity.values = enumValues(body);
  return entity;
}

export function enumValues(body: Node): EnumValueFact[] {
  const values: EnumValueFact[] = [];
  let next: number | null = 0;
  for (const member of namedChildren(body)) {
    const assigned = member.type === 'enum_assignment';
    const nameNode = assigned ? member.childForFieldName('name') : member;
    if (!nameNode) continue;

    const written: LiteralValue | undefined = assigned
      ? literalValue(member.childForFieldName('value'))
      : next;
    const value: LiteralValue = written === undefined ? null : written;
    values.push({ name: propertyName(nameNode), value, range: rangeOf(nameNode) });
    next = typeof value === 'number' ? value + 1 : null;
  }
  return values;
}
