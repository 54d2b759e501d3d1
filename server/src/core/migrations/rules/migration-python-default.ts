// migration-python-default: a column added to an existing table with `default=` but no
// `server_default=`. `default=` is applied by SQLAlchemy on INSERT and never reaches the database,
// so the existing rows get NULL (or, for NOT NULL, the ALTER fails).
import type { Finding } from '../../findings/finding';
import { columnAddedToExistingTable } from './existing-tables';
import { columnName, finding, reviewedSteps, type MigrationRule, type ReviewedStep } from './rule';

export const migrationPythonDefault: MigrationRule = {
  id: 'migration-python-default',
  doc: 'default= where server_default= is needed: a column added to an existing table.',
  defaultSeverity: 'warning',
  check(context) {
    const findings: Finding[] = [];
    for (const step of reviewedSteps(context)) {
      const column = columnAddedToExistingTable(step);
      const operation = step.operation;
      if (!column?.pythonDefault || column.serverDefault || operation.kind !== 'add_column')
        continue;
      const name = columnName(operation.table, column.name);
      const notNull = column.nullable === false && !column.primaryKey;
      // A nullable column filled by an UPDATE later in the same revision gets no NULLs.
      if (!notNull && filledLater(step, operation.table)) continue;
      const consequence = notNull
        ? 'Being NOT NULL, the change fails on a table with rows'
        : 'The rows already in the table get NULL, not the default';
      findings.push(
        finding(
          this,
          operation.file,
          operation.range,
          `Adds ${name} with \`default=${column.pythonDefault}\` and no server default. ` +
            `\`default=\` is applied by SQLAlchemy when it inserts a row and never reaches the ` +
            `database. ${consequence}. Use \`server_default=\` (a SQL literal) instead.`,
          [],
          notNull ? 'error' : 'warning',
        ),
      );
    }
    return findings;
  },
};

function filledLater(step: ReviewedStep, table: string): boolean {
  const index = step.replay.steps.indexOf(step.original);
  return step.replay.steps.slice(index + 1).some(({ operation }) => {
    if (operation.kind === 'opaque') return true;
    return operation.kind === 'data' && operation.table === table && !operation.source;
  });
}
