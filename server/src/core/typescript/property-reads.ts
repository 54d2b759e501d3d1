// The property names a TS file reads. A field counts as read when some file that can see its
// type reads a property of that name: cheap, and enough to tell "declared and used" from
// "declared only" when deciding a finding's severity. Read from the text, not the tree: a query
// over every member expression of a large file costs more than the rest of its extraction, and
// an over-inclusive list (method names, keys of object literals) only errs towards "read".
import type { FileFacts } from '../facts';

// Sticky: tried only where their first character is (see matchesFrom).
const STRING_SUBSCRIPT = /\[\s*['"]([^'"\\]+)['"]\s*\]/y;
const OBJECT_PATTERN = /\{([^{}()]*)\}\s*(?::[^=;]*)?[=)]/y;
const PATTERN_KEY = /(?:^|,)\s*(?:\.\.\.)?([A-Za-z_$][\w$]*)\s*(?=[,:=]|$)/g;

/** What `\s` matches beyond ASCII; ASCII spaces are told by their code. */
const WIDE_SPACE = /\s/;

export function extractPropertyReads(text: string, facts: FileFacts): void {
  if (facts.generated) return;
  const names = new Set<string>();
  addMemberNames(text, names);
  for (const match of matchesFrom(text, '[', STRING_SUBSCRIPT)) names.add(match[1]);
  for (const pattern of matchesFrom(text, '{', OBJECT_PATTERN)) {
    for (const key of pattern[1].matchAll(PATTERN_KEY)) names.add(key[1]);
  }
  facts.propertyReads = [...names];
}

/**
 * The matches a global search with `pattern` would find, for a sticky pattern whose matches all
 * start with `first`: it is tried at each `first` in turn, and after a match from its end. V8
 * looks for such a pattern's start far slower than `indexOf` does.
 */
function* matchesFrom(text: string, first: string, pattern: RegExp): Generator<RegExpExecArray> {
  for (let index = text.indexOf(first); index >= 0; index = text.indexOf(first, index + 1)) {
    pattern.lastIndex = index;
    const match = pattern.exec(text);
    if (!match) continue;
    yield match;
    index = pattern.lastIndex - 1;
  }
}

/**
 * The names after `.` or `?.`, spaces allowed between, in text order: what the pattern
 * `/\??\.\s*([A-Za-z_$][\w$]*)/g` finds. A scan from dot to dot costs a fraction of that
 * pattern's match objects, one per member access of the file.
 */
function addMemberNames(text: string, names: Set<string>): void {
  const length = text.length;
  for (let dot = text.indexOf('.'); dot >= 0; dot = text.indexOf('.', dot + 1)) {
    let start = dot + 1;
    while (start < length && isSpace(text, start)) start++;
    if (start >= length || !isNameStart(text.charCodeAt(start))) continue;
    let end = start + 1;
    while (end < length && isNamePart(text.charCodeAt(end))) end++;
    names.add(text.slice(start, end));
    dot = end - 1;
  }
}

/** `\s` without the `u` flag: tab to carriage return, space, and a few wide spaces. */
function isSpace(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  if (code === 32 || (code >= 9 && code <= 13)) return true;
  return code > 127 && WIDE_SPACE.test(text[index]);
}

/** `[A-Za-z_$]`. */
function isNameStart(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || code === 95 || code === 36;
}

/** `[\w$]` without the `u` flag: ASCII letters, digits, `_` and `$`. */
function isNamePart(code: number): boolean {
  return isNameStart(code) || (code >= 48 && code <= 57);
}
