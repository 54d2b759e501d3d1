// migration-fk-index: a foreign key added to an existing table with no index that starts with its
// column. Neither SQLite nor PostgreSQL indexes foreign keys themselves, so joins on it and every
// delete of a referenced row scan the table. Foreign keys in new tables are left to the models'
// foreign-key-index check.
import type { Finding } from '../../findings/finding';
import { hasIndexLeadingWith } from '../schema';
import { onExistingTable } from './existing-tables';
import { columnName, finding, reviewedSteps, type MigrationRule, type ReviewedStep } from './rule';

export const migrationFkIndex: MigrationRule = {
  id: 'migration-fk-index',
  doc: 'A foreign key added to an existing table without an index on its column.',
  defaultSeverity: 'information',
  check(context) {
    const findings: Finding[] = [];
    for (const step of reviewedSteps(context)) {
      const key = foreignKeyOf(step);
      if (!key || !onExistingTable(step, key.table) || hadForeignKey(step, key)) continue;
      const after = step.replay.after.get(key.table);
      // A table Seam never saw created may well have indexes it does not know about.
      if (!after || after.incomplete || hasIndexLeadingWith(after, key.column)) continue;
      const operation = step.operation;
      findings.push(
        finding(
          this,
          operation.file,
          operation.range,
          `Adds a foreign key on ${columnName(key.table, key.column)} but no index on it. The ` +
            `database does not index foreign keys itself, so joins on it and every delete of a ` +
            `referenced row scan \`${key.table}\`. Create an index on the column in this revision.`,
        ),
      );
    }
    return findings;
  },
};

function foreignKeyOf(step: ReviewedStep): { table: string; column: string } | undefined {
  const operation = step.operation;
  if (operation.kind === 'add_column' && operation.column.foreignKey) {
    return { table: operation.table, column: operation.column.name };
  }
  if (operation.kind === 'add_constraint' && operation.constraint.kind === 'foreignkey') {
    const column = operation.constraint.columns[0];
    return column ? { table: operation.table, column } : undefined;
  }
  return undefined;
}

/** A foreign key dropped and created again (to add ON DELETE, say) is no new lookup path. */
function hadForeignKey(step: ReviewedStep, key: { table: string; column: string }): boolean {
  const before = step.replay.before.get(key.table);
  return !!before?.foreignKeys.some((foreignKey) => foreignKey.columns[0] === key.column);
}
