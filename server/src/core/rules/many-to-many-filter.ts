// many-to-many-filter: a query goes through an association table on both of its foreign keys
// (`PartTag.part_id == part.id`, `PartTag.tag_id == Tag.id`; `part_tags.c.tag_id == tag_id` on a
// Core table; `Part.tags.any(Tag.id == tag_id)` or `Part.tags.contains(tag)` through a
// relationship's `secondary`), but no composite index or composite primary key covers the pair,
// so each lookup finds one side and scans for the other.
import type { Range, RelationshipFact } from '../facts';
import type { Finding, RelatedLocation } from '../findings/finding';
import type { ResolvedEntity, ResolvedField } from '../index/resolved';
import type { QueryConditionFact, QueryRootFact } from '../queries/query-facts';
import { ORM_KINDS } from './query-loading';
import type { ResolvedTable } from './query-workspace';
import { pausableRule, type RuleContext } from './rule';
import { conditionColumns, type ConditionColumn } from './unindexed-filter';

const CODE = 'many-to-many-filter';
/** Columns besides keys that an association table may carry (a role, a timestamp). */
const MAX_ASSOCIATION_DATA_COLUMNS = 2;

/** One foreign key of an association: the name a query uses, and its column. */
interface AssociationKey {
  attribute: string;
  column: string;
}

/** An association table, declared as a model or as a Core table, and its two foreign keys. */
interface Association {
  /** `PartTag`, or the Core table's variable `part_tags`. */
  label: string;
  keys: [AssociationKey, AssociationKey];
  /** A composite index, unique constraint or primary key holds both keys. */
  covered: boolean;
  declared: RelatedLocation;
  /** What to add: an `Index(...)` in `__table_args__` or in the `Table(...)`. */
  fix: string;
}

/** A filter that goes through an uncovered association on both keys. */
interface UncoveredFilter {
  association: Association;
  range: Range;
  /** The filter as the message names it: `This query goes through PartTag`. */
  subject: string;
  related: RelatedLocation[];
}

export const manyToManyFilter = pausableRule({
  id: CODE,
  doc: 'A query filters an association table on both foreign keys without a composite index.',
  defaultSeverity: 'information',
  *checkWork(context) {
    const findings: Finding[] = [];
    const seen = new Set<string>();
    for (const facts of context.queries.applicationFiles()) {
      yield;
      for (const root of facts.queries.roots) {
        const uncovered = [
          ...modelFilters(context, facts.file, root),
          ...tableFilters(context, facts.file, root),
          ...relationshipFilters(context, facts.file, root),
        ];
        for (const filter of uncovered) {
          const key = `${facts.file}:${filter.range.start.line}:${filter.range.start.character}`;
          if (seen.has(key)) continue;
          seen.add(key);
          findings.push(finding(facts.file, filter));
        }
      }
    }
    return findings;
  },
});

/** `PartTag.part_id == ...` and `PartTag.tag_id == ...` on an association model. */
function modelFilters(context: RuleContext, file: string, root: QueryRootFact): UncoveredFilter[] {
  const byEntity = new Map<string, ConditionColumn[]>();
  for (const column of conditionColumns(context, file, root)) {
    if (!column.field.foreignKey || column.condition.clause === 'order_by') continue;
    const list = byEntity.get(column.entity.id) ?? [];
    if (!list.some((other) => other.field.name === column.field.name)) list.push(column);
    byEntity.set(column.entity.id, list);
  }
  const filters: UncoveredFilter[] = [];
  for (const columns of byEntity.values()) {
    const [first, second] = columns;
    if (columns.length !== 2 || !first || !second) continue;
    const association = modelAssociation(context, first.entity);
    if (!association || association.covered) continue;
    filters.push({
      association,
      range: first.condition.range,
      subject: `This query goes through ${association.label}`,
      related: [
        { file, range: second.condition.range, message: `the condition on ${second.field.name}` },
      ],
    });
  }
  return filters;
}

