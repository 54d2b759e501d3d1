// Cheap looks at a file's text that decide whether a candidate deserves a look at the tree:
// asking the tree crosses into wasm for every node, reading the text does not.
import type { Position } from '../facts';

/** Text of an expression that builds, refines or runs a query. */
export const QUERY_CHAIN = new RegExp(
  '\\bselect\\s*\\(|\\.get\\(\\s*[A-Z]|\\.\\s*(query|exec|execute|scalars|scalar|all|first|one|' +
    'one_or_none|scalar_one|scalar_one_or_none|where|filter|filter_by|options|order_by|limit|' +
    'unique)\\s*\\(',
);

/** `name = ...` / `name: Type = ...` at the start of a line. */
const ASSIGNMENT = /(^|\n)[ \t]*([A-Za-z_]\w*)[ \t]*(:[^=\n]*)?=(?!=)/g;
/** `def name` / `class Name` (the line start is checked apart: that keeps the search fast). */
const HEADER = /\b(def|class)[ \t]+(\w+)/g;

/** A `def` or `class` line: where its block starts and how deep it is indented. */
export interface HeaderText {
  kind: 'def' | 'class';
  name: string;
  nameOffset: number;
  indent: number;
}

/** Scanned statements longer than this are cut: their start tells enough. */
const MAX_STATEMENT = 4000;

export interface AssignmentText {
  nameOffset: number;
  valueOffset: number;
  /** Whether the value has a call / a query chain, read on first use. */
  hasCall?: boolean;
  hasQuery?: boolean;
}

/** A file's text with the indexes the query extractor needs, built on first use. */
export class SourceText {
  private assignmentsByName: Map<string, AssignmentText[]> | undefined;
  private lineStarts: number[] | undefined;
  private headers: HeaderText[] | undefined;

  constructor(readonly text: string) {}

  /** The text of the statement starting at `offset`, to the end of its logical line. */
  statement(offset: number, limit = MAX_STATEMENT): string {
    return this.text.slice(offset, statementEnd(this.text, offset, limit));
  }

  /** Every `name = ...` line in the file, in order. */
  assignments(name: string): AssignmentText[] {
    this.assignmentsByName ??= indexAssignments(this.text);
    return this.assignmentsByName.get(name) ?? [];
  }

  /** `name = <something with a call>` before `offset`: the name may hold a query. */
  assignedFromCallBefore(offset: number, name: string): boolean {
    return this.assignments(name).some((a) => {
      if (a.valueOffset >= offset) return false;
      a.hasCall ??= this.statement(a.valueOffset, 400).includes('(');
      return a.hasCall;
    });
  }

  /** `name = <a query chain>` before `offset`. */
  assignedFromQueryBefore(offset: number, name: string): boolean {
    return this.assignments(name).some((a) => {
      if (a.valueOffset >= offset) return false;
      a.hasQuery ??= QUERY_CHAIN.test(this.statement(a.valueOffset));
      return a.hasQuery;
    });
  }

  /**
   * The `def` whose body holds `offset`, found by indentation: the nearest header above with a
   * smaller indent than the line of `offset`. Undefined at module level (or in a class body).
   */
  enclosingFunction(offset: number): HeaderText | undefined {
    const header = this.enclosingHeader(offset, this.indentAt(offset));
    return header?.kind === 'def' ? header : undefined;
  }

  /** The file's `def` and `class` lines, in order. */
  headerList(): HeaderText[] {
    this.headers ??= indexHeaders(this.text);
    return this.headers;
  }

  /** The names of every function and method the file defines. */
  functionNames(): string[] {
    return this.headerList()
      .filter((header) => header.kind === 'def')
      .map((header) => header.name);
  }

  /** The class a `def` header belongs to, when it is a method. */
  classOf(method: HeaderText): HeaderText | undefined {
    const header = this.enclosingHeader(method.nameOffset, method.indent);
    return header?.kind === 'class' ? header : undefined;
  }

