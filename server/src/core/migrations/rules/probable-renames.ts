// Drop-plus-add pairs in one source that look like a rename: the same table loses one column and
// gains exactly one new column of the same type. Shared by the rename and the drop rules.
import type { SourceReplay, ReplayStep } from '../replay';
import type { SqlType } from '../types';

export interface ProbableRename {
  drop: ReplayStep;
  add: ReplayStep;
}

/**
 * Only a clean swap counts: the table loses exactly one column and gains exactly one in the
 * source, the old name is gone at its end, and nothing copied the old values over first.
 */
export function probableRenames(replay: SourceReplay): ProbableRename[] {
  const renames: ProbableRename[] = [];
  for (const drop of replay.steps) {
    const dropped = drop.operation;
    if (dropped.kind !== 'drop_column' || !drop.previousColumn) continue;
    if (changesOnTable(replay, 'drop_column', dropped.table) !== 1) continue;
    if (changesOnTable(replay, 'add_column', dropped.table) !== 1) continue;
    if (replay.after.get(dropped.table)?.columns.has(dropped.column)) continue;
    if (copiedBefore(replay, drop, dropped.column)) continue;
    const candidates = replay.steps.filter((step) => {
      const added = step.operation;
      if (added.kind !== 'add_column' || added.table !== dropped.table) return false;
      if (replay.before.get(added.table)?.columns.has(added.column.name)) return false;
      return sameType(drop.previousColumn?.type, added.column.type);
    });
    if (candidates.length === 1) renames.push({ drop, add: candidates[0] });
  }
  // An added column that two drops could both have become proves neither rename.
  return renames.filter(
    (rename) => renames.filter((other) => other.add === rename.add).length === 1,
  );
}

function changesOnTable(replay: SourceReplay, kind: string, table: string): number {
  return replay.steps.filter(
    ({ operation }) => operation.kind === kind && 'table' in operation && operation.table === table,
  ).length;
}

/** An UPDATE or INSERT before the drop that names the column has moved its values. */
export function copiedBefore(replay: SourceReplay, drop: ReplayStep, column: string): boolean {
  const index = replay.steps.indexOf(drop);
  return replay.steps.slice(0, index).some(({ operation }) => {
    if (operation.kind !== 'data' || !operation.text) return false;
    const words = operation.text.match(/[A-Za-z_][A-Za-z0-9_]*/g) ?? [];
    return words.some((word) => word.toLowerCase() === column.toLowerCase());
  });
}

function sameType(left: SqlType | undefined, right: SqlType | undefined): boolean {
  if (!left || !right) return false;
  if (left.family === 'unknown' || right.family === 'unknown') {
    return normalise(left.text) === normalise(right.text);
  }
  return left.family === right.family;
}

function normalise(text: string): string {
  return text
    .replace(/\s+/g, '')
    .replace(/^(sa|sqlalchemy)\./, '')
    .toLowerCase();
}
