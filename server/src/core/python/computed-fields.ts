// Fields declared by methods: `@computed_field` (serialised by Pydantic) and plain `@property`
// (not serialised, but an ORM property a `from_attributes` schema may read).
import type { Node } from 'web-tree-sitter';
import type { FieldFact } from '../facts';
import { identifierRange, readCall, stringOrText } from './call-args';
import type { MethodMember } from './class-body';
import { isNullableType, unwrapTypeWrappers } from './type-shapes';
import { baseName, parsePythonType } from './types';

const PROPERTY_DECORATORS = new Set(['property', 'cached_property', 'hybrid_property']);

export function fieldFromMethod(member: MethodMember): FieldFact | undefined {
  const computedField = member.decorators.find((node) => decoratorName(node) === 'computed_field');
  const isProperty = member.decorators.some((node) => PROPERTY_DECORATORS.has(decoratorName(node)));
  if (!computedField && !isProperty) return undefined;

  const typeExpr = parsePythonType(member.returnType);
  const field: FieldFact = {
    name: member.name,
    wireName: member.name,
    type: member.returnType?.text ?? '',
    typeExpr,
    optional: false,
    nullable: isNullableType(unwrapTypeWrappers(typeExpr)),
    hasDefault: false,
    range: identifierRange(member.nameNode, member.name),
    computed: true,
  };
  if (computedField) applyComputedFieldOptions(field, computedField);
  else field.excluded = true;
  return field;
}

/** `@computed_field(alias="x", return_type=int)` options. */
function applyComputedFieldOptions(field: FieldFact, decorator: Node): void {
  const call = readCall(decorator);
  if (!call) return;
  const alias = call.keywords.get('alias');
  if (alias) field.alias = stringOrText(alias);
  const returnType = call.keywords.get('return_type');
  if (returnType && !field.type) {
    field.type = returnType.text;
    field.typeExpr = parsePythonType(returnType);
    field.nullable = isNullableType(field.typeExpr);
  }
  field.wireName = field.alias ?? field.name;
}

/** A `@computed_field` method: Pydantic serialises its value. */
export function isComputedFieldMethod(member: MethodMember): boolean {
  return member.decorators.some((node) => decoratorName(node) === 'computed_field');
}

/** `computed_field`, `pydantic.computed_field` and `computed_field(...)` → computed_field. */
function decoratorName(node: Node): string {
  const callee = node.type === 'call' ? node.childForFieldName('function') : node;
  return baseName(callee?.text ?? '');
}
