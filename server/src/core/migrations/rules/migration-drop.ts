// migration-drop: an upgrade drops a table or column that held data, which is gone for good (a
// downgrade brings back the column, not its values). Table rebuilds that copy the data first and
// drop-plus-add renames (migration-probable-rename) are left out.
import type { ReplayStep, SourceReplay } from '../replay';
import { copiedBefore, probableRenames } from './probable-renames';
import { columnName, finding, reviewedSteps, type MigrationRule, type ReviewedStep } from './rule';

export const migrationDrop: MigrationRule = {
  id: 'migration-drop',
  doc: 'An upgrade that drops a table or column, and the data in it.',
  defaultSeverity: 'warning',
  check(context) {
    const renamed = new Set(
      context.replay.sources.flatMap((replay) => probableRenames(replay).map((r) => r.drop)),
    );
    return reviewedSteps(context).flatMap((step) => {
      const message = dropsColumnData(step, renamed) ?? dropsTableData(step);
      return message ? [finding(this, step.operation.file, step.operation.range, message)] : [];
    });
  },
};

function dropsColumnData(step: ReviewedStep, renamed: Set<ReplayStep>): string | undefined {
  const operation = step.operation;
  if (operation.kind !== 'drop_column' || !step.previousColumn || renamed.has(step.original)) {
    return undefined;
  }
  if (!existedBefore(step, operation.table, operation.column)) return undefined;
  if (copiedBefore(step.replay, step.original, operation.column)) return undefined;
  // Dropped and replaced under the same name (a type swap through a temporary column).
  if (step.replay.after.get(operation.table)?.columns.has(operation.column)) return undefined;
  return (
    `Drops ${columnName(operation.table, operation.column)} and every value in it; a ` +
    `downgrade can add the column back but not its data. Make sure nothing still needs ` +
    `it (copy it elsewhere first if it does), and back up before deploying.`
  );
}

function dropsTableData(step: ReviewedStep): string | undefined {
  const operation = step.operation;
  if (operation.kind !== 'drop_table' || !step.previousTable) return undefined;
  if (!existedBefore(step, operation.table) || isRebuild(step.replay, step.original)) {
    return undefined;
  }
  const columns = [...step.previousTable.columns.keys()];
  return (
    `Drops table \`${operation.table}\` and all its rows` +
    `${columns.length ? ` (columns ${columns.join(', ')})` : ''}; a downgrade can ` +
    `recreate the table but not its data. Make sure it is no longer needed, and back ` +
    `up before deploying.`
  );
}

function existedBefore(step: ReviewedStep, table: string, column?: string): boolean {
  const before = step.replay.before.get(table);
  return !!before && (column === undefined || before.columns.has(column));
}

/**
 * A drop that is part of a rebuild: the same source copies the rows out (INSERT ... SELECT FROM
 * the table) or creates the table again under the same name afterwards.
 */
export function isRebuild(replay: SourceReplay, drop: ReplayStep): boolean {
  const operation = drop.operation;
  if (operation.kind !== 'drop_table') return false;
  const index = replay.steps.indexOf(drop);
  const copiedOut = replay.steps
    .slice(0, index)
    .some((step) => step.operation.kind === 'data' && step.operation.source === operation.table);
  const recreated = replay.steps.slice(index + 1).some((step) => {
    const later = step.operation;
    if (later.kind === 'create_table') return later.table === operation.table;
    return later.kind === 'rename_table' && later.newName === operation.table;
  });
  return copiedOut || recreated;
}
