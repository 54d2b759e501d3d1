// migration-unique-on-existing: a unique index or constraint added over columns that already
// hold data. If two rows share a value the upgrade fails halfway; revisions that first clean up
// duplicates (an UPDATE, a DELETE, or code Seam cannot read) are left alone.
import type { Finding } from '../../findings/finding';
import type { SchemaTable } from '../schema';
import { onExistingTable } from './existing-tables';
import { finding, reviewedSteps, type MigrationRule, type ReviewedStep } from './rule';

export const migrationUniqueOnExisting: MigrationRule = {
  id: 'migration-unique-on-existing',
  doc: 'A unique constraint added to a table that may already hold duplicates.',
  defaultSeverity: 'warning',
  check(context) {
    const findings: Finding[] = [];
    for (const step of reviewedSteps(context)) {
      const target = uniqueTarget(step);
      if (!target || !onExistingTable(step, target.table)) continue;
      const before = step.replay.before.get(target.table);
      if (before?.incomplete) continue;
      if (!target.columns.length || !target.columns.every((c) => before?.columns.has(c))) continue;
      if (cleansFirst(step, target.table) || alreadyUnique(before, target.columns)) continue;
      const operation = step.operation;
      findings.push(
        finding(
          this,
          operation.file,
          operation.range,
          `Makes \`${target.table}(${target.columns.join(', ')})\` unique on a table that ` +
            `already holds rows. If any two rows share a value, the upgrade fails halfway with ` +
            `"UNIQUE constraint failed". Remove or merge duplicates first, in this revision, ` +
            `before adding the constraint.`,
        ),
      );
    }
    return findings;
  },
};

function uniqueTarget(step: ReviewedStep): { table: string; columns: string[] } | undefined {
  const operation = step.operation;
  if (operation.kind === 'create_index' && operation.unique) return operation;
  if (operation.kind === 'add_constraint' && operation.constraint.kind === 'unique') {
    return { table: operation.table, columns: operation.constraint.columns };
  }
  return undefined;
}

/** Rows unique on some of the columns are unique on all of them: the new constraint holds. */
function alreadyUnique(table: SchemaTable | undefined, columns: string[]): boolean {
  if (!table) return false;
  const primary = [...table.columns.values()].filter((column) => column.primaryKey);
  if (primary.length && primary.every((column) => columns.includes(column.name))) return true;
  return table.indexes.some(
    (index) =>
      index.unique && index.columns.length && index.columns.every((c) => columns.includes(c)),
  );
}

/** A data change (or unreadable code) earlier in the same source may remove the duplicates. */
function cleansFirst(step: ReviewedStep, table: string): boolean {
  const index = step.replay.steps.indexOf(step.original);
  return step.replay.steps.slice(0, index).some(({ operation }) => {
    if (operation.kind === 'opaque') return true;
    return operation.kind === 'data' && (!operation.table || operation.table === table);
  });
}
