// The ORM side of a field: which attributes of SQLModel tables and SQLAlchemy models are columns,
// their settings and nullability, and relationships.
import type { EntityKind, FieldFact, TypeExpr } from '../facts';
import { readCall, type CallArgs } from './call-args';
import type { AttributeMember } from './class-body';
import { isMappedType } from './class-kinds';
import {
  FIELD_CALLS,
  mergeColumnInfo,
  readColumnCall,
  readColumnKeywords,
  type ColumnInfo,
} from './orm';
import { readRelationshipCall } from './relationships';
import { baseName } from './types';

/** What one class-body attribute is made of, read once for every part of the field. */
export interface FieldSource {
  member: AttributeMember;
  entityKind: EntityKind;
  valueCall?: CallArgs;
  /** Settings of a `Column(...)` or `mapped_column(...)` value. */
  column?: ColumnInfo;
  /** The value is `relationship(...)` or SQLModel's `Relationship(...)`. */
  isRelationship: boolean;
}

/** Columns and relationships of SQLModel tables and SQLAlchemy models. */
export function applyOrmDetails(field: FieldFact, source: FieldSource): void {
  if (source.isRelationship && source.valueCall) {
    field.relationship = readRelationshipCall(source.valueCall, field.typeExpr);
    return;
  }
  const column = columnSettings(source);
  if (!column) return;
  applyColumnSettings(field, column);
  if (isColumnDeclaration(source)) {
    field.column = column.columnName ?? field.name;
    field.nullable = columnNullable(field, column, source);
  }
}

/** Column settings from `Column`/`mapped_column`, or from a SQLModel `Field` and its sa_column. */
function columnSettings(source: FieldSource): ColumnInfo | undefined {
  const { member, valueCall } = source;
  if (source.column) return source.column;
  if (valueCall && FIELD_CALLS.has(valueCall.calleeName)) {
    const fromField = readColumnKeywords(valueCall);
    const saColumn = readCall(valueCall.keywords.get('sa_column'));
    return saColumn ? mergeColumnInfo(fromField, readColumnCall(saColumn)) : fromField;
  }
  // `name: Mapped[str]` alone, or any annotated field of a SQLModel table, is a column too.
  if (isMappedType(member.typeExpr) || source.entityKind === 'sqlmodel-table') return {};
  return undefined;
}

/** Which attributes of an ORM class are mapped to columns of its table. */
function isColumnDeclaration(source: FieldSource): boolean {
  const { member, valueCall, entityKind } = source;
  if (entityKind !== 'sqlmodel-table' && entityKind !== 'sqlalchemy-model') return false;
  if (source.column) return true;
  if (entityKind === 'sqlmodel-table') return !isClassVar(member.typeExpr);
  const isFieldCall = !!valueCall && FIELD_CALLS.has(valueCall.calleeName);
  return isMappedType(member.typeExpr) && (!valueCall || isFieldCall);
}

function applyColumnSettings(field: FieldFact, column: ColumnInfo): void {
  if (column.primaryKey !== undefined) field.primaryKey = column.primaryKey;
  if (column.foreignKey !== undefined) field.foreignKey = column.foreignKey;
  if (column.index !== undefined) field.index = column.index;
  if (column.unique !== undefined) field.unique = column.unique;
  if (column.doc !== undefined) field.docstring ??= column.doc;
  if (column.defaultArgument && !field.hasDefault) {
    field.hasDefault = true;
    field.defaultText = (column.defaultValue ?? column.defaultArgument).text;
  }
  if (column.serverDefault !== undefined) {
    field.serverDefault = column.serverDefault;
    field.hasDefault = true;
  }
}

/**
 * An explicit `nullable=` wins and primary keys are never null. Otherwise an annotated column
 * follows its `Optional`, and an unannotated `Column`/`mapped_column` is nullable.
 */
function columnNullable(field: FieldFact, column: ColumnInfo, source: FieldSource): boolean {
  if (column.nullable !== undefined) return column.nullable;
  if (column.primaryKey) return false;
  if (!source.member.annotation) return !!source.column;
  return field.nullable;
}

export function isClassVar(typeExpr: TypeExpr | undefined): boolean {
  return typeExpr?.kind === 'name' && baseName(typeExpr.name) === 'ClassVar';
}
