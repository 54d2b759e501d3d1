// migration-drop-constraint-none: `drop_constraint(None, ...)`, as autogenerate writes for an
// unnamed constraint. Alembic cannot drop a constraint without its name and stops with an error.
import type { Finding } from '../../findings/finding';
import type { MigrationSource } from '../types';
import { finding, reviewedOperations, type MigrationRule } from './rule';

export const migrationDropConstraintNone: MigrationRule = {
  id: 'migration-drop-constraint-none',
  doc: 'drop_constraint(None, ...): Alembic cannot drop an unnamed constraint.',
  defaultSeverity: 'error',
  check(context) {
    const findings: Finding[] = [];
    for (const [source, operation] of reviewedOperations(context)) {
      if (operation.kind !== 'drop_constraint' || operation.name !== null || operation.raw) {
        continue;
      }
      const named = nameInUpgrade(source, operation.table, operation.constraintType);
      const where = operation.phase === 'downgrade' ? 'downgrade() stops' : 'Alembic stops';
      const advice = named
        ? `upgrade() created it as "${named}": write that name here.`
        : `Look up the constraint's real name in the database (or give constraints names ` +
          `through a naming convention) and write it here.`;
      findings.push(
        finding(
          this,
          operation.file,
          operation.range,
          `drop_constraint(None, "${operation.table}") names no constraint: autogenerate wrote ` +
            `None because it did not know the name, and ${where} with "Constraint must have a ` +
            `name". ${advice}`,
        ),
      );
    }
    return findings;
  },
};

const CONSTRAINT_KINDS: Record<string, string> = {
  foreignkey: 'foreignkey',
  unique: 'unique',
  primary: 'primarykey',
  check: 'check',
};

/** The name upgrade() gave the one constraint of that kind it added to the table. */
function nameInUpgrade(source: MigrationSource, table: string, type?: string) {
  const kind = type ? CONSTRAINT_KINDS[type] : undefined;
  const names = source.upgrade.flatMap((operation) =>
    operation.kind === 'add_constraint' &&
    operation.table === table &&
    (!kind || operation.constraint.kind === kind) &&
    operation.constraint.name
      ? [operation.constraint.name]
      : [],
  );
  return names.length === 1 ? names[0] : undefined;
}
