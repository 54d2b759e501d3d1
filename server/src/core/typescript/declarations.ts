// TypeScript declarations that describe data: interfaces, type aliases, enums, zod schemas; and
// the module's imports and exports, and whether the file is a generated client.
import type { Tree } from 'web-tree-sitter';
import type { FileFacts } from '../facts';
import type { GrammarName } from '../syntax/parser';

export function extractTypeScriptDeclarations(
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
