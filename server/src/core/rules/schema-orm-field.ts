// schema-orm-field: a schema read from ORM objects (from_attributes / orm_mode) that a route
// answers with names an attribute its model lacks, or declares non-nullable a column that is
// nullable. Building the
// schema from such a row fails validation, so the endpoint answers 500.
import type { Finding } from '../findings/finding';
import type { IndexView, ResolvedEntity, ResolvedField } from '../index/resolved';
import { ormAttributeOf, ormModelOf } from '../pairing/orm-model';
import { likelyDirection, routeDirections } from '../pairing/route-directions';
import { isOpaqueName } from '../shapes/entity-wire';
import { pythonWireType } from '../shapes/python-wire';
import { pausableRule } from './rule';

export const schemaOrmField = pausableRule({
  id: 'schema-orm-field',
  doc: 'A field of a route-returned from_attributes schema its ORM model lacks or holds as NULL.',
  defaultSeverity: 'warning',
  *checkWork(context) {
    const findings: Finding[] = [];
    const reported = new Set<string>();
    for (const schema of context.view.entities) {
      yield;
      if (schema.kind !== 'pydantic-model' || !schema.config?.fromAttributes) continue;
      // A request body is validated from JSON, never from a row, whatever its config says.
      if (likelyDirection(context.view, schema) === 'request') continue;
      // from_attributes only says the schema may be read from objects. Without a route answering
      // with it, nothing shows that it is read from rows at all: polar builds such schemas field
      // by field (`OrganizationData(about=details.get("about"), ...)`) from a common base that
      // turns from_attributes on for every schema.
      if (!routeDirections(context.view).get(schema.id)?.has('response')) continue;
      const model = ormModelOf(context.view, schema);
      if (!model) continue;
      for (const field of schema.fields) {
        // A field inherited by several schemas is reported once, where it is declared.
        const key = `${field.declaredIn}.${field.name}`;
        if (field.excluded || field.computed || reported.has(key)) continue;
        const finding = compareWithModel(context.view, schema, model, field);
        if (!finding) continue;
        reported.add(key);
        findings.push({ ...finding, code: this.id, severity: this.defaultSeverity });
      }
    }
    return findings;
  },
});

function compareWithModel(
  view: IndexView,
  schema: ResolvedEntity,
  model: ResolvedEntity,
  field: ResolvedField,
) {
  const attribute = ormAttributeOf(model, field);
  const place = { file: field.declaredIn.split('#')[0], range: field.range };
  const modelPlace = { file: model.file, range: model.range };
  const name = `\`${schema.name}.${field.name}\``;
  if (!attribute && field.hasDefault) {
    return {
      ...place,
      message:
        `${name} is read from \`${model.name}\` objects (from_attributes), but ` +
        `\`${model.name}\` has no attribute "${field.name}", so validating a row gives ` +
        `the default (${field.defaultText ?? 'default'}) instead of real data, unless the ` +
        `route sets the field afterwards (\`model_copy(update=...)\`). Add the column or ` +
        `property to the model, or compute the value in the route.`,
      related: [{ ...modelPlace, message: `ORM model \`${model.name}\`` }],
    };
  }
  if (!attribute) {
    return {
      ...place,
      message:
        `${name} is read from \`${model.name}\` objects (from_attributes), but ` +
        `\`${model.name}\` has no ` +
        `attribute "${field.name}". Validating a row fails with "Field required", so the ` +
        `endpoint ` +
        `answers 500. Add the column or property to the model, or a default to the schema field.`,
      related: [{ ...modelPlace, message: `ORM model \`${model.name}\`` }],
    };
  }
  if (!attribute.column && !attribute.primaryKey) return;
  if (!attribute.nullable || attribute.primaryKey || field.nullable) return;
  // A column a single-table subclass adds is nullable for its siblings; its own rows hold values.
  if (view.entityById.get(attribute.declaredIn)?.singleTableChild) return;
  // `ends_at: EndsAt` with `EndsAt = Annotated[datetime | None, ...]` elsewhere: Seam cannot see
  // whether the alias allows None.
  const file = field.declaredIn.split('#')[0];
  if (
    isOpaqueName(field, pythonWireType(field.typeExpr, { file, resolveEntity: view.resolveEntity }))
  )
    return;
  return {
    ...place,
    message:
      `${name} is \`${field.type}\`, but the column \`${model.name}.${attribute.name}\` is ` +
      `nullable. A row ` +
      `holding NULL fails validation and the endpoint answers 500. Make the schema field ` +
      `Optional, or ` +
      `the column NOT NULL (with a migration).`,
    related: [
      {
        file: attribute.declaredIn.split('#')[0],
        range: attribute.range,
        message: 'nullable column',
      },
    ],
  };
}
