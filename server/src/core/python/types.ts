// Python annotations and type expressions (`Optional[List[Part]]`, `str | None`, `"Part"`) as
// TypeExpr trees. Works on both annotation nodes (`generic_type`) and expressions (`subscript`),
// since `response_model=List[Part]` is an expression while `x: List[Part]` is a type.
import type { Node } from 'web-tree-sitter';
import type { TypeExpr } from '../facts';
import { namedChildren, unquote } from '../syntax/nodes';

const IDENTIFIER = /^[A-Za-z_][\w.]*$/;

export function parsePythonType(node: Node | null | undefined): TypeExpr {
  if (!node) return { kind: 'unknown', text: '' };
  switch (node.type) {
    case 'type':
    case 'parenthesized_expression':
      return parsePythonType(namedChildren(node)[0]);
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
      return { kind: 'tuple', elements: namedChildren(node).map(parsePythonType) };
    default:
      return { kind: 'unknown', text: node.text };
  }
}

function parseGeneric(node: Node): TypeExpr {
  const [head, parameters] = namedChildren(node);
  const name = head?.text ?? '';
  const args = parameters ? namedChildren(parameters).map(parsePythonType) : [];
  return withLiteralArgs(name, args);
}

function parseSubscript(node: Node): TypeExpr {
  const value = node.childForFieldName('value');
  const args = node.childrenForFieldName('subscript').filter((n): n is Node => !!n);
  const flattened = args.length === 1 && args[0].type === 'tuple' ? namedChildren(args[0]) : args;
  return withLiteralArgs(value?.text ?? '', flattened.map(parsePythonType));
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
    const parsed = stripQuoted(parsePythonType(side));
    if (parsed.kind === 'union') members.push(...parsed.members);
    else members.push(parsed);
  }
  return { kind: 'union', members };
}

/** `list[Tag] | None` where the grammar reads a union type (its members are `type` nodes). */
function parseUnionType(node: Node): TypeExpr {
  const members: TypeExpr[] = [];
  for (const member of namedChildren(node)) {
    const parsed = stripQuoted(parsePythonType(member));
    if (parsed.kind === 'union') members.push(...parsed.members);
    else members.push(parsed);
  }
  return { kind: 'union', members };
}

/** A parsed string annotation remembers its quotes until Literal[...] has had a look at it. */
type QuotedName = TypeExpr & { quoted?: boolean };

/** A string annotation is a forward reference: `"Part"` is the name Part. */
function parseStringAnnotation(node: Node): QuotedName {
  const content = unquote(node.text);
  if (content !== undefined && IDENTIFIER.test(content)) {
    return { kind: 'name', name: content, args: [], quoted: true };
  }
  if (content !== undefined && !/[[\]|]/.test(content)) {
    return { kind: 'literal', value: content };
  }
  if (content !== undefined) return parsePythonTypeText(content);
  return { kind: 'unknown', text: node.text };
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
