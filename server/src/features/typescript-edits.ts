// Text edits on one TS property, interface member or zod key, computed from its line: add or
// remove `| null` (`.nullable()` for zod) and the optional mark `?` (`.optional()` for zod).
// Properties whose type spans several lines get no edit.
import type { TextEdit } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Range } from '../core/facts';

interface MemberValue {
  document: TextDocument;
  /** Offsets of the type (or zod expression) after the colon. */
  start: number;
  end: number;
  text: string;
  zod: boolean;
}

function memberValue(source: string, nameRange: Range): MemberValue | undefined {
  const document = TextDocument.create('', 'typescript', 0, source);
  let colon = document.offsetAt(nameRange.end);
  while (
    source[colon] === '?' ||
    source[colon] === ' ' ||
    source[colon] === "'" ||
    source[colon] === '"'
  )
    colon++;
  if (source[colon] !== ':') return undefined;
  let start = colon + 1;
  while (source[start] === ' ') start++;
  const end = valueEnd(source, start);
  if (end === undefined || end <= start) return undefined;
  const text = source.slice(start, end);
  return { document, start, end, text, zod: /^z\s*\./.test(text) };
}

/** The end of a type or expression: the `;` or `,` at depth 0, or the end of the line. */
function valueEnd(source: string, start: number): number | undefined {
  let depth = 0;
  let i = start;
  for (; i < source.length && source[i] !== '\n'; i++) {
    const char = source[i];
    if (char === '/' && source[i + 1] === '/') break;
    if ('([{<'.includes(char)) depth++;
    else if (')]}>'.includes(char) && source[i - 1] !== '=') depth--;
    else if ((char === ';' || char === ',') && depth === 0) break;
    if (depth < 0) return i;
  }
  if (depth > 0) return undefined;
  while (i > start && /\s/.test(source[i - 1])) i--;
  return i;
}

export function addNull(source: string, nameRange: Range): TextEdit | undefined {
  const value = memberValue(source, nameRange);
  if (!value || /\bnull\b|\.nullable\(|\.nullish\(/.test(value.text)) return undefined;
  if (value.zod) return replace(value, value.end, value.end, '.nullable()');
  if (/=>/.test(value.text))
    return replace(value, value.start, value.end, `(${value.text}) | null`);
  return replace(value, value.end, value.end, ' | null');
}

export function removeNull(source: string, nameRange: Range): TextEdit | undefined {
  const value = memberValue(source, nameRange);
  if (!value) return undefined;
  const without = value.zod
    ? value.text.replace(/\.nullable\(\)/g, '').replace(/\.nullish\(\)/g, '.optional()')
    : value.text.replace(/\s*\|\s*null\b/g, '').replace(/\bnull\s*\|\s*/g, '');
  return without === value.text ? undefined : replace(value, value.start, value.end, without);
}

/** Drops `?` after the name, or `.optional()` from a zod key. */
export function removeOptional(source: string, nameRange: Range): TextEdit | undefined {
  const document = TextDocument.create('', 'typescript', 0, source);
  let mark = document.offsetAt(nameRange.end);
  if (source[mark] === "'" || source[mark] === '"') mark++;
  if (source[mark] === '?') {
    const range = { start: document.positionAt(mark), end: document.positionAt(mark + 1) };
    return { range, newText: '' };
  }
  const value = memberValue(source, nameRange);
  if (!value?.zod || !value.text.includes('.optional()')) return undefined;
  return replace(value, value.start, value.end, value.text.replace(/\.optional\(\)/g, ''));
}

function replace(value: MemberValue, start: number, end: number, newText: string): TextEdit {
  const { document } = value;
  return { range: { start: document.positionAt(start), end: document.positionAt(end) }, newText };
}
