// Static evaluation of the strings FastAPI paths and prefixes are built from: literals, f-strings,
// `+` concatenation and module-level string constants of the same file. Anything else is unknown.
import type { Node } from 'web-tree-sitter';
import { namedChildren } from '../syntax/nodes';

export interface ResolvedString {
  /** The known text after the last unknown part. */
  text: string;
  /** Some part before `text` could not be known (`settings.API_V1_STR`, a call). */
  unknownPrefix: boolean;
}

/** Module-level string constants by name, as resolved so far. */
export type StringConstants = Map<string, ResolvedString>;

/** A piece of a string expression: known text, or null for a part that cannot be known. */
type StringPart = string | null;

export function resolveStringExpression(node: Node, constants: StringConstants): ResolvedString {
  return joinParts(stringParts(node, constants));
}

/** A constant's value, or undefined when the expression holds no string text at all. */
export function resolveStringConstant(
  node: Node,
  constants: StringConstants,
): ResolvedString | undefined {
  const parts = stringParts(node, constants);
  return parts.some((part) => part !== null) ? joinParts(parts) : undefined;
}

function joinParts(parts: StringPart[]): ResolvedString {
  const lastUnknown = parts.lastIndexOf(null);
  const known = parts.slice(lastUnknown + 1) as string[];
  return { text: known.join(''), unknownPrefix: lastUnknown >= 0 };
}

function stringParts(node: Node, constants: StringConstants): StringPart[] {
  switch (node.type) {
    case 'string':
      return literalParts(node, constants);
    case 'concatenated_string':
      return namedChildren(node).flatMap((child) => stringParts(child, constants));
    case 'parenthesized_expression':
      return namedChildren(node).flatMap((child) => stringParts(child, constants));
    case 'binary_operator':
      return concatenationParts(node, constants);
    case 'identifier':
      return constantParts(node.text, constants);
    default:
      return [null];
  }
}

function concatenationParts(node: Node, constants: StringConstants): StringPart[] {
  const left = node.childForFieldName('left');
  const right = node.childForFieldName('right');
  const operator = node.childForFieldName('operator')?.text;
  if (operator !== '+' || !left || !right) return [null];
  return [...stringParts(left, constants), ...stringParts(right, constants)];
}

function constantParts(name: string, constants: StringConstants): StringPart[] {
  const constant = constants.get(name);
  if (!constant) return [null];
  return constant.unknownPrefix ? [null, constant.text] : [constant.text];
}

/** A literal or f-string: its text pieces, with `{NAME}` replaced by a known constant. */
function literalParts(node: Node, constants: StringConstants): StringPart[] {
  const start = node.firstChild;
  const isFormatted = !!start && /f/i.test(start.text);
  const parts: StringPart[] = [];
  for (const child of namedChildren(node)) {
    if (child.type === 'string_content') {
      parts.push(isFormatted ? child.text.replace(/\{\{/g, '{').replace(/\}\}/g, '}') : child.text);
    } else if (child.type === 'interpolation') {
      const expression = child.childForFieldName('expression');
      parts.push(...(expression ? stringParts(expression, constants) : [null]));
    }
  }
  return parts;
}

/** Only strings without interpolation count as literal text (dict keys, HTTP method names). */
export function literalStringValue(node: Node): string | undefined {
  if (node.type !== 'string') return undefined;
  const children = namedChildren(node);
  if (children.some((child) => child.type === 'interpolation')) return undefined;
  return children
    .filter((child) => child.type === 'string_content')
    .map((child) => child.text)
    .join('');
}
