// Assembles the EntityFact of one decided Python class: fields or enum values, configuration,
// table name and indexes.
import type { EntityFact, FieldFact } from '../facts';
import { rangeOf } from '../syntax/nodes';
import { identifierRange, stringValue } from './call-args';
import { attributeNamed, type ClassBody } from './class-body';
import type { ClassHeader } from './class-header';
import type { KindDecision } from './class-kinds';
import { fieldFromMethod } from './computed-fields';
import { fieldFromDeclaredAttr } from './declared-attributes';
import { enumValues } from './enums';
import { fieldFromAttribute, isReservedAttribute } from './fields';
import { readModelConfig } from './model-config';
import { tableIndexesOfArgs } from './table-indexes';

export function buildClassEntity(
  header: ClassHeader,
  body: ClassBody,
  decision: KindDecision,
  file: string,
): EntityFact {
  const entity: EntityFact = {
    id: `${file}#${header.name}`,
    language: 'python',
    kind: decision.kind,
    name: header.name,
    file,
    range: identifierRange(header.nameNode, header.name),
    fullRange: rangeOf(header.outerNode),
    bases: header.bases,
    typeParams: header.typeParams,
    generated: false,
    fields: [],
  };
  applyHeaderDetails(entity, header, body, decision);
  if (decision.kind === 'enum') {
    entity.values = enumValues(body, header.bases, !!decision.provisional);
  } else {
    applyModelDetails(entity, header, body);
  }
  return entity;
}

function applyHeaderDetails(
  entity: EntityFact,
  header: ClassHeader,
  body: ClassBody,
  decision: KindDecision,
): void {
  if (body.docstring !== undefined) entity.docstring = body.docstring;
  if (decision.provisional) entity.provisional = true;
  if (decision.fieldMixin) entity.fieldMixin = true;
  if (decision.abstract) entity.abstract = true;
  if (Object.keys(header.keywords).length) entity.classKeywords = header.keywords;
}

function applyModelDetails(entity: EntityFact, header: ClassHeader, body: ClassBody): void {
  entity.fields = classFields(entity, body);
  const config = readModelConfig(header, body);
  if (config) entity.config = config;

  const tableName = stringValue(attributeNamed(body, '__tablename__')?.value);
  if (tableName !== undefined) entity.tableName = tableName;
  else if (entity.kind === 'sqlmodel-table') entity.tableName = header.name.toLowerCase();
  const tableArgs = attributeNamed(body, '__table_args__')?.value;
  const indexes = tableArgs ? tableIndexesOfArgs(tableArgs, columnNames(entity.fields)) : [];
  if (indexes.length) entity.tableIndexes = indexes;
}

/** Own fields in body order; a name declared twice keeps its first declaration. */
function classFields(entity: EntityFact, body: ClassBody): FieldFact[] {
  const fields: FieldFact[] = [];
  for (const member of body.members) {
    let field: FieldFact | undefined;
    if (member.kind === 'attribute' && !isReservedAttribute(member.name)) {
      field = fieldFromAttribute(member, entity.kind);
    } else if (member.kind === 'method') {
      field = fieldFromMethod(member) ?? fieldFromDeclaredAttr(member, entity.kind);
    }
    if (field && !fields.some((other) => other.name === field.name)) fields.push(field);
  }
  return fields;
}

function columnNames(fields: FieldFact[]): Map<string, string> {
  return new Map(fields.map((field) => [field.name, field.column ?? field.name]));
}
