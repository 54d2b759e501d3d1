// The property names a TS file reads. A field counts as read when some file that can see its
// type reads a property of that name: cheap, and enough to tell "declared and used" from
// "declared only" when deciding a finding's severity. Read from the text, not the tree: a query
// over every member expression of a large file costs more than the rest of its extraction, and
// an over-inclusive list (method names, keys of object literals) only errs towards "read".
import type { FileFacts } from '../facts';

const MEMBER_ACCESS = /\??\.\s*([A-Za-z_$][\w$]*)/g;
const STRING_SUBSCRIPT = /\[\s*['"]([^'"\\]+)['"]\s*\]/g;
const OBJECT_PATTERN = /\{([^{}()]*)\}\s*(?::[^=;]*)?[=)]/g;
const PATTERN_KEY = /(?:^|,)\s*(?:\.\.\.)?([A-Za-z_$][\w$]*)\s*(?=[,:=]|$)/g;

export function extractPropertyReads(text: string, facts: FileFacts): void {
  if (facts.generated) return;
  const names = new Set<string>();
  for (const match of text.matchAll(MEMBER_ACCESS)) names.add(match[1]);
  for (const match of text.matchAll(STRING_SUBSCRIPT)) names.add(match[1]);
  for (const pattern of text.matchAll(OBJECT_PATTERN)) {
    for (const key of pattern[1].matchAll(PATTERN_KEY)) names.add(key[1]);
  }
  facts.propertyReads = [...names];
}
