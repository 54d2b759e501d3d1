// Replaces generic type parameters in a TypeExpr (`T` in `data: T`) with concrete arguments.
import type { FieldFact, TypeExpr } from '../facts';
import { extend } from '../objects';

export function substituteType(expr: TypeExpr, bindings: ReadonlyMap<string, TypeExpr>): TypeExpr {
  if (!bindings.size) return expr;
  switch (expr.kind) {
    case 'name': {
      const bound = expr.args.length === 0 ? bindings.get(expr.name) : undefined;
      if (bound) return bound;
      return { ...expr, args: expr.args.map((arg) => substituteType(arg, bindings)) };
    }
    case 'union':
      return { kind: 'union', members: expr.members.map((m) => substituteType(m, bindings)) };
    case 'array':
      return { kind: 'array', element: substituteType(expr.element, bindings) };
    case 'tuple':
      return { kind: 'tuple', elements: expr.elements.map((e) => substituteType(e, bindings)) };
    case 'object':
      return {
        ...expr,
        fields: expr.fields.map((field) => substituteField(field, bindings)),
        indexValue: expr.indexValue && substituteType(expr.indexValue, bindings),
      };
    default:
      return expr;
  }
}

export function substituteField<F extends FieldFact>(
  field: F,
  bindings: ReadonlyMap<string, TypeExpr>,
): F {
  if (!bindings.size) return field;
  return extend(field, { typeExpr: substituteType(field.typeExpr, bindings) });
}

export function bindTypeParams(params: string[], args: TypeExpr[]): Map<string, TypeExpr> {
  const bindings = new Map<string, TypeExpr>();
  params.forEach((param, i) => {
    if (args[i]) bindings.set(param, args[i]);
  });
  return bindings;
}

/** Source-like text of a TypeExpr, for messages and JSON (`list[Part] | None`, `Part[]`). */
export function typeText(expr: TypeExpr, language: 'python' | 'typescript'): string {
  switch (expr.kind) {
    case 'name':
      if (!expr.args.length) return expr.name;
      return language === 'python'
        ? `${expr.name}[${expr.args.map((a) => typeText(a, language)).join(', ')}]`
        : `${expr.name}<${expr.args.map((a) => typeText(a, language)).join(', ')}>`;
    case 'union':
      return expr.members.map((m) => typeText(m, language)).join(' | ');
    case 'literal':
      if (expr.value === null) return language === 'python' ? 'None' : 'null';
      return typeof expr.value === 'string' ? JSON.stringify(expr.value) : String(expr.value);
    case 'array':
      return `${typeText(expr.element, language)}[]`;
    case 'tuple':
      return `[${expr.elements.map((e) => typeText(e, language)).join(', ')}]`;
    case 'object':
      return `{ ${expr.fields.map((f) => `${f.name}: ${typeText(f.typeExpr, language)}`).join('; ')} }`;
    case 'unknown':
      return expr.text;
  }
}
