// How a relationship of an ORM model gets loaded: its own `lazy=` setting, a backref declared on
// the other class, and the loader options of a query; and the quick fix that loads it eagerly.
import type { FindingEdit, FindingFix } from '../findings/finding';
import type { IndexView, ResolvedEntity, ResolvedField } from '../index/resolved';
import type { PythonQueryFile, QueryWorkspace, ResolvedQuery } from './query-workspace';

export const ORM_KINDS = new Set(['sqlmodel-table', 'sqlalchemy-model']);

/** `lazy=` values that load with the parent, or refuse to load lazily (`raise`). */
const NOT_PER_ROW_LAZY = new Set([
  'selectin',
  'joined',
  'subquery',
  'immediate',
  'raise',
  'raise_on_sql',
  'noload',
  'dynamic',
  'write_only',
]);
/** Loader options that settle how a relationship is loaded, so no lazy load happens per row. */
const SETTLING_STRATEGIES = new Set([
  'selectinload',
  'joinedload',
  'subqueryload',
  'immediateload',
  'contains_eager',
  'raiseload',
  'noload',
]);

export interface LazyRelationship {
  /** The entity and field that declare it: the model's own field, or a backref's origin. */
  declaredBy: ResolvedEntity;
  field: ResolvedField;
  /** Reached through `backref=` on the other class. */
  backref: boolean;
}

const backrefsByView = new WeakMap<IndexView, Map<string, LazyRelationship>>();

/** The relationship `attribute` of `entity` when it loads one query per row; else undefined. */
export function lazyRelationship(
  view: IndexView,
  entity: ResolvedEntity,
  attribute: string,
): LazyRelationship | undefined {
  const field = entity.fields.find((f) => f.name === attribute);
  if (field) {
    if (!field.relationship || NOT_PER_ROW_LAZY.has(field.relationship.lazy ?? ''))
      return undefined;
    return { declaredBy: entity, field, backref: false };
  }
  return backrefs(view).get(`${entity.id}#${attribute}`);
}

/**
 * Every lazy `backref="parts"` in the workspace, by the entity and name it creates; a
 * `backref("parts", lazy="selectin")` that loads with its parent is left out.
 */
function backrefs(view: IndexView): Map<string, LazyRelationship> {
  let map = backrefsByView.get(view);
  if (map) return map;
  map = new Map();
  for (const entity of view.entities) {
    if (!ORM_KINDS.has(entity.kind)) continue;
    for (const field of entity.fields) {
      const relationship = field.relationship;
      if (!relationship?.backref || !relationship.target) continue;
      if (NOT_PER_ROW_LAZY.has(relationship.backrefLazy ?? '')) continue;
      const target = view.resolveEntity(entity.file, relationship.target);
      if (target)
        map.set(`${target.id}#${relationship.backref}`, {
          declaredBy: entity,
          field,
          backref: true,
        });
    }
  }
  backrefsByView.set(view, map);
  return map;
}

/** True when the query's options load `attribute` (or everything) with the rows. */
export function loadedByOptions(query: ResolvedQuery, attribute: string): boolean {
  if (query.unknownOptions) return true;
  return query.loaders.some((loader) => {
    const first = loader.steps[0];
    return (
      !!first &&
      (first.attribute === attribute || first.attribute === '*') &&
      SETTLING_STRATEGIES.has(first.strategy)
    );
  });
}

/** `.options(selectinload(Part.category))` right after `select(Part)`, and its import. */
export function eagerLoadFix(
  queries: QueryWorkspace,
  query: ResolvedQuery,
  attributes: string[],
): FindingFix | undefined {
  const model = query.root.model;
  const at = query.root.optionsAt;
  if (!model || !at || !attributes.length) return undefined;
  const loads = attributes.map((attribute) => `selectinload(${model}.${attribute})`).join(', ');
  const edits: FindingEdit[] = [
    { file: query.file, range: { start: at, end: at }, newText: `.options(${loads})` },
  ];
  const facts = queries.fileFacts(query.file);
  const importEdit = facts ? selectinloadImport(facts) : undefined;
  let title = `Load ${attributes.map((a) => `${model}.${a}`).join(', ')} with selectinload`;
  if (importEdit === undefined) title += ' (import selectinload from sqlalchemy.orm)';
  if (importEdit) edits.push(importEdit);
  return { title, edits, preferred: true };
}

/**
 * A line `from sqlalchemy.orm import selectinload` after the file's last top-level import;
 * null when the file already imports it, undefined when there is no import to follow.
 */
function selectinloadImport(facts: PythonQueryFile): FindingEdit | null | undefined {
  const imported = facts.imports.some((statement) =>
    statement.names.some((name) => name.alias === 'selectinload'),
  );
  if (imported) return null;
  const topLevel = facts.imports.filter((statement) => statement.range.start.character === 0);
  const last = topLevel.sort((a, b) => b.range.end.line - a.range.end.line)[0];
  if (!last) return undefined;
  const at = { line: last.range.end.line + 1, character: 0 };
  return {
    file: facts.file,
    range: { start: at, end: at },
    newText: 'from sqlalchemy.orm import selectinload\n',
  };
}
