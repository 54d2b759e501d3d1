// Every rule Seam runs, by id. A rule's file is named after its id; a test holds them to it.
import { aliasMismatch } from './alias-mismatch';
import { enumValues } from './enum-values';
import { envelopeMismatch } from './envelope-mismatch';
import { fieldNullability } from './field-nullability';
import { fieldOptionality } from './field-optionality';
import { fieldTypeMismatch } from './field-type-mismatch';
import { foreignKeyIndex } from './foreign-key-index';
import { manyToManyFilter } from './many-to-many-filter';
import { nPlusOne } from './n-plus-one';
import { relationshipBackPopulates } from './relationship-back-populates';
import { requestFieldRequired } from './request-field-required';
import { requestFieldUnknown } from './request-field-unknown';
import { responseFieldMissing } from './response-field-missing';
import { responseFieldUnused } from './response-field-unused';
import type { Rule } from './rule';
import { schemaOrmField } from './schema-orm-field';
import { unindexedFilter } from './unindexed-filter';

export const RULES: readonly Rule[] = [
  responseFieldMissing,
  responseFieldUnused,
  requestFieldUnknown,
  requestFieldRequired,
  fieldTypeMismatch,
  fieldNullability,
  fieldOptionality,
  enumValues,
  aliasMismatch,
  schemaOrmField,
  relationshipBackPopulates,
  foreignKeyIndex,
  envelopeMismatch,
  nPlusOne,
  unindexedFilter,
  manyToManyFilter,
];

export function ruleById(id: string): Rule | undefined {
  return RULES.find((rule) => rule.id === id);
}
