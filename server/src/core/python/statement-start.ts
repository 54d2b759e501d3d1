// Reading a statement's kind from its first word instead of asking the tree (a call into wasm
// per node): the extractors skip function definitions and imports, which most files are full of.
import type { Node } from 'web-tree-sitter';
import { sourceOf } from '../syntax/parser';
import { inCleanTree } from '../syntax/nodes';

/**
 * `def`, `async def`, `import` and `from` are reserved words that only start those statements.
 * (`async` alone may be a name, so it counts only before `def`.)
 */
const FUNCTION_OR_IMPORT = /(?:(?:async[ \t]+)?def|import|from)[ \t]/y;

/**
 * True when the statement is surely a function definition or an import: its text starts with
 * one of their keywords and the tree parsed without errors (error recovery may read a keyword
 * as something else). False means "ask the tree".
 */
export function isFunctionOrImport(statement: Node): boolean {
  const source = sourceOf(statement.tree);
  if (source === undefined) return false;
  FUNCTION_OR_IMPORT.lastIndex = statement.startIndex;
  return FUNCTION_OR_IMPORT.test(source) && inCleanTree(statement);
}
