// Small helpers over tree-sitter nodes shared by the Python and TypeScript extractors.
import type { Node } from 'web-tree-sitter';
import type { Range } from '../facts';

export function rangeOf(node: Node): Range {
  return {
    start: { line: node.startPosition.row, character: node.startPosition.column },
    end: { line: node.endPosition.row, character: node.endPosition.column },
  };
}

/** Named children of a node, skipping comments. */
export function namedChildren(node: Node): Node[] {
  return node.namedChildren.filter((child): child is Node => !!child && child.type !== 'comment');
}

/** The first named child of the given type. */
export function childOfType(node: Node, type: string): Node | undefined {
  return node.namedChildren.find((child) => child?.type === type) ?? undefined;
}

/** Strips one layer of quotes from a string literal's text (Python or TS), or returns undefined. */
export function unquote(text: string): string | undefined {
  const match = /^[rRbBuUfF]{0,2}("""|'''|"|'|`)([\s\S]*)\1$/.exec(text);
  return match ? match[2] : undefined;
}
