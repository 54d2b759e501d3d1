// Questions the safety rules share about one step: did its table hold rows already (it existed
// before this revision or script began), and what column did an add_column add.
import type { ColumnSpec } from '../types';
import type { ReviewedStep } from './rule';

/** The table existed before the source began, so it may hold rows. */
export function onExistingTable(step: ReviewedStep, table: string): boolean {
  return step.replay.before.has(table);
}

/** The column an `add_column` step adds to a table that may hold rows. */
export function columnAddedToExistingTable(step: ReviewedStep): ColumnSpec | undefined {
  const operation = step.operation;
  if (operation.kind !== 'add_column' || !onExistingTable(step, operation.table)) return undefined;
  return operation.column;
}
