// field-optionality: TS marks optional a field every response carries. Harmless, but it forces
// needless undefined checks and hides real absences; a hint.
import type { Finding } from '../findings/finding';
import { fieldName, fieldPlace, pairDetails, relatedField } from './describe';
import type { Rule } from './rule';

export const fieldOptionality: Rule = {
  id: 'field-optionality',
  doc: 'A TS field marked optional that every response carries.',
  defaultSeverity: 'hint',
  check(context) {
    const findings: Finding[] = [];
    for (const comparison of context.comparisons.all()) {
      // Generated clients mark defaulted fields optional (OpenAPI's `required` omits them); the
      // user cannot change generated code, so the hint would only be noise there.
      if (comparison.direction !== 'response' || comparison.frontendEntity.generated) continue;
      const { frontendEntity, backendEntity } = comparison;
      for (const { frontend, backend } of comparison.matches) {
        if (frontend.required || backend.nullable) continue;
        findings.push({
          code: this.id,
          severity: this.defaultSeverity,
          ...fieldPlace(frontend.field),
          message:
            `${fieldName(frontendEntity, frontend)} is optional in TS, but every response ` +
            `carries ` +
            `${fieldName(backendEntity, backend)}. The \`?\` only adds undefined checks. ` +
            `Make it required.`,
          related: [relatedField(backendEntity, backend, 'backend')],
          ...pairDetails(comparison),
        });
      }
    }
    return findings;
  },
};
