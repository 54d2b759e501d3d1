// foreign-key-index: a foreign-key column without an index. SQLite does not index foreign keys by
// itself, so every join or filter on the column scans the whole table.
import type { Finding } from '../findings/finding';
import type { ResolvedEntity, ResolvedField } from '../index/resolved';
import type { Rule } from './rule';

export const foreignKeyIndex: Rule = {
  id: 'foreign-key-index',
  doc: 'A foreign-key column that has no index.',
  defaultSeverity: 'information',
  check(context) {
    const findings: Finding[] = [];
    for (const entity of context.view.entities) {
      if (entity.kind !== 'sqlmodel-table' && entity.kind !== 'sqlalchemy-model') continue;
      for (const field of entity.fields) {
        if (!field.foreignKey || isIndexed(entity, field) || field.declaredIn !== entity.id)
          continue;
        findings.push({
          code: this.id,
          severity: this.defaultSeverity,
          file: entity.file,
          range: field.range,
          message:
            `\`${entity.name}.${field.name}\` references ${field.foreignKey} but has no ` +
            `index. SQLite (like ` +
            `PostgreSQL) does not index foreign keys itself, so joins and filters on it scan ` +
            `the table. Add index=True ` +
            `(and a migration that creates the index).`,
          related: [],
        });
      }
    }
    return findings;
  },
};

function isIndexed(entity: ResolvedEntity, field: ResolvedField): boolean {
  if (field.index || field.primaryKey || field.unique) return true;
  const column = field.column ?? field.name;
  return (entity.tableIndexes ?? []).some((index) => index.columns[0] === column);
}
