// sqlite-add-column: an ADD COLUMN that SQLite refuses. SQLite cannot add a PRIMARY KEY or UNIQUE
// column, a column whose default is not a constant (CURRENT_TIMESTAMP, an expression), or a NOT
// NULL column without a default. Alembic's batch mode rebuilds the table for the first two.
import type { Finding } from '../../findings/finding';
import type { ColumnSpec } from '../types';
import { columnName, finding, type MigrationRule } from './rule';
import { sqliteSteps } from './sqlite-operations';

export const sqliteAddColumn: MigrationRule = {
  id: 'sqlite-add-column',
  doc: 'ADD COLUMN with PRIMARY KEY or UNIQUE, a non-constant default, or NOT NULL and no default.',
  defaultSeverity: 'error',
  check(context) {
    const findings: Finding[] = [];
    for (const step of sqliteSteps(context)) {
      const operation = step.operation;
      if (operation.kind !== 'add_column' || operation.batch) continue;
      const problem = refusal(operation.column, operation.raw);
      if (!problem) continue;
      const name = columnName(operation.table, operation.column.name);
      findings.push(
        finding(
          this,
          operation.file,
          operation.range,
          `Adds ${name} ${problem.what}, which SQLite's ALTER TABLE ADD COLUMN refuses ` +
            `("${problem.error}"), so this migration fails on SQLite. ${problem.advice}`,
        ),
      );
    }
    return findings;
  },
};

interface Refusal {
  what: string;
  error: string;
  advice: string;
}

const REBUILD = 'Rebuild the table (Alembic: inside batch_alter_table with recreate="always").';

/** Why SQLite refuses this column; NOT NULL through Alembic is migration-not-null-no-default's. */
function refusal(column: ColumnSpec, raw: boolean): Refusal | undefined {
  if (column.primaryKey) {
    return { what: 'as a PRIMARY KEY', error: 'Cannot add a PRIMARY KEY column', advice: REBUILD };
  }
  if (raw && column.unique) {
    return {
      what: 'as UNIQUE',
      error: 'Cannot add a UNIQUE column',
      advice: `${REBUILD} Or add it, then CREATE UNIQUE INDEX.`,
    };
  }
  if (column.serverDefault?.constant === false) {
    return {
      what: `with the non-constant default \`${column.serverDefault.text}\``,
      error: 'Cannot add a column with non-constant default',
      advice: `Add it with a constant default (or none) and fill it with an UPDATE. ${REBUILD}`,
    };
  }
  if (raw && column.nullable === false && !column.serverDefault) {
    return {
      what: 'as NOT NULL without a default',
      error: 'Cannot add a NOT NULL column with default value NULL',
      advice: 'Give it a DEFAULT, or add it nullable and fill it.',
    };
  }
  return undefined;
}
