// Where `index=True` would go for each unindexed ORM column of the file, for the quick fix of
// `unindexed-filter`: inside `Field(...)`, `mapped_column(...)`, `Column(...)` or a `Field`'s
// `sa_column=Column(...)`. Read from the text at each field's name: a file may hold hundreds of
// columns, and asking the tree for each would cost more than the rest of the query facts.
import type { FieldFact, FileFacts } from '../facts';
import type { ColumnIndexEditFact } from './query-facts';
import { lineEnd, statementEnd, stringEnd, type SourceText } from './query-text';

type Edit = Omit<ColumnIndexEditFact, 'className' | 'field'>;

/** Tables, and SQLModel bases whose fields become columns of the tables inheriting them. */
const COLUMN_HOLDER_KINDS = new Set(['sqlmodel-table', 'sqlalchemy-model', 'sqlmodel-model']);
const COLUMN_CALL = /^([\w.]*\.)?(Field|Column|mapped_column)\s*\(/;

export function readColumnIndexEdits(source: SourceText, facts: FileFacts): ColumnIndexEditFact[] {
  const edits: ColumnIndexEditFact[] = [];
  const imports = (name: string) =>
    facts.imports.some((statement) => statement.names.some((n) => n.alias === name));
  const makers = { Field: imports('Field'), mapped_column: imports('mapped_column') };
  for (const entity of facts.entities) {
    if (!COLUMN_HOLDER_KINDS.has(entity.kind)) continue;
    const isBase = entity.kind === 'sqlmodel-model';
    const maker = entity.kind === 'sqlalchemy-model' ? 'mapped_column' : 'Field';
    for (const field of entity.fields) {
      if (!(field.column || isBase) || field.index || field.primaryKey || field.unique) continue;
      // unindexed-filter leaves foreign keys to foreign-key-index and skips true/false columns.
      if (field.foreignKey || /^(Mapped\[)?(Optional\[)?bool\b|Boolean/.test(field.type)) continue;
      const edit = indexEdit(source, field, makers[maker] ? maker : undefined);
      if (edit) edits.push({ className: entity.name, field: field.name, ...edit });
    }
  }
  return edits;
}

/**
 * Inside the column's call; or, given the call that makes a column (`Field`, `mapped_column`),
 * a new one around a plain default (`= "a"`) or after a bare annotation (`name: str`).
 */
function indexEdit(
  source: SourceText,
  field: FieldFact,
  maker: string | undefined,
): Edit | undefined {
  const start = source.offsetAt(field.range.start);
  const text = source.text;
  if (!text.startsWith(field.name, start)) return undefined;
  const end = statementEnd(text, start);
  const equals = topLevelEquals(text, start + field.name.length, end);
  if (equals < 0) {
    if (!maker || !/:/.test(text.slice(start, end))) return undefined;
    if (maker === 'mapped_column' && !/:\s*Mapped\b/.test(text.slice(start, end))) return undefined;
    return insertAt(source, codeEnd(text, start, end), ` = ${maker}(index=True)`);
  }
  const valueStart = skipSpaces(text, equals + 1);
  const call = COLUMN_CALL.exec(text.slice(valueStart, end));
  if (call) return callEdit(source, valueStart + call[0].length - 1);
  if (!maker) return undefined;
  const valueEnd = codeEnd(text, valueStart, end);
  const value = text.slice(valueStart, valueEnd);
  return {
    range: { start: source.positionAt(valueStart), end: source.positionAt(valueEnd) },
    newText: `${maker}(default=${value}, index=True)`,
  };
}

/** `index=True` inside the call whose `(` is at `open`, or inside its `sa_column=Column(...)`. */
function callEdit(source: SourceText, open: number): Edit | undefined {
  const text = source.text;
  const args = topLevelArguments(text, open);
  if (!args) return undefined;
  for (const argument of args.list) {
    const keyword = /^(\w+)\s*=\s*/.exec(text.slice(argument.start, argument.end));
    if (keyword?.[1] === 'index') return undefined;
    if (keyword?.[1] !== 'sa_column') continue;
    const inner = COLUMN_CALL.exec(text.slice(argument.start + keyword[0].length, argument.end));
    return inner
      ? callEdit(source, argument.start + keyword[0].length + inner[0].length - 1)
      : undefined;
  }
  const last = args.lastCode;
  if (text[last] === '(') return insertAt(source, last + 1, 'index=True');
  if (text[last] === ',') return insertAt(source, last + 1, ' index=True,');
  return insertAt(source, last + 1, ', index=True');
}

interface Arguments {
  list: { start: number; end: number }[];
  /** The last character before `)` that is code (not space or comment). */
  lastCode: number;
}

/** The top-level arguments of the call whose `(` is at `open`; undefined when it never closes. */
function topLevelArguments(text: string, open: number): Arguments | undefined {
  const list: { start: number; end: number }[] = [];
  let depth = 0;
  let start = open + 1;
  let lastCode = open;
  for (let i = open; i < text.length; i++) {
    const char = text[i];
    if (char === '#') {
      i = lineEnd(text, i) - 1;
      continue;
    }
    if (char === '"' || char === "'") i = stringEnd(text, i) - 1;
    else if (char === '(' || char === '[' || char === '{') depth++;
    else if (char === ')' || char === ']' || char === '}') {
      if (--depth === 0) {
        if (text.slice(start, i).trim()) list.push(trimmed(text, start, i));
        return { list, lastCode };
      }
    } else if (char === ',' && depth === 1) {
      list.push(trimmed(text, start, i));
      start = i + 1;
    }
    if (!/\s/.test(char)) lastCode = i;
  }
  return undefined;
}

function trimmed(text: string, start: number, end: number): { start: number; end: number } {
  const slice = text.slice(start, end);
  const leading = slice.length - slice.trimStart().length;
  return { start: start + leading, end: start + slice.trimEnd().length };
}

/** The `=` of `name: Type = value` outside brackets and strings, or -1. */
function topLevelEquals(text: string, from: number, end: number): number {
  let depth = 0;
  for (let i = from; i < end; i++) {
    const char = text[i];
    if (char === '"' || char === "'") i = stringEnd(text, i) - 1;
    else if (char === '#') i = lineEnd(text, i) - 1;
    else if (char === '(' || char === '[' || char === '{') depth++;
    else if (char === ')' || char === ']' || char === '}') depth--;
    else if (char === '=' && depth === 0 && text[i + 1] !== '=') return i;
  }
  return -1;
}

/** The end of the code in `[start, end)`: before a trailing comment and spaces. */
function codeEnd(text: string, start: number, end: number): number {
  let last = start;
  for (let i = start; i < end; i++) {
    const char = text[i];
    if (char === '#') i = lineEnd(text, i) - 1;
    else {
      if (char === '"' || char === "'") i = stringEnd(text, i) - 1;
      if (!/\s/.test(text[i])) last = i + 1;
    }
  }
  return last;
}

function skipSpaces(text: string, offset: number): number {
  while (offset < text.length && (text[offset] === ' ' || text[offset] === '\t')) offset++;
  return offset;
}

function insertAt(source: SourceText, offset: number, newText: string): Edit {
  const at = source.positionAt(offset);
  return { range: { start: at, end: at }, newText };
}
