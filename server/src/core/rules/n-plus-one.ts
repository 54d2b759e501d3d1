// n-plus-one: inside a loop over a query result, a lazy relationship read on each row, a query
// run for each row, or a schema or serializer (`PartRead.model_validate(part)`, `part.to_dict()`)
// that reads a lazy relationship of each row. Each costs a query per row: N rows, N+1 queries.
import type { Finding, RelatedLocation } from '../findings/finding';
import type { ResolvedEntity } from '../index/resolved';
import type { LoopCallFact, QueryLoopFact } from '../queries/query-facts';
import {
  eagerLoadFix,
  lazyRelationship,
  loadedByOptions,
  ORM_KINDS,
  type LazyRelationship,
} from './query-loading';
import type { PythonQueryFile, ResolvedQuery } from './query-workspace';
import { pausableRule, type RuleContext } from './rule';

const CODE = 'n-plus-one';
/** Pydantic calls that read every field of the schema from an ORM object. */
const SCHEMA_FROM_OBJECT = new Set(['model_validate', 'from_orm', 'parse_obj']);

/** One loop over the rows of a resolved query, with the model the rows are. */
interface RowLoop {
  facts: PythonQueryFile;
  loop: QueryLoopFact;
  query: ResolvedQuery;
  entity: ResolvedEntity;
}

export const nPlusOne = pausableRule({
  id: CODE,
  doc: 'A relationship loaded, or a query run, once per row inside a loop over a query result.',
  defaultSeverity: 'warning',
  *checkWork(context) {
    const findings = new Map<string, Finding>();
    for (const facts of context.queries.applicationFiles()) {
      yield;
      for (const loop of facts.queries.loops) {
        const rows = rowLoop(context, facts, loop);
        if (!rows) continue;
        const found = [
          ...relationshipFindings(context, rows),
          ...readerFindings(context, rows),
          ...perRowQueryFindings(context, rows),
        ];
        for (const finding of found) findings.set(findingKey(finding), finding);
      }
    }
    return [...findings.values()];
  },
});

function rowLoop(context: RuleContext, facts: PythonQueryFile, loop: QueryLoopFact) {
  const query = context.queries.resolveUse(facts.file, loop.source);
  if (!query || query.shape !== 'models' || !query.root.model) return undefined;
  const entity = context.view.resolveEntity(query.file, query.root.model);
  if (!entity || !ORM_KINDS.has(entity.kind)) return undefined;
  return { facts, loop, query, entity } satisfies RowLoop;
}

/** `part.category` for a lazy `category` the query does not load: once per attribute. */
function relationshipFindings(context: RuleContext, rows: RowLoop): Finding[] {
  const findings: Finding[] = [];
  const seen = new Set<string>();
  for (const access of rows.loop.accesses) {
    if (access.called || seen.has(access.attribute)) continue;
    seen.add(access.attribute);
    const relationship = unloadedRelationship(context, rows, access.attribute);
    if (!relationship) continue;
    const { variable } = rows.loop;
    const fix = eagerLoadFix(context.queries, rows.query, [access.attribute]);
    findings.push({
      ...baseFinding(rows, access.range, relationshipMessage(rows, variable, access.attribute)),
      related: relatedLocations(rows, relationship),
      ...(fix ? { fixes: [fix] } : {}),
    });
  }
  return findings;
}

function unloadedRelationship(
  context: RuleContext,
  rows: RowLoop,
  attribute: string,
): LazyRelationship | undefined {
  if (loadedByOptions(rows.query, attribute)) return undefined;
  return lazyRelationship(context.view, rows.entity, attribute);
}

/** A call that reads attributes of every row: a schema built from it, or a serializer. */
interface RowReader {
  /** The call as the message shows it: `PartRead.model_validate(part)`, `part.to_dict()`. */
  what: string;
  /** Why it reads them: `PartRead has fields of those names`. */
  why: string;
  attributes: string[];
}

function readerFindings(context: RuleContext, rows: RowLoop): Finding[] {
  const findings: Finding[] = [];
  for (const call of rows.loop.calls) {
    const reader = schemaReader(context, rows, call) ?? serializerReader(context, rows, call);
    const finding = reader && lazyReadFinding(context, rows, call.range, reader);
    if (finding) findings.push(finding);
  }
  for (const access of rows.loop.accesses) {
    const reader = access.called ? methodReader(context, rows, access.attribute) : undefined;
    const finding = reader && lazyReadFinding(context, rows, access.range, reader);
    if (finding) findings.push(finding);
  }
  return findings;
}

function lazyReadFinding(
  context: RuleContext,
  rows: RowLoop,
  range: Finding['range'],
  reader: RowReader,
): Finding | undefined {
  const lazy = reader.attributes.filter((name) => unloadedRelationship(context, rows, name));
  if (!lazy.length) return undefined;
  const fix = eagerLoadFix(context.queries, rows.query, lazy);
  return {
    ...baseFinding(rows, range, readerMessage(rows, reader, lazy)),
    related: relatedLocations(rows),
    ...(fix ? { fixes: [fix] } : {}),
  };
}

/** `PartRead.model_validate(part)`: every field of `PartRead` is read from the row. */
function schemaReader(context: RuleContext, rows: RowLoop, call: LoopCallFact) {
  if (call.argument !== 0) return undefined;
  const dot = call.callee.lastIndexOf('.');
  if (dot < 0 || !SCHEMA_FROM_OBJECT.has(call.callee.slice(dot + 1))) return undefined;
  const schema = context.view.resolveEntity(rows.facts.file, call.callee.slice(0, dot));
  if (schema?.kind !== 'pydantic-model' && schema?.kind !== 'sqlmodel-model') return undefined;
  return {
    what: `${call.callee}(${rows.loop.variable})`,
    why: `${schema.name} has fields of those names`,
    attributes: schema.fields.filter((field) => !field.excluded).map((field) => field.name),
  } satisfies RowReader;
}

