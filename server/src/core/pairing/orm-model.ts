// Which ORM model backs a schema, found by name and confirmed by fields. Schemas read from ORM
// objects (from_attributes) and schemas written into them share their field names with it.
import type { IndexView, ResolvedEntity, ResolvedField } from '../index/resolved';
import { keyOverlap, nameStem } from './name-matching';

export const ORM_KINDS: ReadonlySet<string> = new Set(['sqlmodel-table', 'sqlalchemy-model']);

/**
 * The ORM model a schema mirrors: the one model sharing its name stem (`PartResponse` → `Part`,
 * `PartModel`), confirmed by at least half of the schema's fields.
 */
export function ormModelOf(view: IndexView, schema: ResolvedEntity): ResolvedEntity | undefined {
  const candidates = ormModelsByStem(view).get(nameStem(schema.name)) ?? [];
  const confirmed = candidates.filter((model) => {
    const { shared } = keyOverlap(
      schema.fields.map((f) => f.name),
      model.fields.map((f) => f.name),
    );
    return shared * 2 >= schema.fields.length;
  });
  return confirmed.length === 1 ? confirmed[0] : undefined;
}

/** The view's concrete ORM models by name stem, gathered once per view. */
const modelsByStem = new WeakMap<IndexView, Map<string, ResolvedEntity[]>>();

function ormModelsByStem(view: IndexView): Map<string, ResolvedEntity[]> {
  let byStem = modelsByStem.get(view);
  if (!byStem) {
    byStem = new Map();
    for (const entity of view.entities) {
      if (!ORM_KINDS.has(entity.kind) || entity.abstract) continue;
      const stem = nameStem(entity.name);
      byStem.set(stem, [...(byStem.get(stem) ?? []), entity]);
    }
    modelsByStem.set(view, byStem);
  }
  return byStem;
}

/** The attributes validation may read a field from: its validation aliases, else its name. */
function attributeNames(field: ResolvedField): string[] {
  if (field.validationAliasChoices) return field.validationAliasChoices;
  return [field.validationAlias ?? field.name];
}

/** The model attribute a schema field is read from: its validation alias, else its name. */
export function ormAttributeOf(
  model: ResolvedEntity,
  field: ResolvedField,
): ResolvedField | undefined {
  const names = attributeNames(field);
  return model.fields.find((f) => names.includes(f.name));
}

/** The Pydantic schemas whose ORM model is `model`. */
export function schemasOfOrmModel(view: IndexView, model: ResolvedEntity): ResolvedEntity[] {
  const stem = nameStem(model.name);
  return view.entities.filter(
    (entity) =>
      entity.kind === 'pydantic-model' &&
      nameStem(entity.name) === stem &&
      ormModelOf(view, entity)?.id === model.id,
  );
}
