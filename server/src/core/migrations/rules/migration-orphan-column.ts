// migration-orphan-column: a migration creates a column that no model declares any more. The ORM
// never reads or writes it; when it is NOT NULL without a server default, every INSERT through
// the ORM fails.
import type { Finding } from '../../findings/finding';
import type { SchemaColumn } from '../schema';
import { columnName, finding, type MigrationRule } from './rule';

export const migrationOrphanColumn: MigrationRule = {
  id: 'migration-orphan-column',
  doc: 'A column the migrations create that no model declares any more.',
  defaultSeverity: 'warning',
  check(context) {
    const findings: Finding[] = [];
    for (const [name, table] of context.replay.final) {
      const model = context.models.get(name);
      if (!model || !model.allColumnsKnown) continue;
      for (const column of table.columns.values()) {
        const origin = column.origin.sourceFile;
        if (model.columns.has(column.name) || model.declaredColumns.has(column.name)) continue;
        if (!origin || !context.reviewed(origin)) continue;
        findings.push(orphanFinding(this, name, column, model.entities[0].name));
      }
    }
    return findings;
  },
};

function orphanFinding(rule: MigrationRule, table: string, column: SchemaColumn, model: string) {
  const blocksInserts = !column.nullable && !column.serverDefault && !column.primaryKey;
  const consequence = blocksInserts
    ? 'It is NOT NULL without a server default, so every INSERT through the ORM fails.'
    : 'The ORM never reads or writes it, so its data is dead weight.';
  return finding(
    rule,
    column.origin.file,
    column.origin.range,
    `${columnName(table, column.name)} is created by the migrations, but no model declares it ` +
      `(\`${model}\` maps \`${table}\`). ${consequence} Drop it in a new migration, or declare ` +
      `it on \`${model}\` again.`,
  );
}
