// request-field-unknown: TS sends a key the request schema does not declare. Pydantic drops it
// silently (the value is lost), or rejects the request with 422 when the schema forbids extras.
import type { Finding } from '../findings/finding';
import { directionPhrase, fieldName, fieldPlace, pairDetails, relatedEntity } from './describe';
import { nearMiss } from './field-comparison';
import { pausableRule } from './rule';

export const requestFieldUnknown = pausableRule({
  id: 'request-field-unknown',
  doc: 'A key TS sends that the request schema does not declare.',
  defaultSeverity: 'warning',
  *checkWork(context) {
    const findings: Finding[] = [];
    // TS types that are also read from a route's answer.
    const echoed = new Set(
      context.pairing.pairs.filter((pair) => pair.direction !== 'request').map((p) => p.frontend),
    );
    for (const comparison of context.comparisons.all()) {
      yield;
      if (comparison.direction !== 'request') continue;
      const { frontendEntity, backendEntity } = comparison;
      const forbids = backendEntity.config?.extra === 'forbid';
      if (backendEntity.config?.extra === 'allow') continue;
      const candidates = comparison.backendOnly.map((field) => field.key);
      // A response type sent back to an update route carries read-only keys (ids, timestamps)
      // that are meant to be dropped: worth a hint, not a warning.
      const echoesResponse = echoed.has(frontendEntity.id);
      for (const tsField of comparison.frontendOnly) {
        const suggestion = nearMiss(tsField.key, candidates);
        const place = fieldPlace(tsField.field);
        const effect = forbids
          ? `\`${backendEntity.name}\` forbids extra keys, so the request fails with 422.`
          : `Pydantic ignores unknown keys, so the value is silently dropped.`;
        findings.push({
          code: this.id,
          severity: forbids ? 'error' : echoesResponse ? 'hint' : 'warning',
          ...place,
          message:
            `${fieldName(frontendEntity, tsField)} is sent in ` +
            `${directionPhrase(comparison)}, but ` +
            `\`${backendEntity.name}\` has no field "${tsField.key}"${suggestion ? ` — did you mean \`${suggestion}\`?` : '.'} ` +
            `${effect} ${suggestion ? `Rename it to \`${suggestion}\`` : `Add the field to \`${backendEntity.name}\``} or stop sending it.`,
          related: [relatedEntity(backendEntity, 'request schema')],
          ...pairDetails(comparison),
          fixes: suggestion
            ? [
                {
                  title: `Rename to \`${suggestion}\``,
                  preferred: true,
                  edits: [{ ...place, newText: suggestion }],
                },
              ]
            : [],
        });
      }
    }
    return findings;
  },
});
