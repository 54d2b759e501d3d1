// Fields of Pydantic, SQLModel and SQLAlchemy classes from the class body's attributes:
// `name: T = Field(...)`, `Annotated[T, Field(...)]`, `Mapped[T] = mapped_column(...)`,
// classic `name = Column(...)`, and relationships.
import type { Node } from 'web-tree-sitter';
import type { EntityKind, FieldFact, TypeExpr } from '../facts';
import {
  identifierRange,
  isEllipsis,
  readCall,
  stringOrText,
  stringValue,
  type CallArgs,
} from './call-args';
import type { AttributeMember } from './class-body';
import { applyOrmDetails, isClassVar, type FieldSource } from './field-columns';
import {
  COLUMN_CALLS,
  FIELD_CALLS,
  readColumnCall,
  SQL_EXPRESSION_CALLS,
  sqlTypeExpr,
} from './orm';
import { RELATIONSHIP_CALLS } from './relationships';
import { annotatedMetadata, isNullableType, unwrapTypeWrappers } from './type-shapes';
import { baseName } from './types';

const CONSTRAINED_TYPE_CALLS = new Set(['constr', 'conint', 'confloat', 'condecimal', 'conlist']);
const METADATA_CALLS = new Set(['Field', 'StringConstraints']);

/** Field keywords that have their own FieldFact property instead of being constraints. */
const NON_CONSTRAINT_KEYWORDS = new Set([
  ...['default', 'default_factory', 'alias', 'serialization_alias', 'validation_alias', 'exclude'],
  ...['primary_key', 'foreign_key', 'ondelete', 'index', 'unique', 'nullable'],
  ...['sa_column', 'sa_type', 'sa_column_args', 'sa_column_kwargs'],
]);

/** Names in a class body that configure the class rather than declare fields. */
export function isReservedAttribute(name: string): boolean {
  return name === 'model_config' || (name.startsWith('__') && name.endsWith('__'));
}

/** The field an attribute declares, or undefined for plain class attributes (`x = 5`). */
export function fieldFromAttribute(
  member: AttributeMember,
  entityKind: EntityKind,
): FieldFact | undefined {
  const source = fieldSource(member, entityKind);
  const expression = SQL_EXPRESSION_CALLS.has(source.valueCall?.calleeName ?? '');
  if (!member.annotation && !source.column && !source.isRelationship && !expression)
    return undefined;

  const field = baseField(source);
  const fieldCalls = pydanticFieldCalls(source);
  for (const call of fieldCalls) applyPydanticOptions(field, call);
  applyDefault(field, source, fieldCalls);
  applyOrmDetails(field, source);
  if (isClassVar(member.typeExpr) || member.name.startsWith('_')) field.excluded = true;
  if (source.valueCall?.calleeName === 'PrivateAttr') field.excluded = true;

  field.optional = field.hasDefault;
  field.wireName = field.serializationAlias ?? field.alias ?? field.name;
  field.docstring = member.docstring ?? field.docstring;
  return withoutUndefined(field);
}

function fieldSource(member: AttributeMember, entityKind: EntityKind): FieldSource {
  const callName = member.valueCallee ?? '';
  const valueCall = callName ? readCall(member.value) : undefined;
  const source: FieldSource = { member, entityKind, isRelationship: false };
  if (!valueCall) return source;
  source.valueCall = valueCall;
  source.isRelationship = RELATIONSHIP_CALLS.has(callName);
  if (COLUMN_CALLS.has(callName)) source.column = readColumnCall(valueCall);
  return source;
}

function baseField(source: FieldSource): FieldFact {
  const { member } = source;
  const typed =
    member.annotation && member.typeExpr
      ? { type: member.annotation.text, typeExpr: member.typeExpr }
      : unannotatedType(source);
  return {
    name: member.name,
    wireName: member.name,
    ...typed,
    optional: false,
    nullable: isNullableType(unwrapTypeWrappers(typed.typeExpr)),
    hasDefault: false,
    range: identifierRange(member.nameNode, member.name),
  };
}

/** Classic `Column(String(50))` has no annotation: its type is the SQLAlchemy type argument. */
function unannotatedType(source: FieldSource): { type: string; typeExpr: TypeExpr } {
  const typeNode = source.column?.typeNode;
  if (typeNode) return { type: typeNode.text, typeExpr: sqlTypeExpr(typeNode) };
  return { type: '', typeExpr: { kind: 'unknown', text: source.valueCall?.node.text ?? '' } };
}

