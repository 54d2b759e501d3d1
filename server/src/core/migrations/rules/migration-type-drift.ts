// migration-type-drift: the replayed column and the model disagree on type (family or string
// length) or nullability, so the database accepts or returns values the model does not expect.
import type { Finding } from '../../findings/finding';
import type { ModelColumn } from '../model-tables';
import type { SchemaColumn } from '../schema';
import { familiesDisagree } from '../sql-types';
import { columnName, finding, type MigrationRule } from './rule';
import { UnreadableCode } from './unreadable';

export const migrationTypeDrift: MigrationRule = {
  id: 'migration-type-drift',
  doc: 'A column whose type or nullability differs between the migrations and the model.',
  defaultSeverity: 'warning',
  check(context) {
    if (context.baseline.kind === 'unknown') return [];
    const unreadable = new UnreadableCode(context.sources);
    const findings: Finding[] = [];
    for (const model of context.models.values()) {
      const table = context.replay.final.get(model.name);
      if (!table) continue;
      for (const column of model.columns.values()) {
        const migrated = table.columns.get(column.column);
        if (!migrated || unreadable.mentions(model.name, column.column)) continue;
        const message = typeDifference(column, migrated) ?? nullabilityDifference(column, migrated);
        if (message)
          findings.push(
            finding(this, column.file, column.field.range, message, [origin(migrated)]),
          );
      }
    }
    return findings;
  },
};

function origin(column: SchemaColumn) {
  return {
    file: column.origin.file,
    range: column.origin.range,
    message: 'where the migrations define it',
  };
}

function typeDifference(model: ModelColumn, migrated: SchemaColumn): string | undefined {
  const type = migrated.type;
  if (!type) return undefined;
  const name = columnName(model.table, model.column);
  if (familiesDisagree(model.family, type.family)) {
    return (
      `Model \`${model.label}\` is \`${model.field.type}\` (${model.family}), but the migrations ` +
      `make ${name} \`${type.text}\` (${type.family}). Values the model writes may be refused or ` +
      `read back as another type. Align the model, or migrate the column's type.`
    );
  }
  if (model.length === undefined || type.length === undefined || model.length === type.length) {
    return undefined;
  }
  return (
    `Model \`${model.label}\` allows ${model.length} characters, but the migrations make ${name} ` +
    `\`${type.text}\`. ${lengthConsequence(type.length, model.length)} ` +
    `Align max_length with the column, or migrate the column.`
  );
}

function lengthConsequence(column: number, model: number): string {
  return column < model
    ? 'Longer values pass validation and then fail (or are cut) in the database.'
    : 'The database allows values the model rejects.';
}

function nullabilityDifference(model: ModelColumn, migrated: SchemaColumn): string | undefined {
  if (migrated.primaryKey || model.field.primaryKey || migrated.nullable === model.nullable) {
    return undefined;
  }
  const name = columnName(model.table, model.column);
  if (migrated.nullable) {
    return (
      `Model \`${model.label}\` is NOT NULL, but the migrations leave ${name} nullable. Rows ` +
      `written outside the ORM may hold NULL, and reading one fails validation. Add ` +
      `\`alter_column(..., nullable=False)\` in a migration, or make the field Optional.`
    );
  }
  return (
    `Model \`${model.label}\` is Optional, but the migrations make ${name} NOT NULL. Saving the ` +
    `model with None fails with an IntegrityError. Make the column nullable in a migration, or ` +
    `the field required.`
  );
}
