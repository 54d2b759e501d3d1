// Questions about parsed Python annotations that fields need: is it nullable, what is inside
// `Annotated[...]` / `Mapped[...]`, which metadata calls does `Annotated` carry.
import type { Node } from 'web-tree-sitter';
import type { TypeExpr } from '../facts';
import { namedChildren } from '../syntax/nodes';
import { baseName } from './types';

/** Wrappers whose first argument is the value's type. */
const TRANSPARENT_WRAPPERS = new Set([
  'Annotated',
  'Mapped',
  'WriteOnlyMapped',
  'DynamicMapped',
  'ClassVar',
  'Final',
  'Required',
  'NotRequired',
  'ReadOnly',
  'SkipJsonSchema',
]);

/** `Mapped[Annotated[Optional[str], ...]]` → `Optional[str]`. */
export function unwrapTypeWrappers(expr: TypeExpr): TypeExpr {
  let current = expr;
  while (current.kind === 'name' && TRANSPARENT_WRAPPERS.has(baseName(current.name))) {
    const inner = current.args[0];
    if (!inner) break;
    current = inner;
  }
  return current;
}

/** `Optional[X]`, `Union[X, None]`, `X | None` and `None` may be null. */
export function isNullableType(expr: TypeExpr): boolean {
  if (expr.kind === 'literal') return expr.value === null;
  if (expr.kind === 'union') return expr.members.some(isNullableType);
  if (expr.kind !== 'name') return false;
  const name = baseName(expr.name);
  if (name === 'Optional' || name === 'None' || name === 'NoneType') return true;
  if (name === 'Union') return expr.args.some(isNullableType);
  return false;
}

/** The metadata expressions of `Annotated[T, Field(...), ...]` (everything after T). */
export function annotatedMetadata(annotation: Node | null | undefined): Node[] {
  const inner = annotation?.type === 'type' ? namedChildren(annotation)[0] : annotation;
  if (!inner) return [];
  if (inner.type === 'generic_type') {
    const [head, parameters] = namedChildren(inner);
    if (baseName(head?.text ?? '') !== 'Annotated' || !parameters) return [];
    return namedChildren(parameters).slice(1).map(withoutTypeWrapper);
  }
  if (inner.type === 'subscript') {
    if (baseName(inner.childForFieldName('value')?.text ?? '') !== 'Annotated') return [];
    return inner
      .childrenForFieldName('subscript')
      .filter((n): n is Node => !!n)
      .slice(1);
  }
  return [];
}

function withoutTypeWrapper(node: Node): Node {
  return node.type === 'type' ? (namedChildren(node)[0] ?? node) : node;
}
