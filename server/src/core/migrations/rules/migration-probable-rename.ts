// migration-probable-rename: one revision drops a column and adds another of the same type to the
// same table. That is how autogenerate renders a rename, and it loses every value: the new
// column starts empty.
import type { Finding } from '../../findings/finding';
import { probableRenames } from './probable-renames';
import { columnName, finding, type MigrationRule } from './rule';

export const migrationProbableRename: MigrationRule = {
  id: 'migration-probable-rename',
  doc: 'A drop and an add of the same type in one revision: a rename that loses the data.',
  defaultSeverity: 'warning',
  check(context) {
    const findings: Finding[] = [];
    for (const replay of context.replay.sources) {
      if (!context.reviewed(replay.source.file)) continue;
      for (const { drop, add } of probableRenames(replay)) {
        const dropped = drop.operation;
        const added = add.operation;
        if (dropped.kind !== 'drop_column' || added.kind !== 'add_column') continue;
        const from = columnName(dropped.table, dropped.column);
        const to = columnName(added.table, added.column.name);
        findings.push(
          finding(
            this,
            dropped.file,
            dropped.range,
            `Drops ${from} and adds ${to} of the same type in one revision: probably a rename, ` +
              `but the new column starts empty and every value of ${from} is lost. Use ` +
              `\`alter_column("${dropped.table}", "${dropped.column}", new_column_name=` +
              `"${added.column.name}")\` (inside batch_alter_table on SQLite) to keep the data.`,
            [{ file: added.file, range: added.range, message: 'the column added' }],
          ),
        );
      }
    }
    return findings;
  },
};
