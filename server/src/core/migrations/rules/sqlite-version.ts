// sqlite-version: an operation that needs a newer SQLite than the declared minimum. RENAME COLUMN
// arrived in 3.25.0 and DROP COLUMN in 3.35.0; older versions fail with a syntax error. Batch mode
// rebuilds the table instead and needs neither.
import type { Finding } from '../../findings/finding';
import type { Operation } from '../types';
import { finding, type MigrationRule } from './rule';
import { sqliteOperations } from './sqlite-operations';

export const sqliteVersion: MigrationRule = {
  id: 'sqlite-version',
  doc: 'RENAME COLUMN (SQLite 3.25) or DROP COLUMN (3.35) below the declared minimum version.',
  defaultSeverity: 'error',
  check(context) {
    const minimum = context.sqliteMinVersion;
    if (!minimum) return [];
    const findings: Finding[] = [];
    for (const [, operation] of sqliteOperations(context)) {
      const need = requirement(operation);
      if (!need || operation.batch || compareVersions(minimum, need.version) >= 0) continue;
      findings.push(
        finding(
          this,
          operation.file,
          operation.range,
          `${need.what} needs SQLite ${need.version}, but the project supports SQLite ` +
            `${minimum}, ` +
            `where this migration fails with a syntax error. Use batch_alter_table (which ` +
            `rebuilds the table), or raise the minimum SQLite version.`,
        ),
      );
    }
    return findings;
  },
};

function requirement(operation: Operation): { what: string; version: string } | undefined {
  if (operation.kind === 'alter_column' && operation.newName) {
    return { what: 'RENAME COLUMN', version: '3.25.0' };
  }
  if (operation.kind === 'drop_column') return { what: 'DROP COLUMN', version: '3.35.0' };
  return undefined;
}

/** Compares dotted versions numerically: 3.9 < 3.25. */
export function compareVersions(left: string, right: string): number {
  const a = left.split('.').map(Number);
  const b = right.split('.').map(Number);
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const difference = (a[i] || 0) - (b[i] || 0);
    if (difference) return difference;
  }
  return 0;
}
