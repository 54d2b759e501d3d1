// Copies the longer strings of a file's facts out of the file's text, and lets the facts of many
// files share one copy of each string. V8 answers `slice` and tree-sitter's node text with views
// into the parent string, so one type annotation kept in the index would otherwise keep its whole
// source file alive: on a large project that is a third of the index's memory. Sharing matters
// for facts that arrive from a worker thread, where every string is a fresh copy: 'string',
// 'Optional[int]' or 'created_at' appear thousands of times.

/** Views shorter than this are copies already (V8 only makes views of 13 characters or more). */
const SHORTEST_VIEW = 13;

/** One copy of each string seen; meant to live as long as one load of a workspace. */
export type StringPool = Map<string, string>;

/**
 * Replaces, in place, every string of `value` that may be a view by a copy of its own; with a
 * pool, by the pool's copy, so equal strings become one.
 */
export function detachStrings<T>(value: T, pool?: StringPool): T {
  return detach(value, pool) as T;
}

function detach(value: unknown, pool: StringPool | undefined): unknown {
  if (typeof value === 'string') return pool ? pooled(value, pool) : ownCopy(value);
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = detach(value[i], pool);
  } else if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    for (const key in record) record[key] = detach(record[key], pool);
  }
  return value;
}

function pooled(text: string, pool: StringPool): string {
  let shared = pool.get(text);
  if (shared === undefined) {
    shared = ownCopy(text);
    pool.set(shared, shared);
  }
  return shared;
}

/**
 * Concatenation makes a rope, and taking a substring of a rope first flattens it into a new
 * string: the result refers to that copy, one character longer than the text, not to the source.
 */
function ownCopy(text: string): string {
  return text.length < SHORTEST_VIEW ? text : (' ' + text).substring(1);
}