/** `part_tags.c.part_id == ...` and `part_tags.c.tag_id == ...` on a Core table. */
function tableFilters(context: RuleContext, file: string, root: QueryRootFact): UncoveredFilter[] {
  const byTable = new Map<string, QueryConditionFact[]>();
  for (const condition of root.conditions) {
    if (!condition.table || !condition.model || condition.clause === 'order_by') continue;
    byTable.set(condition.model, [...(byTable.get(condition.model) ?? []), condition]);
  }
  const filters: UncoveredFilter[] = [];
  for (const [variable, conditions] of byTable) {
    const table = context.queries.resolveTable(file, variable);
    const association = table && tableAssociation(context, table);
    if (!association || association.covered) continue;
    const [first, second] = association.keys.map((key) =>
      conditions.find((condition) => condition.column === key.attribute),
    );
    if (!first || !second) continue;
    filters.push({
      association,
      range: first.range,
      subject: `This query goes through ${association.label}`,
      related: [{ file, range: second.range, message: `the condition on ${second.column}` }],
    });
  }
  return filters;
}

/** `Part.tags.any(Tag.id == tag_id)` / `Part.tags.contains(tag)` through a `secondary`. */
function relationshipFilters(context: RuleContext, file: string, root: QueryRootFact) {
  const filters: UncoveredFilter[] = [];
  for (const condition of root.conditions) {
    const through = condition.through;
    const entity = through && condition.model && context.view.resolveEntity(file, condition.model);
    if (!through || !entity || !ORM_KINDS.has(entity.kind)) continue;
    const field = entity.fields.find((f) => f.name === condition.column);
    const relationship = field?.relationship;
    if (!field || !relationship?.secondary) continue;
    const association = secondaryAssociation(context, field, relationship.secondary);
    if (!association || association.covered) continue;
    if (!filtersBothKeys(context, file, field, through)) continue;
    filters.push({
      association,
      range: condition.range,
      subject:
        `This filter on ${entity.name}.${field.name} goes through its association table ` +
        `${association.label}`,
      related: [
        {
          file: context.view.entityById.get(field.declaredIn)?.file ?? entity.file,
          range: field.range,
          message: 'the relationship',
        },
      ],
    });
  }
  return filters;
}

/**
 * `.contains(tag)` matches the link's other key itself; `.any(...)` does when it compares the
 * target's primary key (`Tag.id == tag_id`, `id=tag_id`). Any other criterion is checked on the
 * target's rows, after the link table was reached by one key only.
 */
function filtersBothKeys(
  context: RuleContext,
  file: string,
  field: ResolvedField,
  through: NonNullable<QueryConditionFact['through']>,
): boolean {
  if (through.method === 'contains') return true;
  const criterion = through.target;
  const targetName = field.relationship?.target;
  if (!criterion || !targetName) return false;
  const declaringFile = field.declaredIn.split('#')[0];
  const target = context.view.resolveEntity(declaringFile, targetName);
  if (!target) return false;
  if (criterion.model && context.view.resolveEntity(file, criterion.model)?.id !== target.id) {
    return false;
  }
  return !!target.fields.find((f) => f.name === criterion.column)?.primaryKey;
}

/** The association a relationship's `secondary=` names: a Core table, or a model's table. */
function secondaryAssociation(
  context: RuleContext,
  field: ResolvedField,
  secondary: NonNullable<RelationshipFact['secondary']>,
): Association | undefined {
  if (!secondary.quoted) {
    const declaringFile = field.declaredIn.split('#')[0];
    const table = context.queries.resolveTable(declaringFile, secondary.name);
    return table && tableAssociation(context, table);
  }
  const table = context.queries.tableNamed(secondary.name);
  if (table) return tableAssociation(context, table);
  const models = context.view.entities.filter(
    (entity) => ORM_KINDS.has(entity.kind) && entity.tableName === secondary.name,
  );
  return models.length === 1 ? modelAssociation(context, models[0]) : undefined;
}

