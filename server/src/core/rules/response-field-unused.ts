// response-field-unused: the backend sends fields the paired TS type does not declare. Nothing
// breaks, but the data is invisible to the frontend; one hint per pair lists them all.
import type { Finding } from '../findings/finding';
import type { WireField } from '../shapes/entity-wire';
import { typeScriptForWire } from '../shapes/wire-to-typescript';
import { directionPhrase, entityPlace, pairDetails, relatedEntity } from './describe';
import type { Rule } from './rule';

export const responseFieldUnused: Rule = {
  id: 'response-field-unused',
  doc: 'Backend response fields the paired TS type does not declare.',
  defaultSeverity: 'hint',
  check(context) {
    const findings: Finding[] = [];
    for (const comparison of context.comparisons.all()) {
      const { frontendEntity, backendEntity } = comparison;
      const backendOnly = comparison.backendOnly.filter(
        (field) => !frontendEntity.generated || !hiddenFromJsonSchema(field),
      );
      if (comparison.direction !== 'response' || !backendOnly.length || comparison.pair.envelope)
        continue;
      const keys = backendOnly.map((field) => `\`${field.key}\``);
      const place = entityPlace(frontendEntity);
      const insertAt = frontendEntity.fullRange.end;
      const canInsert = frontendEntity.kind === 'ts-interface';
      const lines = backendOnly.map(
        (field) => `  ${field.key}: ${typeScriptForWire(field.type)};\n`,
      );
      findings.push({
        code: this.id,
        severity: this.defaultSeverity,
        ...place,
        message:
          `\`${frontendEntity.name}\` does not declare ${keys.join(', ')}, which ` +
          `${directionPhrase(comparison)} ` +
          `(\`${backendEntity.name}\`) sends. The data arrives but the frontend cannot see ` +
          `it in its types. ` +
          `Add the fields if the UI needs them.`,
        related: [relatedEntity(backendEntity, 'backend')],
        ...pairDetails(comparison),
        fixes: canInsert
          ? [
              {
                title: `Add ${backendOnly.length === 1 ? keys[0] : `${backendOnly.length} fields`} to \`${frontendEntity.name}\``,
                edits: [
                  {
                    file: frontendEntity.file,
                    range: {
                      start: { line: insertAt.line, character: insertAt.character - 1 },
                      end: { line: insertAt.line, character: insertAt.character - 1 },
                    },
                    newText: lines.join(''),
                  },
                ],
              },
            ]
          : [],
      });
    }
    return findings;
  },
};

/**
 * `SkipJsonSchema[...]` keeps a field out of the OpenAPI document but not out of responses: a
 * client generated from the document never declares it, and regenerating will not add it.
 */
function hiddenFromJsonSchema({ field }: WireField): boolean {
  return SKIP_JSON_SCHEMA.test(field.type);
}

const SKIP_JSON_SCHEMA = /^(?:Annotated\[\s*)?(?:\w+\.)*SkipJsonSchema\[/;
