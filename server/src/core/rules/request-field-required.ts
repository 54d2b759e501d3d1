// request-field-required: the request schema requires a field the TS type lacks or marks
// optional. Whenever the frontend leaves it out, the backend answers 422.
import type { Finding } from '../findings/finding';
import {
  directionPhrase,
  entityPlace,
  fieldName,
  fieldPlace,
  pairDetails,
  relatedField,
} from './describe';
import type { Rule } from './rule';

export const requestFieldRequired: Rule = {
  id: 'request-field-required',
  doc: 'A field the request schema requires that the TS type may omit.',
  defaultSeverity: 'error',
  check(context) {
    const findings: Finding[] = [];
    for (const comparison of context.comparisons.all()) {
      if (comparison.direction !== 'request') continue;
      const { frontendEntity, backendEntity } = comparison;
      for (const backendField of comparison.backendOnly.filter((field) => field.required)) {
        findings.push({
          code: this.id,
          severity: this.defaultSeverity,
          ...entityPlace(frontendEntity),
          message:
            `\`${frontendEntity.name}\` lacks "${backendField.key}", which ` +
            `${fieldName(backendEntity, backendField)} ` +
            `requires in ${directionPhrase(comparison)}. Every request built from this type ` +
            `fails with 422. ` +
            `Add the field to \`${frontendEntity.name}\`, or give it a default in the schema.`,
          related: [relatedField(backendEntity, backendField, 'required by')],
          ...pairDetails(comparison),
        });
      }
      for (const match of comparison.matches) {
        if (!match.backend.required || match.frontend.required) continue;
        const place = fieldPlace(match.frontend.field);
        findings.push({
          code: this.id,
          severity: this.defaultSeverity,
          ...place,
          message:
            `${fieldName(frontendEntity, match.frontend)} is optional in TS, but ` +
            `${fieldName(backendEntity, match.backend)} ` +
            `is required in ${directionPhrase(comparison)}. A request without it fails with 422. ` +
            `Make it required in TS, or give it a default in the schema.`,
          related: [relatedField(backendEntity, match.backend, 'required by')],
          ...pairDetails(comparison),
        });
      }
    }
    return findings;
  },
};
