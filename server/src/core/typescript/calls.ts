// HTTP calls in TypeScript: axios (and instances), fetch, and thin wrappers around them.
import type { Tree } from 'web-tree-sitter';
import type { FileFacts } from '../facts';
import type { GrammarName } from '../syntax/parser';

export function extractTypeScriptCalls(
  tree: Tree,
  grammar: GrammarName,
  text: string,
  facts: FileFacts,
): void {
  void tree;
  void grammar;
  void text;
  void facts;
}
