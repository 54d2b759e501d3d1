// unindexed-filter: a query filters, sorts (with a limit) or joins on a column that has no index,
// primary key or unique constraint, so the database reads the whole table to answer it. When the
// project has migrations, an index they create (and the model does not declare) counts too.
import type { Finding, FindingFix } from '../findings/finding';
import type { ResolvedEntity, ResolvedField } from '../index/resolved';
import type { QueryConditionFact, QueryRootFact } from '../queries/query-facts';
import { ORM_KINDS } from './query-loading';
import type { PythonQueryFile } from './query-workspace';
import { pausableRule, type RuleContext } from './rule';

const CODE = 'unindexed-filter';
const CLAUSE_WORDS: Record<QueryConditionFact['clause'], string> = {
  where: 'filters on',
  filter: 'filters on',
  filter_by: 'filters on',
  order_by: 'sorts a limited result by',
  join: 'joins on',
};

/** Type wrappers looked through to the column's value type. */
const WRAPPERS = new Set(['Mapped', 'Optional', 'Annotated']);

/** A condition's column, resolved to its model and field. */
export interface ConditionColumn {
  condition: QueryConditionFact;
  entity: ResolvedEntity;
  field: ResolvedField;
}

export const unindexedFilter = pausableRule({
  id: CODE,
  doc: 'A query filters, sorts or joins on a column that has no index.',
  defaultSeverity: 'information',
  *checkWork(context) {
    const findings: Finding[] = [];
    const seen = new Set<string>();
    for (const facts of context.queries.applicationFiles()) {
      yield;
      for (const root of facts.queries.roots) {
        for (const [column, ...again] of byColumn(unindexedColumns(context, facts, root))) {
          const { line, character } = column.condition.range.start;
          const key = `${facts.file}:${line}:${character}`;
          if (seen.has(key)) continue;
          seen.add(key);
          findings.push(finding(context, facts, column, again));
        }
      }
    }
    return findings;
  },
});

/**
 * Every condition of a query on a column of an ORM model (not on a Core table's column, and not
 * a filter through a relationship).
 */
export function conditionColumns(
  context: RuleContext,
  file: string,
  root: QueryRootFact,
): ConditionColumn[] {
  const columns: ConditionColumn[] = [];
  for (const condition of root.conditions) {
    if (condition.through || condition.table) continue;
    const model = condition.model ?? root.model;
    const entity = model ? context.view.resolveEntity(file, model) : undefined;
    if (!entity || !ORM_KINDS.has(entity.kind)) continue;
    const field = entity.fields.find((f) => f.name === condition.column && f.column);
    if (field) columns.push({ condition, entity, field });
  }
  return columns;
}

/** One query filtering and sorting on one column is one finding, at its first condition. */
function byColumn(columns: ConditionColumn[]): ConditionColumn[][] {
  const groups = new Map<string, ConditionColumn[]>();
  for (const column of columns) {
    const key = `${column.entity.id}#${column.field.name}`;
    groups.set(key, [...(groups.get(key) ?? []), column]);
  }
  return [...groups.values()];
}

function unindexedColumns(context: RuleContext, facts: PythonQueryFile, root: QueryRootFact) {
  if (isNarrowed(context, facts.file, root)) return [];
  return conditionColumns(context, facts.file, root).filter(
    (column) =>
      !isIndexed(context, column.entity, column.field) &&
      !column.field.foreignKey &&
      !isLowCardinality(context, column) &&
      isWorthAnIndex(root, column.condition) &&
      !joinServedByOtherSide(context, facts.file, column.condition),
  );
}

/**
 * An equality on an indexed column, of any table in the query, lets the database start there
 * and reach the few matching rows; the other conditions then cost little. A column Seam cannot
 * see (declared in a library's mixin) may be such a column too. So may a foreign key: when it
 * lacks an index, foreign-key-index reports it, and indexing it is the better fix.
 */
function isNarrowed(context: RuleContext, file: string, root: QueryRootFact): boolean {
  return root.conditions.some((condition) => {
    // A filter through a relationship is a subquery per row, not a way into the table.
    if (!condition.equality || condition.through) return false;
    const model = condition.model ?? root.model;
    const entity = model ? context.view.resolveEntity(file, model) : undefined;
    const field = entity?.fields.find((f) => f.name === condition.column);
    return !entity || !field || isIndexed(context, entity, field) || !!field.foreignKey;
  });
}

/**
 * Sorting pays off only for a limited result. A statement from another function
 * (`repo.get_base_statement().where(...)`) may already be narrowed by filters Seam cannot see;
 * there only a point lookup (an equality) is reported.
 */
function isWorthAnIndex(root: QueryRootFact, condition: QueryConditionFact): boolean {
  if (condition.clause === 'order_by' && !root.limited) return false;
  return root.kind !== 'call' || condition.equality;
}

/**
 * An index, primary key or unique constraint whose first column is this one: on the model, or
 * made by a migration (or maybe made by migration code Seam cannot read).
 */
