// Copies of objects that the index keeps by the thousand.
//
// Node 20's V8 gives most objects made by spreading (`{ ...field, declaredIn }`) a hidden class
// of their own instead of sharing one: each copy then costs several times its size (a field of
// the view ~280 bytes instead of ~60) and makes every property read on such objects slow. A
// copy made by Object.assign shares its hidden class with the others of its shape. Use this
// where the copies live as long as the index; a spread is fine for short-lived values.

/** `{ ...base, ...extra }`, with a shared hidden class. Keys are the facts' own, never a user's. */
export function extend<T extends object, U extends object>(base: T, extra: U): T & U {
  return Object.assign({}, base, extra);
}

/** Whether two lists are as long and `same` holds for the items at each place. */
export function sameList<T>(
  a: readonly T[],
  b: readonly T[],
  same: (x: T, y: T) => boolean,
): boolean {
  return a.length === b.length && a.every((item, i) => same(item, b[i]));
}

/** Whether two lists hold the very same objects in the same order. */
export function sameItems<T>(a: readonly T[], b: readonly T[]): boolean {
  return sameList(a, b, (x, y) => x === y);
}

/**
 * Values computed from two objects and nothing else, kept while both objects live: the index
 * hands unchanged objects from one check to the next, and so do the caches keyed by them.
 */
export class PairMemo<A extends object, B extends object, V> {
  private readonly byFirst = new WeakMap<A, WeakMap<B, V>>();

  get(a: A, b: B, compute: (a: A, b: B) => V): V {
    let bySecond = this.byFirst.get(a);
    if (!bySecond) this.byFirst.set(a, (bySecond = new WeakMap()));
    if (bySecond.has(b)) return bySecond.get(b) as V;
    const value = compute(a, b);
    bySecond.set(b, value);
    return value;
  }
}
