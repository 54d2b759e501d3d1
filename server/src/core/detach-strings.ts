// Copies the longer strings of a file's facts out of the file's text. V8 answers `slice` and
// tree-sitter's node text with views into the parent string, so one type annotation kept in the
// index would otherwise keep its whole source file alive: on a large project that is a third of
// the index's memory.

/** Views shorter than this are copies already (V8 only makes views of 13 characters or more). */
const SHORTEST_VIEW = 13;

/** Replaces, in place, every string of `value` that may be a view by a copy of its own. */
export function detachStrings<T>(value: T): T {
  return detach(value) as T;
}

function detach(value: unknown): unknown {
  if (typeof value === 'string') return value.length < SHORTEST_VIEW ? value : copyOf(value);
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = detach(value[i]);
  } else if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    for (const key in record) record[key] = detach(record[key]);
  }
  return value;
}

/**
 * Concatenation makes a rope, and taking a substring of a rope first flattens it into a new
 * string: the result refers to that copy, one character longer than the text, not to the source.
 */
function copyOf(text: string): string {
  return (' ' + text).substring(1);
}
