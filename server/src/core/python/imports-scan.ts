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
