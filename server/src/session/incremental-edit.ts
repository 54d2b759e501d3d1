// Turns an LSP content change into a tree-sitter edit, so the tree of an open document can be
// reparsed incrementally (tree.edit, then parse with the old tree).
import { Edit, type Point } from 'web-tree-sitter';

export interface TextRangeChange {
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  text: string;
}

/** The edit for replacing `change.range` of `oldText` with `change.text`. */
export function editForChange(oldText: string, change: TextRangeChange): Edit {
  const startIndex = offsetAt(oldText, change.range.start);
  const oldEndIndex = offsetAt(oldText, change.range.end);
  const startPosition = pointAt(change.range.start);
  const oldEndPosition = pointAt(change.range.end);
  const newEndPosition = endPointAfterInsert(startPosition, change.text);
  return new Edit({
    startIndex,
    oldEndIndex,
    newEndIndex: startIndex + change.text.length,
    startPosition,
    oldEndPosition,
    newEndPosition,
  });
}

function pointAt(position: { line: number; character: number }): Point {
  return { row: position.line, column: position.character };
}

function endPointAfterInsert(start: Point, text: string): Point {
  const lines = text.split(/\r\n|\r|\n/);
  if (lines.length === 1) return { row: start.row, column: start.column + text.length };
  return { row: start.row + lines.length - 1, column: lines[lines.length - 1].length };
}

/** UTF-16 offset of a position, clamped to the text like LSP clients expect. */
export function offsetAt(text: string, position: { line: number; character: number }): number {
  let offset = 0;
  for (let line = 0; line < position.line; line++) {
    const next = text.indexOf('\n', offset);
    if (next < 0) return text.length;
    offset = next + 1;
  }
  const lineEnd = text.indexOf('\n', offset);
  const end = lineEnd < 0 ? text.length : lineEnd;
  return Math.min(offset + position.character, end);
}

export function applyChange(text: string, change: TextRangeChange): string {
  const start = offsetAt(text, change.range.start);
  const end = offsetAt(text, change.range.end);
  return text.slice(0, start) + change.text + text.slice(end);
}
