// Cheap text scans that tell the extractors where in a file their queries can match, so a query
// visits a few slices of the tree instead of every node of it.
export interface TextRange {
  startIndex: number;
  endIndex: number;
}

/**
 * The spans of `text` around each match of `pattern` (which must be global), merged when they
 * are closer than `gap` characters. Indices are UTF-16, like tree-sitter's here.
 */
export function rangesAround(text: string, pattern: RegExp, gap: number, offset = 0): TextRange[] {
  const ranges: TextRange[] = [];
  for (const match of text.matchAll(pattern)) {
    const startIndex = offset + match.index;
    const endIndex = startIndex + match[0].length;
    const last = ranges[ranges.length - 1];
    if (last && startIndex - last.endIndex < gap) last.endIndex = endIndex;
    else ranges.push({ startIndex, endIndex });
  }
  return ranges;
}

/**
 * Offsets of `word` standing alone (what `/\bword\b/g` finds, for a word of ASCII word
 * characters). Searching the literal and checking both ends is a few times faster than the
 * regular expression, which tries a word boundary at every position of the file.
 */
export function wordOffsets(text: string, word: string): number[] {
  const offsets: number[] = [];
  for (let i = text.indexOf(word); i >= 0; i = text.indexOf(word, i + 1)) {
    const after = i + word.length;
    if ((i === 0 || !isWordCode(text.charCodeAt(i - 1))) && !isWordCode(text.charCodeAt(after))) {
      offsets.push(i);
    }
  }
  return offsets;
}

/** `[A-Za-z0-9_]`, the characters `\b` counts as word characters without the `u` flag. */
function isWordCode(code: number): boolean {
  return (
    (code >= 48 && code <= 57) ||
    (code >= 65 && code <= 90) ||
    (code >= 97 && code <= 122) ||
    code === 95
  );
}
