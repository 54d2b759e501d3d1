// relationship-back-populates: `back_populates` names an attribute the related model lacks, or
// one that does not point back. SQLAlchemy raises when the mappers are configured, so the app
// fails at its first query.
import type { Finding } from '../findings/finding';
import type { IndexView, ResolvedEntity, ResolvedField } from '../index/resolved';
import type { Rule } from './rule';

const ORM_KINDS = new Set(['sqlmodel-table', 'sqlalchemy-model']);

export const relationshipBackPopulates: Rule = {
  id: 'relationship-back-populates',
  doc: 'A back_populates that names a missing or non-reciprocal relationship.',
  defaultSeverity: 'error',
  check(context) {
    const findings: Finding[] = [];
    for (const entity of context.view.entities) {
      if (!ORM_KINDS.has(entity.kind)) continue;
      for (const field of entity.fields) {
        const problem = backPopulatesProblem(context.view, entity, field);
        if (problem) findings.push({ ...problem, code: this.id, severity: this.defaultSeverity });
      }
    }
    return findings;
  },
};

function backPopulatesProblem(view: IndexView, entity: ResolvedEntity, field: ResolvedField) {
  const relationship = field.relationship;
  if (!relationship?.backPopulates || !relationship.target || field.declaredIn !== entity.id)
    return;
  const target = view.resolveEntity(entity.file, relationship.target);
  if (!target || !ORM_KINDS.has(target.kind)) return;
  const back = target.fields.find((f) => f.name === relationship.backPopulates);
  const place = { file: entity.file, range: relationship.backPopulatesRange ?? field.range };
  const targetPlace = { file: target.file, range: target.range };
  const name = `\`${entity.name}.${field.name}\``;

  if (!back) {
    return {
      ...place,
      message:
        `${name} has back_populates="${relationship.backPopulates}", but \`${target.name}\` ` +
        `has no attribute ` +
        `"${relationship.backPopulates}". SQLAlchemy raises when it configures the mappers, ` +
        `on the first ` +
        `query. Add the relationship to \`${target.name}\` or fix the name.`,
      related: [{ ...targetPlace, message: `related model \`${target.name}\`` }],
    };
  }
  const backTo = back.relationship?.backPopulates;
  // The attribute must point back by name *and* at this class, not at a same-named attribute of
  // another model.
  const backTarget =
    back.relationship?.target && view.resolveEntity(target.file, back.relationship.target);
  const pointsHere = !backTarget || backTarget.id === entity.id;
  if (back.relationship && pointsHere && (backTo === undefined || backTo === field.name)) return;
  if (back.relationship && pointsHere && isSiblingRelationship(view, entity, target, backTo))
    return;
  if (back.relationship && !pointsHere) {
    return {
      ...place,
      message:
        `${name} has back_populates="${back.name}", but \`${target.name}.${back.name}\` ` +
        `relates to ` +
        `\`${backTarget!.name}\`, not \`${entity.name}\`. SQLAlchemy raises when it ` +
        `configures the ` +
        `mappers. Point back_populates at the relationship of \`${target.name}\` that ` +
        `targets \`${entity.name}\`.`,
      related: [
        {
          file: back.declaredIn.split('#')[0],
          range: back.range,
          message: `\`${target.name}.${back.name}\``,
        },
      ],
    };
  }
  return {
    ...place,
    message:
      `${name} has back_populates="${back.name}", but \`${target.name}.${back.name}\` ` +
      `${back.relationship ? `points back to "${backTo}"` : 'is not a relationship'}. ` +
      `SQLAlchemy raises when it configures the mappers. Make the two relationships name ` +
      `each other.`,
    related: [
      {
        file: back.declaredIn.split('#')[0],
        range: back.range,
        message: `\`${target.name}.${back.name}\``,
      },
    ],
  };
}

/**
 * `Account.all_organizations` (back_populates="account") beside `Account.organizations`, the one
 * `Organization.account` names: two relationships of one class to the same model. SQLAlchemy
 * pairs each back_populates by itself and checks no reciprocity, so the extra link is valid.
 */
function isSiblingRelationship(
  view: IndexView,
  entity: ResolvedEntity,
  target: ResolvedEntity,
  name: string | undefined,
): boolean {
  const sibling = entity.fields.find((f) => f.name === name)?.relationship;
  if (!sibling?.target) return false;
  return view.resolveEntity(entity.file, sibling.target)?.id === target.id;
}