/**
 * A link between two tables: its columns are foreign keys and the primary key, with at most a
 * couple of others (a role, a timestamp). An entity with its own data is not one.
 */
function modelAssociation(context: RuleContext, entity: ResolvedEntity): Association | undefined {
  const columns = entity.fields.filter((field) => field.column);
  const foreignKeys = columns.filter((field) => field.foreignKey);
  const others = columns.filter((field) => !field.foreignKey && !field.primaryKey);
  const [a, b] = foreignKeys;
  if (foreignKeys.length !== 2 || !a || !b || others.length > MAX_ASSOCIATION_DATA_COLUMNS) {
    return undefined;
  }
  const keys: [AssociationKey, AssociationKey] = [
    { attribute: a.name, column: a.column ?? a.name },
    { attribute: b.name, column: b.column ?? b.name },
  ];
  const table = entity.tableName ?? entity.name;
  const onModel = (a.primaryKey && b.primaryKey) || covers(entity.tableIndexes ?? [], keys);
  return {
    label: entity.name,
    keys,
    covered: onModel || coveredByMigrations(context, entity.tableName, keys),
    declared: { file: entity.file, range: entity.range, message: 'the association model' },
    fix:
      `Add \`Index("ix_${table}_${a.name}_${b.name}", ` +
      `"${keys[0].column}", "${keys[1].column}")\` to __table_args__, or make both columns ` +
      `the primary key.`,
  };
}

/** A Core `Table(...)` with two foreign-key columns and at most a couple of others. */
function tableAssociation(context: RuleContext, resolved: ResolvedTable): Association | undefined {
  const { table, file } = resolved;
  const foreignKeys = table.columns.filter((column) => column.foreignKey);
  const others = table.columns.filter((column) => !column.foreignKey && !column.primaryKey);
  const [a, b] = foreignKeys;
  if (foreignKeys.length !== 2 || !a || !b || others.length > MAX_ASSOCIATION_DATA_COLUMNS) {
    return undefined;
  }
  const keys: [AssociationKey, AssociationKey] = [
    { attribute: a.name, column: a.name },
    { attribute: b.name, column: b.name },
  ];
  const onTable = (a.primaryKey && b.primaryKey) || covers(table.indexes, keys);
  return {
    label: table.variable,
    keys,
    covered: !!onTable || coveredByMigrations(context, table.name, keys),
    declared: { file, range: table.range, message: 'the association table' },
    fix:
      `Add \`Index("ix_${table.name}_${a.name}_${b.name}", "${a.name}", "${b.name}")\` to ` +
      `the Table(...), or make the pair its primary key ` +
      `(\`PrimaryKeyConstraint("${a.name}", "${b.name}")\`).`,
  };
}

/** An index, unique constraint or composite key among `indexes` that holds both keys. */
function covers(indexes: { columns: string[] }[], keys: AssociationKey[]): boolean {
  return indexes.some((index) => keys.every((key) => index.columns.includes(key.column)));
}

/** One index the migrations create holds both keys (or code Seam cannot read may make one). */
function coveredByMigrations(
  context: RuleContext,
  table: string | undefined,
  keys: AssociationKey[],
): boolean {
  if (!table) return false;
  const columns = keys.map((key) => key.column);
  const replayed = context.migrations.coveringIndex(table, columns);
  return replayed === 'indexed' || replayed === 'unreadable';
}

function finding(file: string, filter: UncoveredFilter): Finding {
  const { association } = filter;
  const [a, b] = association.keys;
  return {
    code: CODE,
    severity: 'information',
    file,
    range: filter.range,
    message:
      `${filter.subject} on both ${a.attribute} and ${b.attribute}, but no composite index or ` +
      `composite primary key covers the pair, so the database finds the rows of one side and ` +
      `scans them for the other, and duplicate links are not prevented. ${association.fix}`,
    related: [...filter.related, association.declared],
  };
}
