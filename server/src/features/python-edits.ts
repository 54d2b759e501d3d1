// Text edits inside a Python field's statement, computed from the document text around the
// field's line: add a keyword to its Field(...)/mapped_column(...)/Column(...) call, put a
// column name first in that call, or give the field an alias. Simple one-statement cases only:
// when the text does not look as expected no edit is offered.
import type { TextEdit } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Range } from '../core/facts';

const FIELD_CALL = /\b(Field|mapped_column|Column)\s*\(/y;

interface CallSpan {
  callee: string;
  /** Offsets of the call's parentheses. */
  open: number;
  close: number;
}

/** The field's Field(...)/mapped_column(...)/Column(...) call after its `=`. */
export function fieldCall(text: string, nameRange: Range): CallSpan | undefined {
  const document = TextDocument.create('', 'python', 0, text);
  const start = document.offsetAt(nameRange.end);
  const equals = statementEquals(text, start);
  if (equals === undefined) return undefined;
  for (let i = equals + 1; i < text.length && text[i] !== '\n'; i++) {
    if (!/[\w]/.test(text[i]) || (i > 0 && /\w/.test(text[i - 1]))) continue;
    FIELD_CALL.lastIndex = i;
    const match = FIELD_CALL.exec(text);
    if (!match) continue;
    const open = i + match[0].length - 1;
    const close = closingParen(text, open);
    return close === undefined ? undefined : { callee: match[1], open, close };
  }
  return undefined;
}

/** The offset of the `=` that starts the field's value, on the field's own line. */
function statementEquals(text: string, from: number): number | undefined {
  let depth = 0;
  for (let i = from; i < text.length && text[i] !== '\n'; i++) {
    const char = text[i];
    if (char === '[' || char === '(') depth++;
    else if (char === ']' || char === ')') depth--;
    else if (char === '#') return undefined;
    else if (char === '=' && depth === 0 && text[i + 1] !== '=') return i;
  }
  return undefined;
}

/** The matching `)` of the `(` at `open`, skipping strings, comments and nested brackets. */
export function closingParen(text: string, open: number): number | undefined {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const char = text[i];
    if (char === '#') i = lineEnd(text, i) - 1;
    else if (char === '"' || char === "'") i = stringEnd(text, i) - 1;
    else if ('([{'.includes(char)) depth++;
    else if (')]}'.includes(char) && --depth === 0) return i;
  }
  return undefined;
}

function stringEnd(text: string, start: number): number {
  const quote = text.startsWith(text[start].repeat(3), start) ? text[start].repeat(3) : text[start];
  for (let i = start + quote.length; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text.startsWith(quote, i)) return i + quote.length;
    else if (quote.length === 1 && text[i] === '\n') return i;
  }
  return text.length;
}

function lineEnd(text: string, from: number): number {
  const end = text.indexOf('\n', from);
  return end < 0 ? text.length : end;
}

/** Adds `keyword` (`index=True`) as the call's last argument. */
export function addKeywordArgument(text: string, call: CallSpan, keyword: string): TextEdit {
  const document = TextDocument.create('', 'python', 0, text);
  const inner = text.slice(call.open + 1, call.close);
  if (!inner.trim()) return insertAt(document, call.open + 1, keyword, call.close);
  let last = call.close - 1;
  while (/\s/.test(text[last])) last--;
  const insertion = text[last] === ',' ? ` ${keyword},` : `, ${keyword}`;
  return insertAt(document, last + 1, insertion);
}

/** Puts a column name first in a mapped_column(...)/Column(...) call. */
export function addColumnName(text: string, call: CallSpan, column: string): TextEdit {
  const document = TextDocument.create('', 'python', 0, text);
  const empty = !text.slice(call.open + 1, call.close).trim();
  const insertion = empty ? JSON.stringify(column) : `${JSON.stringify(column)}, `;
  return insertAt(document, call.open + 1, insertion, empty ? call.close : undefined);
}

/** True when the call's first argument is already a string (an explicit column name). */
export function hasColumnName(text: string, call: CallSpan): boolean {
  return /^\s*[rbuRBU]?["']/.test(text.slice(call.open + 1, call.close));
}

/**
 * Gives a field an alias: into its Field(...) call, or by turning `= default` into
 * `= Field(default=default, alias=...)`, or by adding `= Field(alias=...)`.
 */
export function addFieldAlias(text: string, nameRange: Range, alias: string): TextEdit | undefined {
  const keyword = `alias=${JSON.stringify(alias)}`;
  const call = fieldCall(text, nameRange);
  if (call) return call.callee === 'Field' ? addKeywordArgument(text, call, keyword) : undefined;
  const document = TextDocument.create('', 'python', 0, text);
  const from = document.offsetAt(nameRange.end);
  const end = codeEnd(text, from);
  const equals = statementEquals(text, from);
  if (equals === undefined) return insertAt(document, end, ` = Field(${keyword})`);
  const value = text.slice(equals + 1, end).trim();
  if (!value || /[([{]$/.test(value) || value.endsWith('\\')) return undefined;
  const valueStart = text.indexOf(value, equals + 1);
  return {
    range: { start: document.positionAt(valueStart), end: document.positionAt(end) },
    newText: `Field(default=${value}, ${keyword})`,
  };
}

/** The end of the code on a line: before a trailing comment and trailing spaces. */
function codeEnd(text: string, from: number): number {
  let end = lineEnd(text, from);
  for (let i = from; i < end; i++) {
    if (text[i] === '"' || text[i] === "'") i = stringEnd(text, i) - 1;
    else if (text[i] === '#') end = i;
  }
  while (end > from && /\s/.test(text[end - 1])) end--;
  return end;
}

/** An edit adding `Field` to the module's pydantic/sqlmodel import, when it is not imported. */
export function importFieldEdit(
  text: string,
  module: 'pydantic' | 'sqlmodel',
): TextEdit | undefined {
  const imports = [...text.matchAll(/^from\s+(pydantic|sqlmodel)\s+import\s+(\([^)]*\)|[^\n]*)/gm)];
  if (imports.some((m) => /\bField\b/.test(m[2]))) return undefined;
  const document = TextDocument.create('', 'python', 0, text);
  const existing = imports.find((m) => m[1] === module && !m[2].startsWith('('));
  if (existing) {
    const end = codeEnd(text, existing.index!);
    return insertAt(document, end, ', Field');
  }
  return insertAt(document, afterImports(text), `from ${module} import Field\n`);
}

/** The offset just after the module's last top-level import statement (0 when none). */
function afterImports(text: string): number {
  let offset = 0;
  for (const match of text.matchAll(
    /^(from\s+\S+\s+import\s+(\([^)]*\)|[^\n]*)|import\s[^\n]*)\n?/gm,
  )) {
    offset = match.index! + match[0].length;
  }
  return offset;
}

function insertAt(document: TextDocument, offset: number, newText: string, end = offset): TextEdit {
  return {
    range: { start: document.positionAt(offset), end: document.positionAt(end) },
    newText,
  };
}
