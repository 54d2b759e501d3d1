// The property names a TS file reads. A field counts as read when some file that can see its
// type reads a property of that name: cheap, and enough to tell "declared and used" from
// "declared only" when deciding a finding's severity.
import type { Tree } from 'web-tree-sitter';
import type { FileFacts } from '../facts';
import { loadQuery, type GrammarName } from '../syntax/parser';

export function extractPropertyReads(tree: Tree, grammar: GrammarName, facts: FileFacts): void {
  const names = new Set<string>();
  for (const capture of loadQuery(grammar, 'reads').captures(tree.rootNode)) {
    names.add(capture.node.text);
  }
  facts.propertyReads = [...names];
}
