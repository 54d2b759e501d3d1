// migration-not-null-no-default: a NOT NULL column added to a table that may hold rows, with no
// server default. The existing rows have no value for it, so the database refuses the ALTER
// (SQLite always, PostgreSQL once the table has rows).
import type { Finding } from '../../findings/finding';
import { columnAddedToExistingTable } from './existing-tables';
import { columnName, finding, reviewedSteps, type MigrationRule } from './rule';

export const migrationNotNullNoDefault: MigrationRule = {
  id: 'migration-not-null-no-default',
  doc: 'A NOT NULL column added to an existing table without a server default.',
  defaultSeverity: 'error',
  check(context) {
    const findings: Finding[] = [];
    for (const step of reviewedSteps(context)) {
      const column = columnAddedToExistingTable(step);
      const operation = step.operation;
      if (!column || operation.kind !== 'add_column') continue;
      if (column.nullable !== false || column.primaryKey || column.serverDefault) continue;
      // migration-python-default speaks for `default=`; sqlite-add-column for raw SQLite SQL.
      if (column.pythonDefault || (operation.raw && context.sqlite(step.source))) continue;
      const name = columnName(operation.table, column.name);
      findings.push(
        finding(
          this,
          operation.file,
          operation.range,
          `Adds ${name} as NOT NULL without a server default to a table that already exists, so ` +
            `the rows it holds have no value for it: the database refuses the change (SQLite: ` +
            `"Cannot add a NOT NULL column with default value NULL"). Add ` +
            `\`server_default=...\`, or add it nullable, fill it, then make it NOT NULL.`,
        ),
      );
    }
    return findings;
  },
};
