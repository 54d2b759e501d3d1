// TypeScript facts: interfaces, type aliases, enums, zod schemas, imports, API calls.
import type { Tree } from 'web-tree-sitter';
import type { FileFacts } from '../facts';
import type { GrammarName } from '../syntax/parser';

/** Fills `facts` from a parsed .ts/.tsx file. May throw; extractFacts catches. */
export function extractTypeScriptFacts(
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