/** `part_to_dict(part)`: a serializer function that reads attributes of its parameter. */
function serializerReader(context: RuleContext, rows: RowLoop, call: LoopCallFact) {
  if (typeof call.argument !== 'number') return undefined;
  const attributes = context.queries.serializerReads(rows.facts.file, call.callee, call.argument);
  if (!attributes) return undefined;
  const name = call.callee.slice(call.callee.lastIndexOf('.') + 1);
  return {
    what: `${call.callee}(${rows.loop.variable})`,
    why: `${name}() reads them from its argument`,
    attributes,
  } satisfies RowReader;
}

/** `part.to_dict()`: a method of the model (or a base) that reads attributes of `self`. */
function methodReader(context: RuleContext, rows: RowLoop, method: string) {
  const classes = [
    rows.entity,
    ...rows.entity.baseIds.map((id) => context.view.entityById.get(id)),
  ];
  for (const entity of classes) {
    const attributes = entity && context.queries.methodReads(entity.file, entity.name, method);
    if (!attributes || !entity) continue;
    return {
      what: `${rows.loop.variable}.${method}()`,
      why: `${entity.name}.${method}() reads them on self`,
      attributes,
    } satisfies RowReader;
  }
  return undefined;
}

/** A query run inside the loop that uses the loop variable, directly or through a function. */
function perRowQueryFindings(context: RuleContext, rows: RowLoop): Finding[] {
  const findings: Finding[] = [];
  const { facts, loop } = rows;
  for (const query of loop.queries) {
    const root = facts.queries.roots[query.root];
    if (!root?.model || !isOrmModel(context, facts.file, root.model)) continue;
    findings.push({
      ...baseFinding(rows, query.range, perRowQueryMessage(rows, `this ${root.model} query`)),
      related: relatedLocations(rows),
    });
  }
  for (const call of loop.calls) {
    const called = context.queries.resolveFunction(facts.file, call.callee);
    const inner = called && context.queries.resolveUse(called.file, called.fact.result);
    if (!called || !inner?.root.model || inner.shape === 'statement') continue;
    if (!isOrmModel(context, inner.file, inner.root.model)) continue;
    const what = `${call.callee}(), which queries ${inner.root.model},`;
    findings.push({
      ...baseFinding(rows, call.range, perRowQueryMessage(rows, what)),
      related: [
        ...relatedLocations(rows),
        {
          file: called.file,
          range: called.fact.range,
          message: 'the function that runs the query',
        },
      ],
    });
  }
  return findings;
}

function isOrmModel(context: RuleContext, file: string, model: string): boolean {
  const entity = context.view.resolveEntity(file, model);
  return !!entity && ORM_KINDS.has(entity.kind);
}

function baseFinding(rows: RowLoop, range: Finding['range'], message: string) {
  return { code: CODE, severity: 'warning' as const, file: rows.facts.file, range, message };
}

function relatedLocations(rows: RowLoop, relationship?: LazyRelationship): RelatedLocation[] {
  const related: RelatedLocation[] = [
    { file: rows.facts.file, range: rows.loop.range, message: 'the loop over the query result' },
    {
      file: rows.query.file,
      range: rows.query.root.range,
      message: `the query for ${rows.entity.name}`,
    },
  ];
  if (relationship) {
    const origin = relationship.backref ? 'created by this backref' : 'declared lazy';
    related.push({
      file: relationship.declaredBy.file,
      range: relationship.field.range,
      message: `the relationship, ${origin}`,
    });
  }
  return related;
}

function queryName(rows: RowLoop): string {
  const through = rows.query.via.length ? ` (through ${rows.query.via[0]}())` : '';
  return `the ${rows.entity.name} query${through}`;
}

function consequence(rows: RowLoop): string {
  return rows.query.awaited
    ? 'With an async session that lazy load raises MissingGreenlet; with a sync one it runs ' +
        'a query per row.'
    : 'That is one more query per row: N rows cost N+1 round trips.';
}

function relationshipMessage(rows: RowLoop, variable: string, attribute: string): string {
  return (
    `\`${variable}.${attribute}\` loads the lazy relationship ${rows.entity.name}.${attribute} ` +
    `separately for every row of ${queryName(rows)}, which does not load it eagerly. ` +
    `${consequence(rows)} Add \`.options(selectinload(${rows.entity.name}.${attribute}))\` ` +
    `to the query, or set lazy="selectin" on the relationship.`
  );
}

function readerMessage(rows: RowLoop, reader: RowReader, lazy: string[]): string {
  const names = lazy.map((name) => `${rows.entity.name}.${name}`).join(', ');
  return (
    `${reader.what} reads ${names}, lazy and not loaded by ${queryName(rows)}, for every row, ` +
    `because ${reader.why}. ${consequence(rows)} Load ${lazy.length > 1 ? 'them' : 'it'} ` +
    `with selectinload in the query.`
  );
}

function perRowQueryMessage(rows: RowLoop, what: string): string {
  return (
    `${what} runs once for every ${rows.entity.name} of ${queryName(rows)}: N rows cost N+1 ` +
    `queries. Fetch what the loop needs in one query before it (a join, a relationship loaded ` +
    `with selectinload, or an IN filter over the ids), then look the results up in the loop.`
  );
}

function findingKey(finding: Finding): string {
  const { line, character } = finding.range.start;
  return `${finding.file}:${line}:${character}`;
}