/** `Field(...)` as the value, inside `Annotated[...]`, and `constr(...)`-style annotations. */
function pydanticFieldCalls({ member, valueCall }: FieldSource): CallArgs[] {
  const calls: CallArgs[] = [];
  if (valueCall && FIELD_CALLS.has(valueCall.calleeName)) calls.push(valueCall);
  const typeExpr = member.typeExpr;
  if (typeExpr?.kind === 'name' && baseName(typeExpr.name) === 'Annotated') {
    for (const node of annotatedMetadata(member.annotation)) {
      const call = readCall(node);
      if (call && METADATA_CALLS.has(call.calleeName)) calls.push(call);
    }
  }
  // `constr(max_length=5)` used as an annotation parses as an unknown type.
  if (typeExpr?.kind === 'unknown' && /^[\w.]*con\w+\(/.test(typeExpr.text)) {
    const constrained = readCall(member.annotation?.firstNamedChild);
    if (constrained && CONSTRAINED_TYPE_CALLS.has(constrained.calleeName)) calls.push(constrained);
  }
  return calls;
}

function applyPydanticOptions(field: FieldFact, call: CallArgs): void {
  const alias = call.keywords.get('alias');
  if (alias) field.alias ??= stringOrText(alias);
  const serializationAlias = call.keywords.get('serialization_alias');
  if (serializationAlias) field.serializationAlias ??= stringOrText(serializationAlias);
  const validationAlias = call.keywords.get('validation_alias');
  if (validationAlias && field.validationAlias === undefined) {
    const keys = validationKeys(validationAlias);
    if (keys.length) field.validationAlias = keys[0];
    if (keys.length > 1) field.validationAliasChoices = keys;
  }

  const description = call.keywords.get('description');
  if (description) field.docstring ??= stringValue(description);
  if (call.keywords.get('exclude')?.type === 'true') field.excluded = true;
  applyConstraints(field, call);
}

/**
 * The top-level keys a validation alias reads: `"a"`; `AliasChoices("a", "b")` → a, b;
 * `AliasPath("products", 0, "id")` → products (the value is taken inside it); choices may be
 * paths.
 */
function validationKeys(node: Node): string[] {
  const call = readCall(node);
  if (call?.calleeName === 'AliasChoices') {
    const keys = call.positional.flatMap((choice) => validationKeys(choice));
    return [...new Set(keys)];
  }
  if (call?.calleeName === 'AliasPath') {
    const head = call.positional[0];
    const key = head ? stringValue(head) : undefined;
    return key === undefined ? [] : [key];
  }
  const key = stringValue(node);
  return key === undefined ? [] : [key];
}

function applyConstraints(field: FieldFact, call: CallArgs): void {
  for (const [name, value] of call.keywords) {
    if (NON_CONSTRAINT_KEYWORDS.has(name)) continue;
    field.constraints ??= {};
    field.constraints[name] ??= value.text;
  }
}

/**
 * A default other than `...` makes a field optional. `Field(...)` and `Field()` are required;
 * `Field(None)`, `Field(default=x)` and `default_factory=` give a default. Column defaults are
 * read with the other column settings.
 */
function applyDefault(field: FieldFact, source: FieldSource, fieldCalls: CallArgs[]): void {
  const { member, valueCall } = source;
  const isPlainValue = !valueCall || !isSpecialValueCall(valueCall.calleeName);
  if (member.value && isPlainValue && !isEllipsis(member.value)) {
    field.hasDefault = true;
    field.defaultText = member.value.text;
  }
  for (const call of fieldCalls) applyFieldCallDefault(field, call);
}

/** Calls whose presence alone does not give the field a default. */
function isSpecialValueCall(name: string): boolean {
  if (FIELD_CALLS.has(name) || COLUMN_CALLS.has(name)) return true;
  return RELATIONSHIP_CALLS.has(name) || name === 'PrivateAttr';
}

function applyFieldCallDefault(field: FieldFact, call: CallArgs): void {
  if (!FIELD_CALLS.has(call.calleeName) || field.hasDefault) return;
  const value = call.keywords.get('default') ?? call.positional[0];
  if (value && !isEllipsis(value)) {
    field.hasDefault = true;
    field.defaultText = value.text;
    return;
  }
  const factory = call.keywordNodes.get('default_factory');
  if (factory) {
    field.hasDefault = true;
    field.defaultText = factory.text;
  }
}

/** Optional properties left undefined are dropped, so facts compare and serialise cleanly. */
function withoutUndefined(field: FieldFact): FieldFact {
  for (const key of Object.keys(field) as (keyof FieldFact)[]) {
    if (field[key] === undefined) delete field[key];
  }
  return field;
}
