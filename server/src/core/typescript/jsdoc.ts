// Reads the JSDoc comment right before a declaration: its description and Seam's `@seam` tag,
// which pairs a frontend type with a backend model explicitly.
import type { Node } from 'web-tree-sitter';

export interface JsDoc {
  /** The description, without tags; falls back to an `@description` tag (openapi-typescript). */
  docstring?: string;
  /** `@seam backend/app/schemas.py#PartResponse` gives `backend/app/schemas.py#PartResponse`. */
  seamTag?: string;
}

/** `@seam path#Name`, also when written after the description on the same line. */
const INLINE_SEAM_TAG = /(^|\s)@seam\s+([^\s*]+)/;

/** The JSDoc comment ending on the line before `statement` (or on its first line), parsed. */
export function leadingJsDoc(statement: Node): JsDoc {
  const comment = statement.previousNamedSibling;
  if (comment?.type !== 'comment') return {};
  if (comment.endPosition.row < statement.startPosition.row - 1) return {};

  const text = comment.text;
  return text.startsWith('/**') ? parseJsDoc(text) : {};
}

export function parseJsDoc(text: string): JsDoc {
  const lines = text
    .replace(/^\/\*\*/, '')
    .replace(/\*\/$/, '')
    .split('\n')
    .map((line) => line.replace(/^\s*\*?/, '').trim());
  const firstTag = lines.findIndex((line) => line.startsWith('@'));
  const description = (firstTag < 0 ? lines : lines.slice(0, firstTag)).join('\n').trim();
  const tags = firstTag < 0 ? [] : lines.slice(firstTag);

  const result: JsDoc = {};
  const docstring = description.replace(INLINE_SEAM_TAG, '').trim() || tagText(tags, 'description');
  if (docstring) result.docstring = docstring;
  const seamTag = INLINE_SEAM_TAG.exec(text)?.[2];
  if (seamTag) result.seamTag = seamTag;
  return result;
}

/** The text of the first `@name` tag, continuation lines included. */
function tagText(tags: string[], name: string): string | undefined {
  const start = tags.findIndex((line) => line === `@${name}` || line.startsWith(`@${name} `));
  if (start < 0) return undefined;
  const continuation = tags.slice(start + 1);
  const end = continuation.findIndex((line) => line.startsWith('@'));
  const body = [
    tags[start].slice(name.length + 1),
    ...continuation.slice(0, end < 0 ? undefined : end),
  ];
  return body.join('\n').trim() || undefined;
}