  private enclosingHeader(offset: number, indent: number): HeaderText | undefined {
    this.headers ??= indexHeaders(this.text);
    for (let i = this.lastHeaderBefore(offset); i >= 0; i--) {
      if (this.headers[i].indent < indent) return this.headers[i];
    }
    return undefined;
  }

  private lastHeaderBefore(offset: number): number {
    const headers = this.headers ?? [];
    let low = 0;
    let high = headers.length - 1;
    let found = -1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      if (headers[middle].nameOffset < offset) [found, low] = [middle, middle + 1];
      else high = middle - 1;
    }
    return found;
  }

  /** The indentation of the line holding `offset`. */
  indentAt(offset: number): number {
    const lineStart = this.text.lastIndexOf('\n', offset - 1) + 1;
    let end = lineStart;
    while (this.text[end] === ' ' || this.text[end] === '\t') end++;
    return end - lineStart;
  }

  offsetAt(position: Position): number {
    return (this.starts()[position.line] ?? this.text.length) + position.character;
  }

  positionAt(offset: number): Position {
    const starts = this.starts();
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (starts[middle] <= offset) low = middle;
      else high = middle - 1;
    }
    return { line: low, character: offset - starts[low] };
  }

  private starts(): number[] {
    if (!this.lineStarts) {
      this.lineStarts = [0];
      for (let i = this.text.indexOf('\n'); i >= 0; i = this.text.indexOf('\n', i + 1)) {
        this.lineStarts.push(i + 1);
      }
    }
    return this.lineStarts;
  }
}

/** All `name = ...` lines of the file by name, in one pass over the text. */
function indexAssignments(text: string): Map<string, AssignmentText[]> {
  const byName = new Map<string, AssignmentText[]>();
  for (const match of text.matchAll(ASSIGNMENT)) {
    const name = match[2];
    const entry = {
      nameOffset: (match.index ?? 0) + match[0].indexOf(name, match[1].length),
      valueOffset: (match.index ?? 0) + match[0].length,
    };
    const list = byName.get(name);
    if (list) list.push(entry);
    else byName.set(name, [entry]);
  }
  return byName;
}

/** The file's `def` and `class` lines; a keyword not at the start of a line is skipped. */
function indexHeaders(text: string): HeaderText[] {
  const headers: HeaderText[] = [];
  for (const match of text.matchAll(HEADER)) {
    const keyword = match.index ?? 0;
    const lineStart = text.lastIndexOf('\n', keyword - 1) + 1;
    const before = text.slice(lineStart, keyword);
    if (!/^[ \t]*(async[ \t]+)?$/.test(before)) continue;
    headers.push({
      kind: match[1] as 'def' | 'class',
      name: match[2],
      nameOffset: keyword + match[0].length - match[2].length,
      indent: before.length - before.trimStart().length,
    });
  }
  return headers;
}

/** Where the logical line starting at `offset` ends: the newline outside brackets. */
export function statementEnd(text: string, offset: number, limit = MAX_STATEMENT): number {
  const end = Math.min(text.length, offset + limit);
  let depth = 0;
  for (let i = offset; i < end; i++) {
    const char = text[i];
    if (char === '"' || char === "'") i = stringEnd(text, i) - 1;
    else if (char === '#') i = lineEnd(text, i) - 1;
    else if (char === '(' || char === '[' || char === '{') depth++;
    else if (char === ')' || char === ']' || char === '}') depth = Math.max(0, depth - 1);
    else if (char === '\\' && text[i + 1] === '\n') i++;
    else if (char === '\n' && depth === 0) return i;
  }
  return end;
}

/** The index after the string literal opening at `start` (single, double or triple quoted). */
export function stringEnd(text: string, start: number): number {
  const quote = text[start];
  const closing = text.startsWith(quote.repeat(3), start) ? quote.repeat(3) : quote;
  for (let i = start + closing.length; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text.startsWith(closing, i)) return i + closing.length;
    else if (closing.length === 1 && text[i] === '\n') return i;
  }
  return text.length;
}

export function lineEnd(text: string, offset: number): number {
  const end = text.indexOf('\n', offset);
  return end < 0 ? text.length : end;
}
