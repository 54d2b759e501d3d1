// JavaScript literal expressions (enum initialisers, zod arguments) as plain values.
import type { Node } from 'web-tree-sitter';
import { namedChildren, unquote } from '../syntax/nodes';

export type LiteralValue = string | number | boolean | null;

/** The value of a string, number, boolean or null literal; undefined for anything else. */
export function literalValue(node: Node | null | undefined): LiteralValue | undefined {
  if (!node) return undefined;
  switch (node.type) {
    case 'string':
      return unquote(node.text) ?? node.text;
    case 'template_string':
      return templateValue(node);
    case 'number':
      return Number(node.text);
    case 'unary_expression':
      return /^[-+]\s*[\d.]/.test(node.text) ? Number(node.text.replace(/\s/g, '')) : undefined;
    case 'true':
    case 'false':
      return node.type === 'true';
    case 'null':
      return null;
    case 'parenthesized_expression':
      return literalValue(namedChildren(node)[0]);
    default:
      return undefined;
  }
}

/** A template string is a literal only when it has no `${}` substitution. */
function templateValue(node: Node): string | undefined {
  if (namedChildren(node).some((child) => child.type === 'template_substitution')) return undefined;
  return unquote(node.text);
}
