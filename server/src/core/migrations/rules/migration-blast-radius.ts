// migration-blast-radius: for a column or table an upgrade drops or renames, the API schemas that
// still read it (schemas named after the table's model: `Part` → `PartRead`, `PartCreate`) and
// the frontend types paired with them that still carry the wire key.
import type { Range } from '../../facts';
import type { Finding, RelatedLocation } from '../../findings/finding';
import type { IndexView, ResolvedEntity } from '../../index/resolved';
import { nameStem } from '../../pairing/name-matching';
import type { Pairing } from '../../pairing/pairs';
import type { Schema } from '../schema';
import type { Operation } from '../types';
import {
  columnName,
  finding,
  reviewedSteps,
  type MigrationRule,
  type MigrationRuleContext,
} from './rule';

const SCHEMA_KINDS = new Set(['pydantic-model', 'sqlmodel-model']);

export const migrationBlastRadius: MigrationRule = {
  id: 'migration-blast-radius',
  doc: 'API schemas and frontend types that still read a dropped or renamed column or table.',
  defaultSeverity: 'warning',
  check(context) {
    const findings: Finding[] = [];
    for (const step of reviewedSteps(context)) {
      const change = removedName(step.operation, step.replay.before);
      if (!change || stillThere(change, step.replay.after)) continue;
      const model = modelOf(context, change.table, change.newTable);
      if (!model) continue;
      const readers = change.column
        ? columnReaders(context.view, context.pairing(), model, change.column)
        : tableReaders(context.view, model);
      if (!readers.length) continue;
      const what = change.column
        ? columnName(change.table, change.column)
        : `table \`${change.table}\``;
      findings.push(
        finding(
          this,
          step.operation.file,
          step.operation.range,
          `${change.verb} ${what}, which ${readerNames(readers)} still read. Once it is gone ` +
            `they fail validation or show empty values. Update them in the same change.`,
          readers.map((reader) => reader.location),
        ),
      );
    }
    return findings;
  },
};

/** `PartRead.sku` and the frontend's `PartRead.sku`, from the related locations. */
function readerNames(readers: Reader[]): string {
  const names = readers.map((reader) => reader.name);
  const shown = names.slice(0, 4);
  const rest = names.length > 4 ? [`${names.length - 4} more`] : [];
  const all = [...shown, ...rest];
  return all.length > 1 ? `${all.slice(0, -1).join(', ')} and ${all[all.length - 1]}` : all[0];
}

/** A declaration that still reads the name, and how the message names it. */
interface Reader {
  name: string;
  location: RelatedLocation;
}

interface RemovedName {
  verb: string;
  table: string;
  column?: string;
  newTable?: string;
}

function removedName(operation: Operation, before: Schema): RemovedName | undefined {
  switch (operation.kind) {
    case 'drop_column':
      return before.get(operation.table)?.columns.has(operation.column)
        ? { verb: 'Drops', table: operation.table, column: operation.column }
        : undefined;
    case 'alter_column':
      return operation.newName && operation.newName !== operation.column
        ? { verb: 'Renames', table: operation.table, column: operation.column }
        : undefined;
    case 'drop_table':
      return before.has(operation.table) ? { verb: 'Drops', table: operation.table } : undefined;
    case 'rename_table':
      return { verb: 'Renames', table: operation.table, newTable: operation.newName };
  }
  return undefined;
}

/** A column dropped and replaced under the same name within the revision is not gone. */
function stillThere(change: RemovedName, after: Schema): boolean {
  const table = after.get(change.table);
  return change.column ? !!table?.columns.has(change.column) : !!table;
}

/** The ORM model of the table (under its new name after a rename). */
function modelOf(
  context: MigrationRuleContext,
  table: string,
  newTable?: string,
): ResolvedEntity | undefined {
  const model = context.models.get(table) ?? (newTable ? context.models.get(newTable) : undefined);
  return model?.entities[0];
}

/** Schemas named after the model that are not ORM tables themselves. */
function schemasOf(view: IndexView, model: ResolvedEntity): ResolvedEntity[] {
  const stem = nameStem(model.name);
  return view.entities.filter(
    (entity) =>
      SCHEMA_KINDS.has(entity.kind) && entity.id !== model.id && nameStem(entity.name) === stem,
  );
}

function columnReaders(
  view: IndexView,
  pairing: Pairing,
  model: ResolvedEntity,
  column: string,
): Reader[] {
  // The model may map the column to another attribute name; schemas read that name.
  const attribute = model.fields.find((field) => field.column === column && field.name !== column);
  const name = attribute?.name ?? column;
  const readers: Reader[] = [];
  for (const schema of schemasOf(view, model)) {
    const field = schema.fields.find((f) => f.name === name && !f.excluded && !f.computed);
    if (!field) continue;
    const label = `\`${schema.name}.${field.name}\``;
    readers.push(reader(label, field.declaredIn.split('#')[0], field.range));
    readers.push(...frontendReaders(view, pairing, schema.id, field.wireName));
  }
  return dedupe(readers);
}

function tableReaders(view: IndexView, model: ResolvedEntity): Reader[] {
  return schemasOf(view, model).map((schema) =>
    reader(`\`${schema.name}\``, schema.file, schema.range),
  );
}

/** Frontend types paired with a backend schema that carry the wire key. */
function frontendReaders(
  view: IndexView,
  pairing: Pairing,
  backend: string,
  wireName: string,
): Reader[] {
  const readers: Reader[] = [];
  for (const pair of pairing.pairs) {
    if (pair.backend !== backend) continue;
    const frontend = view.entityById.get(pair.frontend);
    const field = frontend?.fields.find((f) => f.wireName === wireName);
    if (!frontend || !field) continue;
    const label = `the frontend's \`${frontend.name}.${field.name}\``;
    readers.push(reader(label, field.declaredIn.split('#')[0], field.range));
  }
  return readers;
}

function reader(name: string, file: string, range: Range): Reader {
  return { name, location: { file, range, message: `${name} reads it` } };
}

function dedupe(readers: Reader[]): Reader[] {
  const seen = new Set<string>();
  return readers.filter(({ location }) => {
    const key = `${location.file}:${location.range.start.line}:${location.range.start.character}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
