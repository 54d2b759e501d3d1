// many-to-many-filter: a query goes through an association table on both of its foreign keys
// (`PartTag.part_id == part.id`, `PartTag.tag_id == Tag.id`), but no composite index or
// composite primary key covers the pair, so each lookup finds one side and scans for the other.
import type { Finding } from '../findings/finding';
import type { ResolvedEntity, ResolvedField } from '../index/resolved';
import type { Rule, RuleContext } from './rule';
import { conditionColumns, type ConditionColumn } from './unindexed-filter';

const CODE = 'many-to-many-filter';
/** Columns besides keys that an association table may carry (a role, a timestamp). */
const MAX_ASSOCIATION_DATA_COLUMNS = 2;

export const manyToManyFilter: Rule = {
  id: CODE,
  doc: 'A query filters an association table on both foreign keys without a composite index.',
  defaultSeverity: 'information',
  check(context) {
    const findings: Finding[] = [];
    const seen = new Set<string>();
    for (const facts of context.queries.applicationFiles()) {
      for (const root of facts.queries.roots) {
        for (const pair of uncoveredPairs(context, facts.file, root)) {
          const { line, character } = pair[0].condition.range.start;
          const key = `${facts.file}:${line}:${character}`;
          if (seen.has(key)) continue;
          seen.add(key);
          findings.push(finding(facts.file, pair));
        }
      }
    }
    return findings;
  },
};

/** Per association model of the query: its two foreign-key conditions, when uncovered. */
function uncoveredPairs(
  context: RuleContext,
  file: string,
  root: Parameters<typeof conditionColumns>[2],
): [ConditionColumn, ConditionColumn][] {
  const byEntity = new Map<string, ConditionColumn[]>();
  for (const column of conditionColumns(context, file, root)) {
    if (!column.field.foreignKey || column.condition.clause === 'order_by') continue;
    const list = byEntity.get(column.entity.id) ?? [];
    if (!list.some((other) => other.field.name === column.field.name)) list.push(column);
    byEntity.set(column.entity.id, list);
  }
  const pairs: [ConditionColumn, ConditionColumn][] = [];
  for (const columns of byEntity.values()) {
    const [first, second] = columns;
    if (columns.length !== 2 || !first || !second || !isAssociation(first.entity)) continue;
    if (!isCovered(first.entity, first.field, second.field)) pairs.push([first, second]);
  }
  return pairs;
}

/**
 * A link between two tables: its columns are foreign keys and the primary key, with at most a
 * couple of others (a role, a timestamp). An entity with its own data is not one.
 */
function isAssociation(entity: ResolvedEntity): boolean {
  const columns = entity.fields.filter((field) => field.column);
  const foreignKeys = columns.filter((field) => field.foreignKey);
  const others = columns.filter((field) => !field.foreignKey && !field.primaryKey);
  return foreignKeys.length === 2 && others.length <= MAX_ASSOCIATION_DATA_COLUMNS;
}

/** A composite primary key, index or unique constraint holding both columns. */
function isCovered(entity: ResolvedEntity, a: ResolvedField, b: ResolvedField): boolean {
  if (a.primaryKey && b.primaryKey) return true;
  const columns = [a.column ?? a.name, b.column ?? b.name];
  return (entity.tableIndexes ?? []).some((index) =>
    columns.every((column) => index.columns.includes(column)),
  );
}

function finding(file: string, [first, second]: [ConditionColumn, ConditionColumn]): Finding {
  const entity = first.entity;
  const names = `${first.field.name} and ${second.field.name}`;
  const [columnA, columnB] = [first.field, second.field].map((field) => field.column ?? field.name);
  return {
    code: CODE,
    severity: 'information',
    file,
    range: first.condition.range,
    message:
      `This query goes through ${entity.name} on both ${names}, but no composite index or ` +
      `composite primary key covers the pair, so the database finds the rows of one side and ` +
      `scans them for the other, and duplicate links are not prevented. Add ` +
      `\`Index("ix_${entity.tableName ?? entity.name}_${first.field.name}_${second.field.name}", ` +
      `"${columnA}", "${columnB}")\` ` +
      `to __table_args__, or make both columns the primary key.`,
    related: [
      { file, range: second.condition.range, message: `the condition on ${second.field.name}` },
      { file: entity.file, range: entity.range, message: 'the association model' },
    ],
  };
}
