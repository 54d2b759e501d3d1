// sqlite-table-rebuild: a hand-written table rebuild (create new, copy, drop old, rename) that
// drops a table other tables reference while foreign keys are on (the DROP deletes the rows and
// fails or cascades), or that loses the old table's indexes and triggers.
import type { Finding } from '../../findings/finding';
import { isRebuild } from './migration-drop';
import { hasIndexOn, type Schema, type SchemaTable } from '../schema';
import { finding, type MigrationRule, type ReviewedStep } from './rule';
import { sqliteSteps } from './sqlite-operations';

export const sqliteTableRebuild: MigrationRule = {
  id: 'sqlite-table-rebuild',
  doc: 'A table rebuild that drops a referenced table or loses indexes and triggers.',
  defaultSeverity: 'warning',
  check(context) {
    const findings: Finding[] = [];
    for (const step of sqliteSteps(context)) {
      const operation = step.operation;
      if (operation.kind !== 'drop_table' || !operation.raw || !step.previousTable) continue;
      if (!isRebuild(step.replay, step.original)) continue;
      const references = referenceProblems(step, step.previousTable);
      const lost = lostObjects(step.previousTable, step.replay.after.get(operation.table));
      if (!references.length && !lost.length) continue;
      const advice = [
        references.length
          ? 'Turn foreign keys off before the transaction (PRAGMA foreign_keys=OFF).'
          : '',
        lost.length ? 'Recreate every index and trigger of the old table after the rename.' : '',
      ];
      findings.push(
        finding(
          this,
          operation.file,
          operation.range,
          `This rebuild of \`${operation.table}\` ${[...references, ...lost].join(', and ')}. ` +
            advice.filter(Boolean).join(' '),
        ),
      );
    }
    return findings;
  },
};

/** Other tables referencing the dropped one, unless foreign keys were turned off earlier. */
function referenceProblems(step: ReviewedStep, table: SchemaTable): string[] {
  const index = step.replay.steps.indexOf(step.original);
  const keysOff = step.replay.steps.slice(0, index).some(({ operation }) => {
    if (operation.kind !== 'pragma' || operation.name !== 'foreign_keys') return false;
    return ['off', '0', 'false', 'no'].includes(operation.value.toLowerCase());
  });
  const referencing = referencingTables(step.replay.before, table.name);
  if (keysOff || !referencing.length) return [];
  return [
    `drops a table that ${referencing.join(', ')} reference${referencing.length > 1 ? '' : 's'} ` +
      `while foreign keys may be on: DROP TABLE then deletes the rows, which fails or ` +
      `cascades into the referencing tables`,
  ];
}

function referencingTables(schema: Schema, name: string): string[] {
  return [...schema.values()]
    .filter(
      (other) =>
        other.name !== name && other.foreignKeys.some((key) => key.references.table === name),
    )
    .map((other) => `\`${other.name}\``);
}

/** Indexes and triggers of the old table that the rebuilt one lacks. */
function lostObjects(old: SchemaTable, rebuilt: SchemaTable | undefined): string[] {
  const lostIndexes = old.indexes.filter(
    (index) => !rebuilt || !hasIndexOn(rebuilt, index.columns, index.unique),
  );
  const lostTriggers = old.triggers.filter((trigger) => !rebuilt?.triggers.includes(trigger));
  const names = [
    ...lostIndexes.map((index) => `index ${index.name ?? `on (${index.columns.join(', ')})`}`),
    ...lostTriggers.map((trigger) => `trigger ${trigger}`),
  ];
  return names.length ? [`loses ${names.join(', ')}`] : [];
}
