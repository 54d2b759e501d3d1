// Python facts: Pydantic/SQLModel/SQLAlchemy classes, enums, FastAPI routes and routers, imports.
import type { Tree } from 'web-tree-sitter';
import type { FileFacts } from '../facts';

/** Fills `facts` from a parsed Python file. May throw; extractFacts catches. */
export function extractPythonFacts(tree: Tree, text: string, facts: FileFacts): void {
  void tree;
  void text;
  void facts;
}
