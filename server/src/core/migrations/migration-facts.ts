// The migration a Python file holds, read while the file is indexed: an Alembic revision's
// identity and upgrade() operations, or the DDL a hand-written script runs. The checks replay
// them (migration-indexes.ts); the migration review reads the files itself, with the dialect
// the project's env.py names.
import type { Tree } from 'web-tree-sitter';
import type { FileFacts } from '../facts';
import { readAlembicRevisionUpgrade } from './alembic-revision';
import { DDL_HINT, isTestFile } from './migration-layout';
import { readPythonScriptTree } from './migration-scripts';
import type { SqlDialect } from './sql-parse';

/** The file alone does not say which database runs it: literal SQL is tried in this order. */
const SQL_DIALECTS: SqlDialect[] = ['postgresql', 'sqlite', 'mysql'];

/** Sets `facts.migration` when the file is a revision or a script that changes the schema. */
export function extractMigrationFacts(tree: Tree, text: string, facts: FileFacts): void {
  if (importsAlembicOp(facts)) {
    const source = readAlembicRevisionUpgrade(facts.file, tree.rootNode, SQL_DIALECTS);
    if (source.revision?.id === undefined) return;
    facts.migration = { kind: 'revision', revision: source.revision, upgrade: source.upgrade };
    return;
  }
  if (isTestFile(facts.file) || !DDL_HINT.test(text)) return;
  const script = readPythonScriptTree(facts.file, tree.rootNode, SQL_DIALECTS, {
    imports: false,
  });
  if (script) facts.migration = { kind: 'script', upgrade: script.upgrade };
}

/** `from alembic import op`: what every revision file starts with. */
function importsAlembicOp(facts: FileFacts): boolean {
  return facts.imports.some(
    (statement) =>
      statement.module === 'alembic' && statement.names.some((name) => name.name === 'op'),
  );
}
