// Python facts: Pydantic/SQLModel/SQLAlchemy classes, enums, FastAPI routes and routers, imports,
// queries, and the migration a revision or script holds.
import type { Tree } from 'web-tree-sitter';
import type { FileFacts } from '../facts';
import { extractMigrationFacts } from '../migrations/migration-facts';
import { extractQueries } from '../queries/extract-queries';
import { extractPythonClasses } from './classes';
import { extractPythonImports } from './imports';
import { extractPythonRoutes } from './routes';

/** Fills `facts` from a parsed Python file. May throw; extractFacts catches. */
export function extractPythonFacts(tree: Tree, text: string, facts: FileFacts): void {
  extractPythonImports(tree, facts);
  extractPythonClasses(tree, text, facts);
  extractPythonRoutes(tree, text, facts);
  extractQueries(tree, text, facts);
  extractMigrationFacts(tree, text, facts);
}
