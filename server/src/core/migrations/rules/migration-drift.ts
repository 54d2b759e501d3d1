// migration-drift: a model declares a table, column or index that no migration creates, so a
// database built by the migrations lacks it and every query that touches it fails ("no such
// column"). Reported at the model. Without a baseline (scripts over create_all() and no git) it
// says once that drift cannot be judged, and why.
import type { Finding } from '../../findings/finding';
import type { ModelColumn, ModelIndex, ModelTable } from '../model-tables';
import { hasIndexOn, type SchemaTable } from '../schema';
import { columnName, finding, type MigrationRule, type MigrationRuleContext } from './rule';
import { UnreadableCode } from './unreadable';

export const migrationDrift: MigrationRule = {
  id: 'migration-drift',
  doc: 'A model table, column or index that no migration creates.',
  defaultSeverity: 'error',
  check(context) {
    if (context.baseline.kind === 'unknown')
      return cannotJudge(this, context, context.baseline.reason);
    const unreadable = new UnreadableCode(context.sources);
    const findings: Finding[] = [];
    for (const model of context.models.values()) {
      const table = context.replay.final.get(model.name);
      if (!table) findings.push(...missingTable(this, context, model, unreadable));
      else
        findings.push(
          ...missingColumns(this, model, table, unreadable),
          ...missingIndexes(this, model, table, unreadable),
        );
    }
    return findings;
  },
};

function missingTable(
  rule: MigrationRule,
  context: MigrationRuleContext,
  model: ModelTable,
  unreadable: UnreadableCode,
): Finding[] {
  // create_all() makes a table that no migration creates (a new table, for scripts over it).
  const createAll =
    context.baseline.kind === 'git' ||
    (context.baseline.kind === 'alembic' && context.baseline.createAll);
  if (createAll || unreadable.mentions(model.name)) return [];
  return model.entities.map((entity) =>
    finding(
      rule,
      entity.file,
      entity.range,
      `Model \`${entity.name}\` maps to table \`${model.name}\`, which no migration creates. ` +
        `On a database built by the migrations every query on \`${entity.name}\` fails with ` +
        `"no such table". Add a migration that creates it (\`alembic revision --autogenerate\`).`,
    ),
  );
}

function missingColumns(
  rule: MigrationRule,
  model: ModelTable,
  table: SchemaTable,
  unreadable: UnreadableCode,
): Finding[] {
  if (table.incomplete) return [];
  const missing = [...model.columns.values()].filter(
    (column) =>
      !table.columns.has(column.column) && !unreadable.mentions(model.name, column.column),
  );
  return missing.map((column) => columnFinding(rule, column));
}

function columnFinding(rule: MigrationRule, column: ModelColumn): Finding {
  return finding(
    rule,
    column.file,
    column.field.range,
    `Model \`${column.label}\` has no migration: nothing creates ` +
      `${columnName(column.table, column.column)}. ` +
      `The ORM selects every mapped column, so each query on \`${column.entity.name}\` fails ` +
      `with "no such column" on a migrated database. Add a migration that adds the column.`,
  );
}

function missingIndexes(
  rule: MigrationRule,
  model: ModelTable,
  table: SchemaTable,
  unreadable: UnreadableCode,
): Finding[] {
  if (table.incomplete || unreadable.mentions(model.name)) return [];
  const missing = model.indexes.filter(
    (index) =>
      index.columns.length > 0 &&
      index.columns.every((column) => table.columns.has(column)) &&
      !hasIndexOn(table, index.columns, index.unique),
  );
  return missing.map((index) => indexFinding(rule, model, index));
}

function indexFinding(rule: MigrationRule, model: ModelTable, index: ModelIndex): Finding {
  const what = index.unique ? 'a unique index' : 'an index';
  const consequence = index.unique
    ? 'the database accepts duplicates the model forbids'
    : 'lookups by it scan the whole table';
  return finding(
    rule,
    index.file,
    index.range,
    `\`${index.label}\` asks for ${what} on \`${model.name}(${index.columns.join(', ')})\` ` +
      `that no migration creates, so ${consequence}. Add a migration that creates it.`,
    [],
    'warning',
  );
}

function cannotJudge(
  rule: MigrationRule,
  context: MigrationRuleContext,
  reason: string,
): Finding[] {
  const first = context.sources.find((source) => context.reviewed(source.file));
  if (!first) return [];
  const start = { line: 0, character: 0 };
  return [
    finding(
      rule,
      first.file,
      { start, end: start },
      `Drift cannot be judged: the tables come from create_all() and are patched by scripts, so ` +
        `the schema before the first script is only known from history, but ${reason}. Run the ` +
        `review in a git checkout (or pass --since REV) to compare the models with the scripts.`,
      [],
      'information',
    ),
  ];
}
