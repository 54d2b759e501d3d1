// Python annotations and type expressions (`Optional[List[Part]]`, `str | None`, `"Part"`) as
// TypeExpr trees. Works on both annotation nodes (`generic_type`) and expressions (`subscript`),
// since `response_model=List[Part]` is an expression while `x: List[Part]` is a type.
import type { Node } from 'web-tree-sitter';
import type { TypeExpr } from '../facts';
import { inCleanTree, namedChildren, unquote } from '../syntax/nodes';

const IDENTIFIER = /^[A-Za-z_][\w.]*$/;

/** A type from its text when the text is simple (see pythonTypeFromText), else from the tree. */
export function parsePythonType(node: Node | null | undefined): TypeExpr {
  if (!node) return { kind: 'unknown', text: '' };
  const fromText = pythonTypeFromText(node.text);
  return fromText && inCleanTree(node) ? fromText : parseTypeNode(node);
}

/** The tree reader: any type expression, however written. */
export function parseTypeNode(node: Node | null | undefined): TypeExpr {
  if (!node) return { kind: 'unknown', text: '' };
  switch (node.type) {
    case 'type':
    case 'parenthesized_expression':
      return parseTypeNode(namedChildren(node)[0]);
    case 'identifier':
    case 'attribute':
      return { kind: 'name', name: node.text, args: [] };
    case 'none':
      return { kind: 'literal', value: null };
    case 'true':
    case 'false':
      return { kind: 'literal', value: node.type === 'true' };
    case 'integer':
    case 'float':
      return { kind: 'literal', value: Number(node.text) };
    case 'string':
      return parseStringAnnotation(node);
    case 'binary_operator':
      return parseUnionOperator(node);
    case 'union_type':
      return parseUnionType(node);
    case 'generic_type':
      return parseGeneric(node);
    case 'subscript':
      return parseSubscript(node);
    case 'list':
      // `Callable[[int], str]` argument lists and similar: keep the elements as a tuple.
      return { kind: 'tuple', elements: namedChildren(node).map(parseTypeNode) };
    default:
      return { kind: 'unknown', text: node.text };
  }
}

function parseGeneric(node: Node): TypeExpr {
  const [head, parameters] = namedChildren(node);
  const name = head?.text ?? '';
  const args = parameters ? namedChildren(parameters).map(parseTypeNode) : [];
  return withLiteralArgs(name, args);
}

function parseSubscript(node: Node): TypeExpr {
  const value = node.childForFieldName('value');
  const args = node.childrenForFieldName('subscript').filter((n): n is Node => !!n);
  const flattened = args.length === 1 && args[0].type === 'tuple' ? namedChildren(args[0]) : args;
  return withLiteralArgs(value?.text ?? '', flattened.map(parseTypeNode));
}

/** `Literal["a", "b"]` keeps its arguments as literals; strings elsewhere are forward refs. */
function withLiteralArgs(name: string, args: QuotedName[]): TypeExpr {
  if (baseName(name) === 'Literal') {
    const literals = args.map((arg): TypeExpr =>
      arg.kind === 'name' && arg.quoted ? { kind: 'literal', value: arg.name } : arg,
    );
    return { kind: 'name', name, args: literals };
  }
  return { kind: 'name', name, args: args.map(stripQuoted) };
}

function parseUnionOperator(node: Node): TypeExpr {
  const operator = node.childForFieldName('operator')?.text ?? node.child(1)?.text;
  if (operator !== '|') return { kind: 'unknown', text: node.text };
  const members: TypeExpr[] = [];
  for (const side of [node.childForFieldName('left'), node.childForFieldName('right')]) {
    const parsed = stripQuoted(parseTypeNode(side));
    if (parsed.kind === 'union') members.push(...parsed.members);
    else members.push(parsed);
  }
  return { kind: 'union', members };
}

/** `list[Tag] | None` where the grammar reads a union type (its members are `type` nodes). */
function parseUnionType(node: Node): TypeExpr {
  const members: TypeExpr[] = [];
  for (const member of namedChildren(node)) {
    const parsed = stripQuoted(parseTypeNode(member));
    if (parsed.kind === 'union') members.push(...parsed.members);
    else members.push(parsed);
  }
  return { kind: 'union', members };
}

