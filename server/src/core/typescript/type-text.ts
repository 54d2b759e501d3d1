// Reads the common, simple TypeScript types from their text alone: names, dotted names, generics,
// arrays, string/number/boolean/null literals, unions or intersections of those, and
// openapi-typescript's `components["schemas"]["Part"]` lookups. Every node access crosses into
// wasm, and generated clients hold tens of thousands of such fields, so this reader spares the
// tree walk. It gives exactly the TypeExpr that parseTsType gives for the same (error-free) text,
// and undefined for anything else (newlines, comments, parentheses, object and function types,
// keywords), which the caller then reads from the tree.
import type { TypeExpr } from '../facts';
import { unquote } from '../syntax/nodes';

/** Nesting deeper than this is left to the tree reader, which has its own depth limit. */
const MAX_DEPTH = 40;

/**
 * Reserved and contextual words: as a type, each is a keyword type or starts a syntax of its own,
 * so of these only NAMED_KEYWORDS (and `null`, `true`, `false`) are read here.
 */
const KEYWORDS = new Set([
  ...['abstract', 'any', 'as', 'asserts', 'async', 'await', 'bigint', 'boolean', 'break', 'case'],
  ...['catch', 'class', 'const', 'constructor', 'continue', 'debugger', 'declare', 'default'],
  ...['delete', 'do', 'else', 'enum', 'export', 'extends', 'false', 'finally', 'for', 'from'],
  ...['function', 'get', 'global', 'if', 'implements', 'import', 'in', 'infer', 'instanceof'],
  ...['interface', 'is', 'keyof', 'let', 'module', 'namespace', 'never', 'new', 'null', 'number'],
  ...['object', 'of', 'out', 'override', 'package', 'private', 'protected', 'public', 'readonly'],
  ...['require', 'return', 'satisfies', 'set', 'static', 'string', 'super', 'switch', 'symbol'],
  ...['this', 'throw', 'true', 'try', 'type', 'typeof', 'undefined', 'unique', 'unknown', 'var'],
  ...['void', 'while', 'with', 'yield', 'accessor'],
]);

/** Keywords that name a type by themselves: the tree reader gives `{ kind: 'name' }` for them. */
const NAMED_KEYWORDS = new Set([
  ...['any', 'number', 'boolean', 'string', 'symbol', 'void', 'unknown', 'never', 'object'],
  ...['bigint', 'undefined'],
]);

interface Token {
  kind: 'word' | 'string' | 'number' | 'punctuation';
  text: string;
  start: number;
  end: number;
}

const WORD = /[A-Za-z_$][\w$]*/y;
const NUMBER = /-?\d+(?:\.\d+)?(?![\w$.])/y;
const STRING = /'[^'\\\n]*'|"[^"\\\n]*"/y;
const PUNCTUATION = new Set(['.', '<', '>', ',', '[', ']', '|', '&']);

/** The tokens of a type written on one line without comments, or undefined. */
function tokenize(text: string): Token[] | undefined {
  const tokens: Token[] = [];
  let index = 0;
  while (index < text.length) {
    const char = text[index];
    if (char === ' ' || char === '\t') {
      index++;
      continue;
    }
    const token = readToken(text, index, char);
    if (!token) return undefined;
    tokens.push(token);
    index = token.end;
  }
  return tokens;
}

function readToken(text: string, index: number, char: string): Token | undefined {
  if (PUNCTUATION.has(char)) {
    return { kind: 'punctuation', text: char, start: index, end: index + 1 };
  }
  if (char === "'" || char === '"') return match(STRING, 'string', text, index);
  if (char === '-' || (char >= '0' && char <= '9')) return match(NUMBER, 'number', text, index);
  return match(WORD, 'word', text, index);
}

function match(pattern: RegExp, kind: Token['kind'], text: string, index: number) {
  pattern.lastIndex = index;
  const found = pattern.exec(text);
  if (!found) return undefined;
  const token: Token = { kind, text: found[0], start: index, end: index + found[0].length };
  return token;
}

/** The TypeExpr of a simple type's text, or undefined when the text is not simple. */
export function simpleTypeFromText(text: string): TypeExpr | undefined {
  const tokens = tokenize(text);
  if (!tokens || tokens.length === 0) return undefined;
  const reader = new TypeTextReader(text, tokens);
  const type = reader.type(0);
  return type && reader.atEnd() ? type : undefined;
}

class TypeTextReader {
  private next = 0;

  constructor(
    private readonly text: string,
    private readonly tokens: Token[],
  ) {}

  atEnd(): boolean {
    return this.next === this.tokens.length;
  }

  private peek(): Token | undefined {
    return this.tokens[this.next];
  }

  private isPunctuation(text: string): boolean {
    const token = this.peek();
    return token?.kind === 'punctuation' && token.text === text;
  }

