// sqlite-batch-required: an ALTER that SQLite cannot run in place (change a column's type,
// nullability or default, add or drop a constraint) outside `batch_alter_table`. SQLite has no
// ALTER COLUMN and no ADD/DROP CONSTRAINT; batch mode rebuilds the table instead.
import type { Finding } from '../../findings/finding';
import type { Operation } from '../types';
import { finding, type MigrationRule } from './rule';
import { sqliteOperations } from './sqlite-operations';

export const sqliteBatchRequired: MigrationRule = {
  id: 'sqlite-batch-required',
  doc: 'An ALTER that SQLite cannot run outside batch_alter_table (column changes, constraints).',
  defaultSeverity: 'error',
  check(context) {
    const findings: Finding[] = [];
    for (const [, operation] of sqliteOperations(context)) {
      const what = unsupportedAlter(operation);
      if (!what || operation.batch) continue;
      const advice = operation.raw
        ? 'Rebuild the table instead (create, copy the rows, drop, rename), or use batch mode.'
        : `Move it into \`with op.batch_alter_table("${tableOf(operation)}") as batch_op:\`, ` +
          `which rebuilds the table.`;
      findings.push(
        finding(
          this,
          operation.file,
          operation.range,
          `${what} outside batch_alter_table: SQLite has no ALTER COLUMN and no ADD/DROP ` +
            `CONSTRAINT, so ${phaseName(operation)} fails on the project's SQLite database. ` +
            advice,
        ),
      );
    }
    return findings;
  },
};

function unsupportedAlter(operation: Operation): string | undefined {
  switch (operation.kind) {
    case 'alter_column': {
      const changes = [
        operation.type ? 'type' : '',
        operation.nullable !== undefined ? 'nullability' : '',
        operation.serverDefault !== undefined ? 'server default' : '',
      ].filter(Boolean);
      return changes.length
        ? `Changes the ${changes.join(' and ')} of \`${operation.table}.${operation.column}\``
        : undefined;
    }
    case 'add_constraint':
      return `Adds a ${operation.constraint.kind} constraint to \`${operation.table}\``;
    case 'drop_constraint':
      return operation.name === null
        ? undefined
        : `Drops constraint "${operation.name}" of \`${operation.table}\``;
  }
  return undefined;
}

function tableOf(operation: Operation): string {
  return 'table' in operation && typeof operation.table === 'string' ? operation.table : '...';
}

/** "this upgrade", "this downgrade" or "this script": where the failure shows. */
export function phaseName(operation: Operation): string {
  if (operation.phase === 'script') return 'this script';
  return operation.phase === 'downgrade' ? 'downgrade()' : 'this upgrade';
}
