// enum-values: the literal values of a paired field (an enum, a Literal, a string union) differ.
// Values the backend sends that TS lacks fall through the UI's switches; values TS sends that
// the backend lacks are rejected with 422.
import type { Finding } from '../findings/finding';
import { literalValues } from '../shapes/wire-type';
import { fieldName, fieldPlace, pairDetails, relatedField } from './describe';
import type { Rule } from './rule';

export const enumValues: Rule = {
  id: 'enum-values',
  doc: 'Enum or literal values that one side of a paired field lacks.',
  defaultSeverity: 'warning',
  check(context) {
    const findings: Finding[] = [];
    for (const comparison of context.comparisons.all()) {
      const { frontendEntity, backendEntity } = comparison;
      for (const { frontend, backend } of comparison.matches) {
        const backendValues = literalValues(backend.type);
        const frontendValues = literalValues(frontend.type);
        if (!backendValues || !frontendValues) continue;
        const response = comparison.direction === 'response';
        const missing = response
          ? backendValues.filter((v) => !frontendValues.includes(v))
          : frontendValues.filter((v) => !backendValues.includes(v));
        if (!missing.length) continue;
        const listed = missing.map((v) => JSON.stringify(v)).join(', ');
        findings.push({
          code: this.id,
          severity: this.defaultSeverity,
          ...fieldPlace(frontend.field),
          message: response
            ? `${fieldName(backendEntity, backend)} can be ${listed}, which ${fieldName(frontendEntity, frontend)} ` +
              `does not list. Code that switches on the value misses ${missing.length > 1 ? 'these cases' : 'this case'}. ` +
              `Add ${listed} to the TS type.`
            : `${fieldName(frontendEntity, frontend)} allows ${listed}, which ${fieldName(backendEntity, backend)} ` +
              `rejects with 422. Remove ${listed} from the TS type or add ${missing.length > 1 ? 'them' : 'it'} to the backend.`,
          related: [relatedField(backendEntity, backend, 'backend')],
          ...pairDetails(comparison),
        });
      }
    }
    return findings;
  },
};