  /**
   * `A | B | C` is a left-nested union the tree reader flattens; `A & B & C` stays left-nested.
   * A type mixing both, or starting with either, is left to the tree.
   */
  type(depth: number): TypeExpr | undefined {
    if (depth > MAX_DEPTH) return undefined;
    const first = this.postfix(depth);
    if (!first) return undefined;
    const operator = this.peek();
    if (operator?.kind !== 'punctuation' || (operator.text !== '|' && operator.text !== '&')) {
      return first;
    }
    const parts = [first];
    while (this.isPunctuation(operator.text)) {
      this.next++;
      const part = this.postfix(depth);
      if (!part) return undefined;
      parts.push(part);
    }
    if (this.isPunctuation('|') || this.isPunctuation('&')) return undefined;
    if (operator.text === '|') return { kind: 'union', members: parts };
    return parts.reduce((left, right) => ({ kind: 'name', name: '&', args: [left, right] }));
  }

  /** `T[]`, `T[][]` and `T["key"]["other"]` (a lookup the tree reader keeps as text). */
  private postfix(depth: number): TypeExpr | undefined {
    const start = this.peek()?.start ?? 0;
    let type = this.primary(depth);
    let arrays = 0;
    while (type && this.isPunctuation('[')) {
      const inside = this.tokens[this.next + 1];
      const closing = this.tokens[this.next + (inside?.kind === 'string' ? 2 : 1)];
      if (closing?.kind !== 'punctuation' || closing.text !== ']') return undefined;
      if (inside?.kind === 'string') {
        // A lookup after an array (`T[]["a"]`) is rare enough to leave to the tree.
        if (arrays > 0) return undefined;
        this.next += 3;
        type = { kind: 'unknown', text: this.text.slice(start, closing.end) };
      } else {
        this.next += 2;
        arrays++;
        type = { kind: 'array', element: type };
      }
    }
    return type;
  }

  private primary(depth: number): TypeExpr | undefined {
    const token = this.peek();
    if (!token) return undefined;
    if (token.kind === 'string') {
      this.next++;
      return { kind: 'literal', value: unquote(token.text) ?? token.text };
    }
    if (token.kind === 'number') {
      this.next++;
      return { kind: 'literal', value: Number(token.text) };
    }
    if (token.kind !== 'word') return undefined;
    return this.named(token, depth);
  }

  /** A keyword type, a literal keyword, a (dotted) name, or a generic. */
  private named(first: Token, depth: number): TypeExpr | undefined {
    this.next++;
    if (!this.isPunctuation('.') && !this.isPunctuation('<')) return keywordOrName(first.text);
    if (KEYWORDS.has(first.text)) return undefined;

    let end = first.end;
    while (this.isPunctuation('.')) {
      const dot = this.peek()!;
      const part = this.tokens[this.next + 1];
      // `A . B` keeps its spaces in the tree's text; only the compact form is read here.
      if (dot.start !== end || part?.kind !== 'word' || part.start !== dot.end) return undefined;
      if (KEYWORDS.has(part.text)) return undefined;
      this.next += 2;
      end = part.end;
    }
    const name = this.text.slice(first.start, end);
    if (!this.isPunctuation('<')) return { kind: 'name', name, args: [] };
    const args = this.typeArguments(depth);
    return args ? { kind: 'name', name, args } : undefined;
  }

  private typeArguments(depth: number): TypeExpr[] | undefined {
    this.next++;
    const args: TypeExpr[] = [];
    for (;;) {
      const argument = this.type(depth + 1);
      if (!argument) return undefined;
      args.push(argument);
      if (this.isPunctuation('>')) {
        this.next++;
        return args;
      }
      if (!this.isPunctuation(',')) return undefined;
      this.next++;
    }
  }
}

function keywordOrName(word: string): TypeExpr | undefined {
  if (word === 'null') return { kind: 'literal', value: null };
  if (word === 'true' || word === 'false') return { kind: 'literal', value: word === 'true' };
  if (KEYWORDS.has(word) && !NAMED_KEYWORDS.has(word)) return undefined;
  return { kind: 'name', name: word, args: [] };
}

/** A property signature read from its text: `name?: Type` or `readonly "na-me": Type`. */
export interface PropertyText {
  /** The name as written (with its quotes, for a string name). */
  name: string;
  nameStart: number;
  nameEnd: number;
  /** The `?` mark between the name and the colon. */
  questionMark: boolean;
  type: string;
  typeStart: number;
  typeExpr: TypeExpr;
}

/** `readonly` and the name, the optional mark, the colon, then the type, all on one line. */
const PROPERTY =
  /^(readonly[ \t]+)?([A-Za-z_$][\w$]*|'[^'\\\n]*'|"[^"\\\n]*")([ \t]*\?)?[ \t]*:[ \t]*/;

/** The parts of a simple property signature's text, or undefined when it is not simple. */
export function propertyFromText(text: string): PropertyText | undefined {
  if (text.includes('\n')) return undefined;
  const header = PROPERTY.exec(text);
  if (!header) return undefined;
  const name = header[2];
  // `readonly` alone is a name; a modifier needs a name after it, which the pattern demands.
  const typeStart = header[0].length;
  const type = text.slice(typeStart);
  const typeExpr = type === type.trimEnd() ? simpleTypeFromText(type) : undefined;
  if (!typeExpr) return undefined;
  const nameStart = header[1]?.length ?? 0;
  return {
    name,
    nameStart,
    nameEnd: nameStart + name.length,
    questionMark: header[3] !== undefined,
    type,
    typeStart,
    typeExpr,
  };
}
