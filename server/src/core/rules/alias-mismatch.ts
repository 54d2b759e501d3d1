// alias-mismatch: TS uses the Python attribute name where the wire uses the alias (or the
// reverse). The key never matches: reads give undefined, writes are dropped.
import type { Finding } from '../findings/finding';
import { directionPhrase, fieldName, fieldPlace, pairDetails, relatedField } from './describe';
import type { Rule } from './rule';

export const aliasMismatch: Rule = {
  id: 'alias-mismatch',
  doc: 'A TS key that uses the Python name where the wire uses the alias.',
  defaultSeverity: 'warning',
  check(context) {
    const findings: Finding[] = [];
    for (const comparison of context.comparisons.all()) {
      const { frontendEntity, backendEntity } = comparison;
      for (const { frontend, backend, byPythonName } of comparison.matches) {
        if (!byPythonName) continue;
        const place = fieldPlace(frontend.field);
        const effect =
          comparison.direction === 'response'
            ? 'so the TS key is always undefined'
            : 'and the schema does not accept the Python name (no populate_by_name), so the value is dropped';
        findings.push({
          code: this.id,
          severity: this.defaultSeverity,
          ...place,
          message:
            `${fieldName(frontendEntity, frontend)} uses the Python name, but ` +
            `${directionPhrase(comparison)} ` +
            `carries ${fieldName(backendEntity, backend)} as "${backend.key}" (its alias), ` +
            `${effect}. ` +
            `Rename the TS field to \`${backend.key}\`.`,
          related: [relatedField(backendEntity, backend, 'aliased field')],
          ...pairDetails(comparison),
          fixes: [
            {
              title: `Use the alias \`${backend.key}\``,
              preferred: true,
              edits: [{ ...place, newText: backend.key }],
            },
          ],
        });
      }
    }
    return findings;
  },
};
