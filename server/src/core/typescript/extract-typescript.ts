// TypeScript facts: interfaces, type aliases, enums, zod schemas, imports, API calls.
import type { Tree } from 'web-tree-sitter';
import type { FileFacts } from '../facts';
import type { GrammarName } from '../syntax/parser';
import { extractTypeScriptCalls } from './calls';
import { extractTypeScriptDeclarations } from './declarations';
import { extractPropertyReads } from './property-reads';

/** Fills `facts` from a parsed .ts/.tsx file. May throw; extractFacts catches. */
export function extractTypeScriptFacts(
  tree: Tree,
  grammar: GrammarName,
  text: string,
  facts: FileFacts,
): void {
  extractTypeScriptDeclarations(tree, text, facts);
  extractTypeScriptCalls(tree, grammar, text, facts);
  extractPropertyReads(text, facts);
}
