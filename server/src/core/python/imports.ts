// Python import statements, absolute and relative.
import type { Tree } from 'web-tree-sitter';
import type { FileFacts } from '../facts';

export function extractPythonImports(tree: Tree, facts: FileFacts): void {
  void tree;
  void facts;
}
