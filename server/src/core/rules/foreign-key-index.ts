// foreign-key-index: a foreign-key column without an index. SQLite does not index foreign keys by
// itself, so every join or filter on the column scans the whole table.
import type { Finding } from '../findings/finding';
import type { ResolvedEntity, ResolvedField } from '../index/resolved';
import { ORM_KINDS } from '../pairing/orm-model';
import type { Rule } from './rule';

export const foreignKeyIndex: Rule = {
  id: 'foreign-key-index',
  doc: 'A foreign-key column that has no index.',
  defaultSeverity: 'information',
  check(context) {
    const findings: Finding[] = [];
    // Foreign keys a non-table base declares, with the tables that inherit them unindexed.
    const inherited = new Map<string, { field: ResolvedField; tables: string[] }>();
    for (const entity of context.view.entities) {
      if (!ORM_KINDS.has(entity.kind)) continue;
      for (const field of entity.fields) {
        if (!field.foreignKey || isIndexed(entity, field)) continue;
        if (field.declaredIn === entity.id) {
          findings.push(finding(this, entity.name, entity.file, field, []));
          continue;
        }
        // A table base reports its own column; a plain base is reported where it declares it.
        const declaring = context.view.entityById.get(field.declaredIn);
        if (declaring && ORM_KINDS.has(declaring.kind) && !declaring.abstract) continue;
        const key = `${field.declaredIn}.${field.name}`;
        const entry = inherited.get(key) ?? { field, tables: [] };
        entry.tables.push(entity.name);
        inherited.set(key, entry);
      }
    }
    for (const { field, tables } of inherited.values()) {
      const [file, owner] = field.declaredIn.split('#');
      findings.push(finding(this, owner, file, field, tables));
    }
    return findings;
  },
};

function finding(
  rule: Rule,
  owner: string,
  file: string,
  field: ResolvedField,
  inheritingTables: string[],
): Finding {
  const inheritedBy = inheritingTables.length
    ? ` The tables ${inheritingTables.map((name) => `\`${name}\``).join(', ')} inherit it.`
    : '';
  return {
    code: rule.id,
    severity: rule.defaultSeverity,
    file,
    range: field.range,
    message:
      `\`${owner}.${field.name}\` references ${field.foreignKey} but has no ` +
      `index. SQLite (like PostgreSQL) does not index foreign keys itself, so joins and ` +
      `filters on it scan the table.${inheritedBy} Add index=True ` +
      `(and a migration that creates the index).`,
    related: [],
  };
}

function isIndexed(entity: ResolvedEntity, field: ResolvedField): boolean {
  if (field.index || field.primaryKey || field.unique) return true;
  const column = field.column ?? field.name;
  return (entity.tableIndexes ?? []).some((index) => index.columns[0] === column);
}
