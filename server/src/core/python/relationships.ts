// SQLAlchemy `relationship(...)` and SQLModel `Relationship(...)`: the related class, and the
// back_populates / backref names with their ranges for diagnostics.
import type { Node } from 'web-tree-sitter';
import type { RelationshipFact, TypeExpr } from '../facts';
import { namedChildren, rangeOf } from '../syntax/nodes';
import { readCall, stringOrText, stringValue, type CallArgs } from './call-args';
import { baseName } from './types';

export const RELATIONSHIP_CALLS = new Set(['relationship', 'Relationship']);

export function readRelationshipCall(call: CallArgs, annotation?: TypeExpr): RelationshipFact {
  const relationship: RelationshipFact = {};
  const first = call.positional[0];
  const explicitTarget = first ? (stringValue(first) ?? identifierText(first)) : undefined;
  const target = explicitTarget ?? (annotation ? relationshipTarget(annotation) : undefined);
  if (target) relationship.target = target;

  const backPopulates = call.keywords.get('back_populates');
  if (backPopulates) readBackPopulates(backPopulates, relationship);
  const backref = call.keywords.get('backref');
  if (backref) readBackref(backref, relationship);
  const lazy = call.keywords.get('lazy') ?? dictionaryEntry(call, 'sa_relationship_kwargs', 'lazy');
  const lazyText = lazy ? stringValue(lazy) : undefined;
  if (lazyText !== undefined) relationship.lazy = lazyText;
  const secondary = call.keywords.get('secondary');
  if (secondary) readSecondary(secondary, relationship);
  return relationship;
}

/** `secondary=part_tags`, `secondary="part_tags"` or `secondary=lambda: part_tags`. */
function readSecondary(value: Node, relationship: RelationshipFact): void {
  const body = value.type === 'lambda' ? value.childForFieldName('body') : value;
  const quoted = body ? stringValue(body) : undefined;
  if (quoted !== undefined) relationship.secondary = { name: quoted, quoted: true };
  else if (body?.type === 'identifier') relationship.secondary = { name: body.text, quoted: false };
}

function identifierText(node: Node): string | undefined {
  return node.type === 'identifier' || node.type === 'attribute' ? node.text : undefined;
}

function readBackPopulates(value: Node, relationship: RelationshipFact): void {
  relationship.backPopulates = stringOrText(value);
  relationship.backPopulatesRange = rangeOf(value);
}

/** `backref="parts"` or `backref=backref("parts", lazy="dynamic")`. */
function readBackref(value: Node, relationship: RelationshipFact): void {
  const call = readCall(value);
  const nameNode = call?.positional[0] ?? value;
  relationship.backref = stringOrText(nameNode);
  relationship.backPopulatesRange ??= rangeOf(nameNode);
  const lazy = call?.keywords.get('lazy');
  const lazyText = lazy ? stringValue(lazy) : undefined;
  if (lazyText !== undefined) relationship.backrefLazy = lazyText;
}

/** `sa_relationship_kwargs={"lazy": "selectin"}` → the `"selectin"` node. */
function dictionaryEntry(call: CallArgs, keyword: string, key: string): Node | undefined {
  const dictionary = call.keywords.get(keyword);
  if (dictionary?.type !== 'dictionary') return undefined;
  for (const pair of namedChildren(dictionary)) {
    if (pair.type !== 'pair') continue;
    if (stringValue(pair.childForFieldName('key')) === key) {
      return pair.childForFieldName('value') ?? undefined;
    }
  }
  return undefined;
}

/** Containers around a relationship's target: `Mapped[list["Part"]]` → Part. */
const RELATIONSHIP_WRAPPERS = new Set([
  ...['Mapped', 'WriteOnlyMapped', 'DynamicMapped', 'Optional', 'Union', 'Annotated'],
  ...['List', 'list', 'Set', 'set', 'Sequence', 'Iterable', 'Collection'],
]);

function relationshipTarget(expr: TypeExpr): string | undefined {
  if (expr.kind === 'union') {
    for (const member of expr.members) {
      const target = relationshipTarget(member);
      if (target) return target;
    }
    return undefined;
  }
  if (expr.kind !== 'name') return undefined;
  if (!RELATIONSHIP_WRAPPERS.has(baseName(expr.name))) return expr.name;
  const inner = expr.args.find((arg) => !(arg.kind === 'literal' && arg.value === null));
  return inner ? relationshipTarget(inner) : undefined;
}
