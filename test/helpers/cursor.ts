// Test helper: a fixture workspace on disk, indexed by a real SeamSession, with one cursor mark
// `/*|*/` in one file. The mark is removed before indexing; its position is returned.
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { SeamSession } from '../../server/src/session/seam-session';
import { dedent } from './facts';

export const CURSOR_MARK = '/*|*/';

export interface Cursor {
  file: string;
  uri: string;
  position: { line: number; character: number };
}

export interface CursorWorkspace {
  session: SeamSession;
  root: string;
  /** Where the mark was; throws when no file had one. */
  cursor: Cursor;
  uri(file: string): string;
  /** A file's text as indexed (without the mark). */
  text(file: string): string;
  /** Replaces the root's file URI and path with `<root>` so output is stable across runs. */
  normalise(value: unknown): string;
  dispose(): void;
}

export async function workspaceWithCursor(
  files: Record<string, string>,
  settings?: unknown,
): Promise<CursorWorkspace> {
  const root = mkdtempSync(join(tmpdir(), 'seam-editor-'));
  const texts = new Map<string, string>();
  let cursor: Cursor | undefined;
  for (const [file, raw] of Object.entries(files)) {
    const { text, position } = takeCursor(dedent(raw));
    if (position) cursor = { file, uri: fileUri(root, file), position };
    texts.set(file, text);
    mkdirSync(dirname(join(root, file)), { recursive: true });
    writeFileSync(join(root, file), texts.get(file)!);
  }
  const session = new SeamSession();
  if (settings !== undefined) session.applySettings(settings);
  await session.addRoot(root);
  return {
    session,
    root,
    get cursor() {
      if (!cursor) throw new Error(`no ${CURSOR_MARK} mark in the fixture`);
      return cursor;
    },
    uri: (file) => fileUri(root, file),
    text: (file) => texts.get(file) ?? '',
    normalise: (value) => normalise(root, value),
    dispose: () => rmSync(root, { recursive: true, force: true }),
  };
}

function fileUri(root: string, file: string): string {
  return pathToFileURL(join(root, file)).toString();
}

/** A text without its cursor mark, and where the mark was (undefined without one). */
export function takeCursor(marked: string): {
  text: string;
  position?: { line: number; character: number };
} {
  const at = marked.indexOf(CURSOR_MARK);
  if (at < 0) return { text: marked };
  return { text: marked.replace(CURSOR_MARK, ''), position: positionAt(marked, at) };
}

function positionAt(text: string, offset: number) {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length - 1, character: before[before.length - 1].length };
}

function normalise(root: string, value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value, null, 2);
  return text
    .split(pathToFileURL(root).toString())
    .join('file:///<root>')
    .split(root)
    .join('<root>');
}

/**
 * The files with the cursor mark put just before the first `needle` in `file` (plus `offset`
 * characters into it), for tables of cases over one fixture.
 */
export function markCursor(
  files: Record<string, string>,
  file: string,
  needle: string,
  offset = 0,
): Record<string, string> {
  const text = files[file];
  const at = text?.indexOf(needle) ?? -1;
  if (at < 0) throw new Error(`"${needle}" not found in ${file}`);
  const marked = text.slice(0, at + offset) + CURSOR_MARK + text.slice(at + offset);
  return { ...files, [file]: marked };
}
