// Small helpers over tree-sitter nodes shared by the Python and TypeScript extractors.
import type { Node, Tree } from 'web-tree-sitter';
import type { Range } from '../facts';
import { sourceOf } from './parser';

export function rangeOf(node: Node): Range {
  return {
    start: { line: node.startPosition.row, character: node.startPosition.column },
    end: { line: node.endPosition.row, character: node.endPosition.column },
  };
}

/**
 * The range of a node whose text the caller already read: the end is counted from the start
 * through the text (rows break at `\n` only, as tree-sitter counts them), which spares the call
 * into wasm that `endPosition` makes.
 */
export function rangeOfText(node: Node, text: string): Range {
  const { row, column } = node.startPosition;
  const lastBreak = text.lastIndexOf('\n');
  if (lastBreak < 0) {
    return {
      start: { line: row, character: column },
      end: { line: row, character: column + text.length },
    };
  }
  let rows = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) rows++;
  return {
    start: { line: row, character: column },
    end: { line: row + rows, character: text.length - lastBreak - 1 },
  };
}

/** Named children of a node, skipping comments. */
export function namedChildren(node: Node): Node[] {
  const source = sourceOf(node.tree);
  if (source === undefined) {
    return node.namedChildren.filter((child): child is Node => !!child && child.type !== 'comment');
  }
  // Asking a node its type crosses into wasm; a comment starts with `#` or `/`, so only children
  // starting so are asked.
  return node.namedChildren.filter(
    (child): child is Node => !!child && !(startsLikeComment(source, child) && isComment(child)),
  );
}

const HASH = 0x23;
const SLASH = 0x2f;

function startsLikeComment(source: string, node: Node): boolean {
  const first = source.charCodeAt(node.startIndex);
  return first === HASH || first === SLASH;
}

function isComment(node: Node): boolean {
  return node.type === 'comment';
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

/** Whether each tree parsed without any ERROR or MISSING node, asked once per tree. */
const cleanTrees = new WeakMap<Tree, boolean>();

/**
 * True when the node's whole tree parsed without any ERROR or MISSING node. Readers that take a
 * node's text for its structure need this: in a tree with an error anywhere, recovery may have
 * read a word differently from its text (a lone `None` as a plain identifier). One call into
 * wasm per tree.
 */
export function inCleanTree(node: Node): boolean {
  let clean = cleanTrees.get(node.tree);
  if (clean === undefined) {
    clean = !node.tree.rootNode.hasError;
    cleanTrees.set(node.tree, clean);
  }
  return clean;
}
