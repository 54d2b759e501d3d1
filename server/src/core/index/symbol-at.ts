// What a position in a file points at, in terms of the index: an entity's name, one of its own
// fields, or a type name used there that resolves to an entity (`api.get<Part>`).
import type { Position, Range } from '../facts';
import type { IndexView, ResolvedEntity, ResolvedField } from './resolved';

export type SymbolAt =
  | { kind: 'entity'; entity: ResolvedEntity; range: Range; declaration: boolean }
  | { kind: 'field'; entity: ResolvedEntity; field: ResolvedField; range: Range };

const byFileCache = new WeakMap<IndexView, Map<string, ResolvedEntity[]>>();

/** The entities declared in a file, from a per-view cache. */
export function entitiesInFile(view: IndexView, file: string): ResolvedEntity[] {
  let byFile = byFileCache.get(view);
  if (!byFile) {
    byFile = new Map();
    for (const entity of view.entities) {
      const list = byFile.get(entity.file);
      if (list) list.push(entity);
      else byFile.set(entity.file, [entity]);
    }
    byFileCache.set(view, byFile);
  }
  return byFile.get(file) ?? [];
}

/** The declaration at `position`, else the type name under it when `text` is given. */
export function symbolAt(
  view: IndexView,
  file: string,
  position: Position,
  text?: string,
): SymbolAt | undefined {
  for (const entity of entitiesInFile(view, file)) {
    if (contains(entity.range, position))
      return { kind: 'entity', entity, range: entity.range, declaration: true };
    const field = entity.fields.find(
      (f) => f.declaredIn === entity.id && contains(f.range, position),
    );
    if (field) return { kind: 'field', entity, field, range: field.range };
  }
  return text === undefined ? undefined : typeNameAt(view, file, position, text);
}

function typeNameAt(
  view: IndexView,
  file: string,
  position: Position,
  text: string,
): SymbolAt | undefined {
  const word = wordAt(text, position);
  if (!word || !/^[A-Z]/.test(word.text)) return undefined;
  const entity = view.resolveEntity(file, word.text);
  return entity ? { kind: 'entity', entity, range: word.range, declaration: false } : undefined;
}

/** The identifier under a position, with its range on that line. */
export function wordAt(
  text: string,
  position: Position,
): { text: string; range: Range } | undefined {
  const line = lineAt(text, position.line);
  if (line === undefined) return undefined;
  let start = position.character;
  let end = position.character;
  while (start > 0 && /[\w$]/.test(line[start - 1])) start--;
  while (end < line.length && /[\w$]/.test(line[end])) end++;
  if (start === end) return undefined;
  return {
    text: line.slice(start, end),
    range: {
      start: { line: position.line, character: start },
      end: { line: position.line, character: end },
    },
  };
}

/** One line of a text without its line break, or undefined past the end. */
export function lineAt(text: string, line: number): string | undefined {
  let start = 0;
  for (let i = 0; i < line; i++) {
    const next = text.indexOf('\n', start);
    if (next < 0) return undefined;
    start = next + 1;
  }
  const end = text.indexOf('\n', start);
  return text.slice(start, end < 0 ? text.length : end).replace(/\r$/, '');
}

export function contains(range: Range, position: Position): boolean {
  const afterStart =
    position.line > range.start.line ||
    (position.line === range.start.line && position.character >= range.start.character);
  const beforeEnd =
    position.line < range.end.line ||
    (position.line === range.end.line && position.character <= range.end.character);
  return afterStart && beforeEnd;
}
