// Relationships and columns that SQLAlchemy mixins (and models) declare through `@declared_attr`:
// `@declared_attr def owner(cls) -> Mapped["User"]: return relationship("User", lazy="raise")`,
// `@declared_attr def properties(cls) -> Mapped[dict]: return mapped_column(JSONB)`. Every model
// built on the class maps the attribute under the method's name, with the options of the
// returned call, as if it were written `owner = relationship(...)`; a returned
// `column_property(select(...))` is an attribute loaded with the row, no column.
import type { Node } from 'web-tree-sitter';
import type { EntityKind, FieldFact } from '../facts';
import type { AttributeMember, MethodMember } from './class-body';
import { isDeclaredAttr } from './class-kinds';
import { fieldFromAttribute } from './fields';
import { COLUMN_CALLS, SQL_EXPRESSION_CALLS } from './orm';
import { RELATIONSHIP_CALLS } from './relationships';
import { baseName, parsePythonType } from './types';

/** The relationship or column a `@declared_attr` method returns, as a field; else undefined. */
export function fieldFromDeclaredAttr(
  member: MethodMember,
  entityKind: EntityKind,
): FieldFact | undefined {
  if (!member.decorators.some(isDeclaredAttr)) return undefined;
  const returned = returnedValue(member.body);
  const callee = returned?.value.childForFieldName('function')?.text;
  if (!returned || returned.value.type !== 'call' || !callee) return undefined;
  const name = baseName(callee);
  if (!RELATIONSHIP_CALLS.has(name) && !COLUMN_CALLS.has(name) && !SQL_EXPRESSION_CALLS.has(name))
    return undefined;

  const attribute: AttributeMember = {
    kind: 'attribute',
    name: member.name,
    nameNode: member.nameNode,
    value: returned.value,
    valueCallee: baseName(callee),
    statement: returned.statement,
  };
  if (member.returnType) {
    attribute.annotation = member.returnType;
    attribute.typeExpr = parsePythonType(member.returnType);
  }
  return fieldFromAttribute(attribute, entityKind);
}

/** The value of the body's one `return`; none when it returns in several places. */
function returnedValue(body: Node | undefined): { value: Node; statement: Node } | undefined {
  if (!body) return undefined;
  const returns = body.descendantsOfType('return_statement');
  const statement = returns.length === 1 ? returns[0] : null;
  const value = statement?.namedChildren[0];
  return statement && value ? { value, statement } : undefined;
}
