// Python string literals decoded with the source position of every character, so that a range
// the SQL parser reports inside `op.execute("ALTER TABLE ...")` maps back to the file.
import type { Node } from 'web-tree-sitter';
import type { Position } from '../facts';

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
 * f-strings with interpolations, bytes, and anything that is not a literal.
 */
export function locatedString(node: Node | null | undefined): LocatedText | undefined {
  if (!node) return undefined;
  if (node.type === 'parenthesized_expression') return locatedString(node.namedChildren[0]);
  if (node.type === 'concatenated_string') return concatenated(node);
  if (node.type !== 'string') return undefined;
  return singleString(node);
}

function concatenated(node: Node): LocatedText | undefined {
  const result: LocatedText = { text: '', positions: [] };
  for (const part of node.namedChildren) {
    if (!part || part.type === 'comment') continue;
    const piece = locatedString(part);
    if (!piece) return undefined;
    result.text += piece.text;
    result.positions.push(...piece.positions.slice(0, piece.text.length));
  }
  result.positions.push(endOf(node));
  return result;
}

function singleString(node: Node): LocatedText | undefined {
  const start = node.namedChildren.find((child) => child?.type === 'string_start');
  const prefix = (start?.text ?? '').replace(/['"]/g, '').toLowerCase();
  if (prefix.includes('b')) return undefined;
  const raw = prefix.includes('r');
  const result: LocatedText = { text: '', positions: [] };
  for (const child of node.namedChildren) {
    if (!child) continue;
    if (child.type === 'interpolation') return undefined;
    if (child.type === 'string_content') appendContent(child, raw, result);
  }
  const end = node.namedChildren.find((child) => child?.type === 'string_end');
  result.positions.push(end ? toPosition(end) : endOf(node));
  return result;
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
