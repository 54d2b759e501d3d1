// response-field-missing: TS declares a field the paired response never sends, so the value it
// reads is always undefined. A warning where frontend code reads it, a hint where nothing does.
import type { Finding } from '../findings/finding';
import {
  directionPhrase,
  fieldName,
  fieldPlace,
  lineOf,
  pairDetails,
  relatedEntity,
} from './describe';
import { nearMiss } from './field-comparison';
import type { Rule, RuleContext } from './rule';

export const responseFieldMissing: Rule = {
  id: 'response-field-missing',
  doc: 'A TS field the paired backend response never sends.',
  defaultSeverity: 'warning',
  check(context) {
    const findings: Finding[] = [];
    for (const comparison of context.comparisons.all()) {
      if (
        comparison.direction !== 'response' ||
        comparison.backendEntity.config?.extra === 'allow'
      ) {
        continue;
      }
      const candidates = comparison.backendOnly.map((field) => field.key);
      for (const tsField of comparison.frontendOnly) {
        const { frontendEntity, backendEntity } = comparison;
        const suggestion = nearMiss(tsField.key, candidates);
        const readIn = context.reads.whereRead(frontendEntity, tsField.key);
        const place = fieldPlace(tsField.field);
        const severity = readIn && !tsField.field.optional ? 'warning' : 'hint';
        const use = readIn
          ? `Code reads it (e.g. in ${readIn}) and always gets undefined.`
          : 'Nothing reads it yet, so nothing breaks today.';
        findings.push({
          code: this.id,
          severity,
          ...place,
          message:
            `${fieldName(frontendEntity, tsField)} is never sent: ${directionPhrase(comparison)} ` +
            `(\`${backendEntity.name}\`) has no key "${tsField.key}"` +
            `${suggestion ? ` — did you mean \`${suggestion}\`?` : '.'} ${use} ` +
            `${suggestion ? `Rename it to \`${suggestion}\`` : 'Remove it from the TS type'}, or add the field to \`${backendEntity.name}\`.`,
          related: [
            relatedEntity(
              backendEntity,
              `backend ${lineOf({ file: backendEntity.file, range: backendEntity.range })}`,
            ),
          ],
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
    return findings.concat(dictResponseFindings(context, this.id));
  },
};

/** Routes returning a hand-built dict: the TS keys are checked against the dict's literal keys. */
function dictResponseFindings(context: RuleContext, code: string): Finding[] {
  const findings: Finding[] = [];
  for (const link of context.pairing.dictResponses) {
    const entity = context.view.entityById.get(link.frontend);
    if (!entity || !link.keys) continue;
    for (const field of entity.fields) {
      if (link.keys.includes(field.wireName)) continue;
      const suggestion = nearMiss(field.wireName, link.keys);
      const readIn = context.reads.whereRead(entity, field.wireName);
      findings.push({
        code,
        severity: readIn && !field.optional ? 'warning' : 'hint',
        ...fieldPlace(field),
        message:
          `${fieldName(entity, field)} is never sent: ${link.route.method} ` +
          `${link.route.fullPath} ` +
          `returns a dict with keys ${link.keys.map((k) => `"${k}"`).join(', ')}` +
          `${suggestion ? ` — did you mean \`${suggestion}\`?` : '.'} ` +
          `${readIn ? `Code reads it (e.g. in ${readIn}) and always gets undefined.` : 'Nothing reads it yet.'} ` +
          `Align the TS type with the dict, or give the route a response_model.`,
        related: [
          {
            file: link.route.file,
            range: link.route.range,
            message: `route \`${link.route.functionName}\``,
          },
        ],
        pair: { frontend: entity.id, backend: `${link.route.file}#${link.route.functionName}` },
        evidence: [`route ${link.route.method} ${link.route.fullPath}`, 'hand-built dict response'],
      });
    }
  }
  return findings;
}
