// sqlite-pragma-in-transaction: `PRAGMA foreign_keys = ...` inside a transaction. SQLite ignores
// it there without a word, so foreign keys stay as they were: a rebuild meant to run with them
// off may fail, or cascade-delete rows. Alembic runs each revision inside a transaction.
import type { Finding } from '../../findings/finding';
import type { MigrationSource, Operation } from '../types';
import { finding, type MigrationRule } from './rule';
import { sqliteOperations } from './sqlite-operations';

export const sqlitePragmaInTransaction: MigrationRule = {
  id: 'sqlite-pragma-in-transaction',
  doc: 'PRAGMA foreign_keys changed inside a transaction, where SQLite ignores it.',
  defaultSeverity: 'warning',
  check(context) {
    const findings: Finding[] = [];
    const bySource = new Map<MigrationSource, Operation[]>();
    for (const [source, operation] of sqliteOperations(context)) {
      bySource.set(source, [...(bySource.get(source) ?? []), operation]);
    }
    for (const [source, operations] of bySource) {
      for (const pragma of pragmasInTransaction(source, operations)) {
        findings.push(
          finding(
            this,
            pragma.file,
            pragma.range,
            `\`PRAGMA foreign_keys\` runs inside a transaction${whichTransaction(source)}, ` +
              `where SQLite silently ignores it: foreign keys stay as they were, so what follows ` +
              `may fail or cascade-delete rows. Set it before the transaction begins (in ` +
              `Alembic: inside \`with op.get_context().autocommit_block():\`).`,
          ),
        );
      }
    }
    return findings;
  },
};

function whichTransaction(source: MigrationSource): string {
  return source.kind === 'revision' ? ' (Alembic wraps each revision in one)' : '';
}

/** Revisions start inside a transaction; scripts enter one at BEGIN or sqlite3's first write. */
function pragmasInTransaction(source: MigrationSource, operations: Operation[]): Operation[] {
  const found: Operation[] = [];
  const implicitBegin = source.imports.some((spec) => spec.module === 'sqlite3');
  let inTransaction = source.kind === 'revision';
  let phase = operations[0]?.phase;
  for (const operation of operations) {
    if (operation.phase !== phase) {
      phase = operation.phase;
      inTransaction = source.kind === 'revision';
    }
    if (operation.kind === 'transaction') inTransaction = operation.action === 'begin';
    else if (operation.kind === 'data' && implicitBegin) inTransaction = true;
    else if (isForeignKeysPragma(operation) && inTransaction && !operation.autocommit) {
      found.push(operation);
    }
  }
  return found;
}

function isForeignKeysPragma(operation: Operation): boolean {
  return operation.kind === 'pragma' && operation.name === 'foreign_keys';
}
