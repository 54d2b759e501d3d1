// Python string literals decoded with the source position of every character, so that a range
// the SQL parser reports inside `op.execute("ALTER TABLE ...")` maps back to the file.
import type { Node } from 'web-tree-sitter';
import type { Position } from '../facts';
import { inCleanTree } from '../syntax/nodes';

export interface LocatedText {
  text: string;
  /** `positions[i]` is where `text[i]` came from; one extra entry holds the end. */
  positions: Position[];
}

const SIMPLE_ESCAPES: Record<string, string> = {
  n: '\n',
  t: '\t',
  r: '\r',
  '\\': '\\',
  "'": "'",
  '"': '"',
  '\n': '',
  a: '\u0007',
  b: '\b',
  f: '\f',
  v: '\v',
  '0': '\0',
};

/**
 * The value of a plain or implicitly concatenated string literal, with positions; undefined for
 * f-strings with interpolations, bytes, and anything that is not a literal. A caller that has
 * read the node's type already passes it: every read crosses into wasm.
 */
export function locatedString(
  node: Node | null | undefined,
  type = node?.type,
): LocatedText | undefined {
  if (!node) return undefined;
  if (type === 'parenthesized_expression') return locatedString(node.namedChildren[0]);
  if (type === 'concatenated_string') return concatenated(node);
  if (type !== 'string') return undefined;
  return plainString(node) ?? singleString(node);
}

/** A one-line literal with no prefix, escape or quote inside: `"parts"`, `'id'`. */
const PLAIN_STRING = /^(["'])([^"'\\\n\r]*)\1$/;

/**
 * Most strings in a migration are plain names, read here from their text: one call into wasm
 * instead of a dozen for their parts. Each character sits one column after the previous one,
 * which is what the reading by parts gives. In a tree with an error anywhere the text may not be
 * what the node holds, so such trees are always read by parts.
 */
function plainString(node: Node): LocatedText | undefined {
  const match = PLAIN_STRING.exec(node.text);
  if (!match || !inCleanTree(node)) return undefined;
  const text = match[2];
  const { row, column } = node.startPosition;
  const positions: Position[] = [];
  for (let offset = 0; offset <= text.length; offset++) {
    positions.push({ line: row, character: column + 1 + offset });
  }
  return { text, positions };
}

function concatenated(node: Node): LocatedText | undefined {
  const result: LocatedText = { text: '', positions: [] };
  for (const part of node.namedChildren) {
    const type = part?.type;
    if (!part || type === 'comment') continue;
    const piece = locatedString(part, type);
    if (!piece) return undefined;
    result.text += piece.text;
    result.positions.push(...piece.positions.slice(0, piece.text.length));
  }
  result.positions.push(endOf(node));
  return result;
}

function singleString(node: Node): LocatedText | undefined {
  const parts = typedChildren(node);
  const start = parts.find((part) => part.type === 'string_start')?.node;
  const prefix = (start?.text ?? '').replace(/['"]/g, '').toLowerCase();
  if (prefix.includes('b')) return undefined;
  const raw = prefix.includes('r');
  const result: LocatedText = { text: '', positions: [] };
  for (const part of parts) {
    if (part.type === 'interpolation') return undefined;
    if (part.type === 'string_content') appendContent(part.node, raw, result);
  }
  const end = parts.find((part) => part.type === 'string_end')?.node;
  result.positions.push(end ? toPosition(end) : endOf(node));
  return result;
}

/** Named children with their types, each read once. */
function typedChildren(node: Node): { node: Node; type: string }[] {
  const parts: { node: Node; type: string }[] = [];
  for (const child of node.namedChildren) if (child) parts.push({ node: child, type: child.type });
  return parts;
}

/** Copies a string_content node's characters, decoding its escape_sequence children. */
function appendContent(content: Node, raw: boolean, result: LocatedText): void {
  const text = content.text;
  const escapes = raw ? [] : content.namedChildren.filter((c) => c?.type === 'escape_sequence');
  let escapeIndex = 0;
  let position = toPosition(content);
  for (let offset = 0; offset < text.length;) {
    const escape = escapes[escapeIndex];
    if (escape && escape.startIndex - content.startIndex === offset) {
      for (const char of decodeEscape(escape.text)) pushChar(result, char, position);
      position = advance(position, escape.text);
      offset += escape.text.length;
      escapeIndex++;
      continue;
    }
    pushChar(result, text[offset], position);
    position = advance(position, text[offset]);
    offset++;
  }
}

function pushChar(result: LocatedText, char: string, position: Position): void {
  result.text += char;
  result.positions.push(position);
}

function decodeEscape(escape: string): string {
  const body = escape.slice(1);
  if (body in SIMPLE_ESCAPES) return SIMPLE_ESCAPES[body];
  if (/^[xuU][0-9a-fA-F]+$/.test(body)) return String.fromCodePoint(parseInt(body.slice(1), 16));
  if (/^[0-7]{1,3}$/.test(body)) return String.fromCharCode(parseInt(body, 8));
  return escape;
}

function advance(position: Position, text: string): Position {
  let { line, character } = position;
  for (const char of text) {
    if (char === '\n') {
      line++;
      character = 0;
    } else character += char.length;
  }
  return { line, character };
}

function toPosition(node: Node): Position {
  return { line: node.startPosition.row, character: node.startPosition.column };
}

function endOf(node: Node): Position {
  return { line: node.endPosition.row, character: node.endPosition.column };
}

/** Positions for text read from a file as a whole (`.sql` files). */
export function locatedFileText(text: string): LocatedText {
  const positions: Position[] = [];
  let position: Position = { line: 0, character: 0 };
  for (let offset = 0; offset < text.length; offset++) {
    positions.push(position);
    position = advance(position, text[offset]);
  }
  positions.push(position);
  return { text, positions };
}
