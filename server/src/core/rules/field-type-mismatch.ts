// field-type-mismatch: the wire types of a paired field cannot match: what one side sends, the
// other cannot read (a number where TS expects a string, a Decimal sent as a string...).
import type { Finding, FindingFix } from '../findings/finding';
import type { ResolvedField } from '../index/resolved';
import { compareWire } from '../shapes/compare-wire';
import { typeScriptForWire } from '../shapes/wire-to-typescript';
import { describeWire } from '../shapes/wire-type';
import { fieldName, fieldPlace, pairDetails, relatedField } from './describe';
import { pausableRule } from './rule';

export const fieldTypeMismatch = pausableRule({
  id: 'field-type-mismatch',
  doc: 'A paired field whose JSON types cannot match.',
  defaultSeverity: 'error',
  *checkWork(context) {
    const findings: Finding[] = [];
    for (const comparison of context.comparisons.all()) {
      yield;
      const { frontendEntity, backendEntity } = comparison;
      for (const match of comparison.matches) {
        const mismatch = compareWire(match.backend.type, match.frontend.type, comparison.direction);
        if (!mismatch) continue;
        const place = fieldPlace(match.frontend.field);
        const wireText = typeScriptForWire(match.backend.type);
        const consequence =
          mismatch.reason ??
          (comparison.direction === 'response'
            ? 'Code written for the TS type misbehaves on the value that actually arrives'
            : 'The backend rejects the value with 422');
        findings.push({
          code: this.id,
          severity: mismatch.severity,
          ...place,
          message:
            `${fieldName(frontendEntity, match.frontend)} is ` +
            `\`${match.frontend.field.type}\` in TS, but ` +
            `${fieldName(backendEntity, match.backend)} is \`${match.backend.field.type}\`, ` +
            `which travels as ` +
            `${describeWire(match.backend.type)}. ${consequence}. ` +
            `Change the TS type to \`${wireText}\` or convert the value where it is read.`,
          related: [relatedField(backendEntity, match.backend, 'backend')],
          ...pairDetails(comparison),
          fixes: typeFix(match.frontend.field, wireText),
        });
      }
    }
    return findings;
  },
});

function typeFix(field: ResolvedField, wireText: string): FindingFix[] {
  if (!field.typeRange) return [];
  const edit = { file: field.declaredIn.split('#')[0], range: field.typeRange, newText: wireText };
  return [{ title: `Change the type to \`${wireText}\``, edits: [edit] }];
}
