// field-nullability: the backend may send null where TS does not allow it (the UI then calls a
// method on null), or TS may send null where the schema does not accept it (422).
import type { Finding, FindingFix } from '../findings/finding';
import type { ResolvedField } from '../index/resolved';
import type { WireField } from '../shapes/entity-wire';
import { fieldName, fieldPlace, pairDetails, relatedField } from './describe';
import type { Rule } from './rule';

export const fieldNullability: Rule = {
  id: 'field-nullability',
  doc: 'null allowed on one side of a paired field and not on the other.',
  defaultSeverity: 'warning',
  check(context) {
    const findings: Finding[] = [];
    for (const comparison of context.comparisons.all()) {
      const { frontendEntity, backendEntity } = comparison;
      for (const { frontend, backend } of comparison.matches) {
        if (isUntyped(frontend) || isUntyped(backend)) continue;
        const response = comparison.direction === 'response';
        if (
          response ? !backend.nullable || frontend.nullable : !frontend.nullable || backend.nullable
        ) {
          continue;
        }
        const place = fieldPlace(frontend.field);
        const message = response
          ? `${fieldName(backendEntity, backend)} may be null (\`${backend.field.type}\`), but ` +
            `${fieldName(frontendEntity, frontend)} is \`${frontend.field.type}\`. Code that ` +
            `uses the value ` +
            `without a null check throws on such a record. Add \`| null\` to the TS type and ` +
            `handle it.`
          : `${fieldName(frontendEntity, frontend)} may be null, but ` +
            `${fieldName(backendEntity, backend)} ` +
            `(\`${backend.field.type}\`) does not accept null: such a request fails with 422. ` +
            `Send a value or omit the key, or make the schema field Optional.`;
        findings.push({
          code: this.id,
          severity: this.defaultSeverity,
          ...place,
          message,
          related: [relatedField(backendEntity, backend, 'backend')],
          ...pairDetails(comparison),
          fixes: response ? addNullFix(frontend.field) : [],
        });
      }
    }
    return findings;
  },
};

function isUntyped(field: WireField): boolean {
  return field.type.kind === 'any';
}

function addNullFix(field: ResolvedField): FindingFix[] {
  if (!field.typeRange) return [];
  const file = field.declaredIn.split('#')[0];
  const end = field.typeRange.end;
  return [
    {
      title: 'Add `| null`',
      preferred: true,
      edits: [{ file, range: { start: end, end }, newText: ' | null' }],
    },
  ];
}
