// Python classes that describe data: Pydantic models, SQLModel and SQLAlchemy models, enums.
import type { Tree } from 'web-tree-sitter';
import type { FileFacts } from '../facts';

export function extractPythonClasses(tree: Tree, text: string, facts: FileFacts): void {
  void tree;
  void text;
  void facts;
}