export function isIndexed(context: RuleContext, entity: ResolvedEntity, field: ResolvedField) {
  if (isIndexedOnModel(entity, field)) return true;
  const replayed = replayedIndex(context, entity, field);
  return replayed === 'indexed' || replayed === 'unreadable';
}

function isIndexedOnModel(entity: ResolvedEntity, field: ResolvedField): boolean {
  if (field.index || field.primaryKey || field.unique) return true;
  const column = field.column ?? field.name;
  return (entity.tableIndexes ?? []).some((index) => index.columns[0] === column);
}

/**
 * What the replayed migrations say about an index on the column. A column inherited from a
 * mapped base class (joined or single-table inheritance) lives in that class's table.
 */
function replayedIndex(context: RuleContext, entity: ResolvedEntity, field: ResolvedField) {
  const owner = context.view.entityById.get(field.declaredIn);
  const mappedOwner = owner && ORM_KINDS.has(owner.kind) && !owner.abstract && owner.tableName;
  const table = mappedOwner ? owner.tableName : entity.tableName;
  if (!table) return 'not-replayed';
  return context.migrations.leadingIndex(table, field.column ?? field.name);
}

/** `Part.category_id == Category.id`: the join uses the index on the other side. */
function joinServedByOtherSide(context: RuleContext, file: string, condition: QueryConditionFact) {
  const other = condition.otherColumn;
  if (!other) return false;
  const entity = context.view.resolveEntity(file, other.model);
  const field = entity?.fields.find((f) => f.name === other.column);
  // A side Seam cannot see may well be indexed: stay silent.
  return !entity || !field || isIndexed(context, entity, field);
}

/** Boolean, enum and literal columns split a table into a few big parts: an index rarely helps. */
function isLowCardinality(context: RuleContext, { entity, field }: ConditionColumn): boolean {
  if (/\b(Boolean|Enum)\b/.test(field.type)) return true;
  let type = field.typeExpr;
  while (type.kind === 'name' && WRAPPERS.has(type.name) && type.args[0]) type = type.args[0];
  if (type.kind === 'union')
    type = type.members.find((m) => m.kind !== 'name' || m.name !== 'None') ?? type;
  if (type.kind !== 'name') return type.kind === 'literal';
  if (type.name === 'bool' || type.name === 'Literal') return true;
  const file = context.view.entityById.get(field.declaredIn)?.file ?? entity.file;
  const isEnum = (name: string) => context.view.resolveEntity(file, name)?.kind === 'enum';
  // `Column(String, default=Status.active)` stores an enum's values in a plain string column.
  const defaultOwner = /^([\w.]+)\.\w+$/.exec(field.defaultText ?? '')?.[1];
  return isEnum(type.name) || (!!defaultOwner && isEnum(defaultOwner));
}

function finding(
  context: RuleContext,
  facts: PythonQueryFile,
  column: ConditionColumn,
  again: ConditionColumn[],
): Finding {
  const { condition, entity, field } = column;
  const table = entity.tableName ?? entity.name;
  const fix = indexFix(context, column);
  const declared = declaringClass(context, field);
  const replayed = replayedIndex(context, entity, field) === 'none' ? context.migrations.count : 0;
  const where = replayed ? `, on the model or in any of the ${migrations(replayed)},` : ',';
  return {
    code: CODE,
    severity: 'information',
    file: facts.file,
    range: condition.range,
    message:
      `This query ${CLAUSE_WORDS[condition.clause]} ${entity.name}.${field.name}, which has no ` +
      `index, primary key or unique constraint${where} so the database reads every row of ` +
      `${table} to answer it, and the query slows down as the table grows. Add index=True to ` +
      `the column (and a migration that creates the index).`,
    related: [
      { file: declared.file, range: field.range, message: 'the column, declared without an index' },
      ...again.map((other) => ({
        file: facts.file,
        range: other.condition.range,
        message: `the same query ${CLAUSE_WORDS[other.condition.clause]} it here`,
      })),
    ],
    ...(fix ? { fixes: [fix] } : {}),
  };
}

function migrations(count: number): string {
  return `${count} replayed migration${count > 1 ? 's' : ''}`;
}

/** `index=True` in the column's call, in the file of the class that declares it. */
function indexFix(context: RuleContext, column: ConditionColumn): FindingFix | undefined {
  const { file, className } = declaringClass(context, column.field);
  const edit = context.queries
    .fileFacts(file)
    ?.queries.columnIndexEdits.find(
      (e) => e.className === className && e.field === column.field.name,
    );
  if (!edit) return undefined;
  return {
    title: `Add index=True to ${className}.${column.field.name}`,
    edits: [{ file, range: edit.range, newText: edit.newText }],
    preferred: true,
  };
}

/** The file and class that declare a field (itself, or a base or mixin it comes from). */
function declaringClass(context: RuleContext, field: ResolvedField) {
  const declaring = context.view.entityById.get(field.declaredIn);
  const [file, className] = field.declaredIn.split('#');
  return { file: declaring?.file ?? file, className: declaring?.name ?? className };
}
