// enum-values: the literal values of a paired field (an enum, a Literal, a string union) differ.
// Values the backend sends that TS lacks fall through the UI's switches; values TS sends that
// the backend lacks are rejected with 422.
import type { Finding } from '../findings/finding';
import { PairMemo } from '../objects';
import { literalValues, type WireType } from '../shapes/wire-type';
import { fieldName, fieldPlace, pairDetails, relatedField } from './describe';
import { pausableRule, type RuleContext } from './rule';
import type { ResolvedField } from '../index/resolved';

export const enumValues = pausableRule({
  id: 'enum-values',
  doc: 'Enum or literal values that one side of a paired field lacks.',
  defaultSeverity: 'warning',
  *checkWork(context) {
    const findings: Finding[] = [];
    const reported = new Set<string>();
    for (const comparison of context.comparisons.all()) {
      yield;
      const { frontendEntity, backendEntity } = comparison;
      for (const { frontend, backend } of comparison.matches) {
        const response = comparison.direction === 'response';
        const missing = response
          ? valuesMissing(backend.type, frontend.type)
          : valuesMissing(frontend.type, backend.type);
        if (!missing?.length) continue;
        const listed = missing.map((v) => JSON.stringify(v)).join(', ');
        // A named TS enum or union is fixed where it is declared, and reported there once.
        const declared = namedValueType(context, frontend.field);
        const place = declared
          ? { file: declared.file, range: declared.range }
          : fieldPlace(frontend.field);
        const key = `${place.file}:${place.range.start.line}:${listed}`;
        if (reported.has(key)) continue;
        reported.add(key);
        findings.push({
          code: this.id,
          severity: this.defaultSeverity,
          ...place,
          message: response
            ? `${fieldName(backendEntity, backend)} can be ${listed}, which ` +
              `${fieldName(frontendEntity, frontend)} ` +
              `does not list. Code that switches on the value misses ` +
              `${missing.length > 1 ? 'these cases' : 'this case'}. ` +
              `Add ${listed} to the TS type.`
            : `${fieldName(frontendEntity, frontend)} allows ${listed}, which ` +
              `${fieldName(backendEntity, backend)} ` +
              `rejects with 422. Remove ${listed} from the TS type or add ` +
              `${missing.length > 1 ? 'them' : 'it'} to the backend.`,
          related: [relatedField(backendEntity, backend, 'backend')],
          ...pairDetails(comparison),
        });
      }
    }
    return findings;
  },
});

/**
 * The literal values `sender` may carry that `receiver` does not list; null unless both are sets
 * of literals. Kept by the two type objects, like compareWire's answers: currency and country
 * unions run to hundreds of values.
 */
function valuesMissing(sender: WireType, receiver: WireType): Literal[] | null {
  return missingValues.get(sender, receiver, (from, to) => {
    const sent = literalValues(from);
    const listed = literalValues(to);
    if (!sent || !listed) return null;
    const known = new Set(listed);
    return sent.filter((value) => !known.has(value));
  });
}

type Literal = string | number | boolean;

const missingValues = new PairMemo<WireType, WireType, Literal[] | null>();

/** The TS enum or literal-union alias a field is typed with (`status: PartStatus`), if any. */
function namedValueType(context: RuleContext, field: ResolvedField) {
  const expr =
    field.typeExpr.kind === 'union'
      ? field.typeExpr.members.find((m) => m.kind === 'name')
      : field.typeExpr;
  if (expr?.kind !== 'name' || expr.args.length) return undefined;
  const entity = context.view.resolveEntity(field.declaredIn.split('#')[0], expr.name);
  return entity?.values?.length ? entity : undefined;
}
