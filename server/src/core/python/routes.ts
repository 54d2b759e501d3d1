// FastAPI routes, routers and include_router calls.
import type { Tree } from 'web-tree-sitter';
import type { FileFacts } from '../facts';

export function extractPythonRoutes(tree: Tree, text: string, facts: FileFacts): void {
  void tree;
  void text;
  void facts;
}