/** A parsed string annotation remembers its quotes until Literal[...] has had a look at it. */
type QuotedName = TypeExpr & { quoted?: boolean };

/** A string annotation is a forward reference: `"Part"` is the name Part. */
function parseStringAnnotation(node: Node): QuotedName {
  return stringAnnotation(node.text);
}

function stringAnnotation(text: string): QuotedName {
  const content = unquote(text);
  if (content !== undefined && IDENTIFIER.test(content)) {
    return { kind: 'name', name: content, args: [], quoted: true };
  }
  if (content !== undefined && !/[[\]|]/.test(content)) {
    return { kind: 'literal', value: content };
  }
  if (content !== undefined) return parsePythonTypeText(content);
  return { kind: 'unknown', text };
}

function stripQuoted(expr: QuotedName): TypeExpr {
  if (expr.kind === 'name' && expr.quoted) return { kind: 'name', name: expr.name, args: [] };
  return expr;
}

/**
 * A forward reference with structure (`"Optional[Part]"`, `"list[Tag] | None"`) read from text.
 * Handles names, subscripts, commas and `|`; anything else stays unknown.
 */
export function parsePythonTypeText(text: string): TypeExpr {
  const tokens = text.match(/[A-Za-z_][\w.]*|\[|\]|,|\||"[^"]*"|'[^']*'|\S/g) ?? [];
  let position = 0;
  const parseUnion = (): TypeExpr => {
    const members = [parseAtom()];
    while (tokens[position] === '|') {
      position++;
      members.push(parseAtom());
    }
    return members.length === 1 ? members[0] : { kind: 'union', members };
  };
  const parseAtom = (): TypeExpr => {
    const token = tokens[position++];
    if (token === undefined) return { kind: 'unknown', text };
    if (token === 'None') return { kind: 'literal', value: null };
    if (/^["']/.test(token)) return { kind: 'literal', value: token.slice(1, -1) };
    if (!IDENTIFIER.test(token)) return { kind: 'unknown', text };
    const args: TypeExpr[] = [];
    if (tokens[position] === '[') {
      position++;
      while (position < tokens.length && tokens[position] !== ']') {
        args.push(parseUnion());
        if (tokens[position] === ',') position++;
        else break;
      }
      position++;
    }
    return { kind: 'name', name: token, args };
  };
  const result = parseUnion();
  return position >= tokens.length ? result : { kind: 'unknown', text };
}

/** `typing.Optional` → `Optional`. */
export function baseName(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot < 0 ? name : name.slice(dot + 1);
}

/** Python keywords, and words older grammars parse as statements: never names in a type here. */
const PYTHON_KEYWORDS = new Set([
  ...['and', 'as', 'assert', 'async', 'await', 'break', 'class', 'continue', 'def', 'del'],
  ...['elif', 'else', 'except', 'exec', 'finally', 'for', 'from', 'global', 'if', 'import'],
  ...['in', 'is', 'lambda', 'nonlocal', 'not', 'or', 'pass', 'print', 'raise', 'return', 'try'],
  ...['while', 'with', 'yield'],
]);

/** One token of a simple annotation: a name, a plain string or number, or `[ ] , . |`. */
const ANNOTATION_TOKEN =
  /[ \t]*(?:([A-Za-z_]\w*)|('[^'\\\n]*'|"[^"\\\n]*")|(\d+(?:\.\d+)?)(?![\w.])|([[\],.|]))/y;

/**
 * The TypeExpr parsePythonType gives for an annotation or type expression, read from its text
 * when the text is simple: names, dotted names, subscripts, `|` unions, plain strings and
 * numbers, None, True and False, on one line. Undefined otherwise, and the tree is read. Every
 * node access crosses into wasm, and models hold thousands of such annotations.
 */
export function pythonTypeFromText(text: string): TypeExpr | undefined {
  const tokens = annotationTokens(text);
  if (!tokens) return undefined;
  const reader = { tokens, next: 0 };
  const type = readUnion(reader, 0);
  return type && reader.next === tokens.length ? type : undefined;
}

interface AnnotationToken {
  kind: 'name' | 'string' | 'number' | 'punctuation';
  text: string;
  start: number;
  end: number;
}

interface AnnotationReader {
  tokens: AnnotationToken[];
  next: number;
}

const TOKEN_KINDS = ['name', 'string', 'number', 'punctuation'] as const;

function annotationTokens(text: string): AnnotationToken[] | undefined {
  const tokens: AnnotationToken[] = [];
  ANNOTATION_TOKEN.lastIndex = 0;
  while (ANNOTATION_TOKEN.lastIndex < text.length) {
    const match = ANNOTATION_TOKEN.exec(text);
    if (!match) return undefined;
    const group = match.findIndex((part, index) => index > 0 && part !== undefined);
    const tokenText = match[group];
    const end = ANNOTATION_TOKEN.lastIndex;
    tokens.push({
      kind: TOKEN_KINDS[group - 1],
      text: tokenText,
      start: end - tokenText.length,
      end,
    });
  }
  return tokens.length > 0 ? tokens : undefined;
}

function isPunctuation(reader: AnnotationReader, text: string): boolean {
  const token = reader.tokens[reader.next];
  return token?.kind === 'punctuation' && token.text === text;
}

/** `A | B | C`: members that are unions themselves are flattened, as the tree reader does. */
function readUnion(reader: AnnotationReader, depth: number): QuotedName | undefined {
  const first = readPrimary(reader, depth);
  if (!first || !isPunctuation(reader, '|')) return first;
  const members: TypeExpr[] = [];
  for (let member: QuotedName | undefined = first; ;) {
    const stripped = stripQuoted(member);
    if (stripped.kind === 'union') members.push(...stripped.members);
    else members.push(stripped);
    if (!isPunctuation(reader, '|')) return { kind: 'union', members };
    reader.next++;
    member = readPrimary(reader, depth);
    if (!member) return undefined;
  }
}

/** A name, dotted name or subscript (`Optional[Part]`), a literal, or a string annotation. */
function readPrimary(reader: AnnotationReader, depth: number): QuotedName | undefined {
  const token = reader.tokens[reader.next];
  if (!token || depth > 40) return undefined;
  reader.next++;
  if (token.kind === 'string') return stringAnnotation(token.text);
  if (token.kind === 'number') return { kind: 'literal', value: Number(token.text) };
  if (token.kind !== 'name' || PYTHON_KEYWORDS.has(token.text)) return undefined;
  if (token.text === 'None') return { kind: 'literal', value: null };
  if (token.text === 'True' || token.text === 'False') {
    return { kind: 'literal', value: token.text === 'True' };
  }

  let end = token.end;
  while (isPunctuation(reader, '.')) {
    const dot = reader.tokens[reader.next];
    const part = reader.tokens[reader.next + 1];
    // `a . b` keeps its spaces in the tree's text; only the compact form is read here.
    if (dot.start !== end || part?.kind !== 'name' || part.start !== dot.end) return undefined;
    if (PYTHON_KEYWORDS.has(part.text)) return undefined;
    reader.next += 2;
    end = part.end;
  }
  const name = reader.tokens
    .slice(reader.tokens.indexOf(token), reader.next)
    .map((part) => part.text)
    .join('');
  if (!isPunctuation(reader, '[')) return { kind: 'name', name, args: [] };
  const args = readSubscript(reader, depth);
  // `A[B].c` and `A[B][C]` are read by the tree.
  if (!args || isPunctuation(reader, '.') || isPunctuation(reader, '[')) return undefined;
  return withLiteralArgs(name, args);
}

/** `[A, B]` after a name; empty brackets and trailing commas are left to the tree. */
function readSubscript(reader: AnnotationReader, depth: number): QuotedName[] | undefined {
  reader.next++;
  const args: QuotedName[] = [];
  for (;;) {
    const argument = readUnion(reader, depth + 1);
    if (!argument) return undefined;
    args.push(argument);
    if (isPunctuation(reader, ']')) {
      reader.next++;
      return args;
    }
    if (!isPunctuation(reader, ',')) return undefined;
    reader.next++;
  }
}
