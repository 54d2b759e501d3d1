// Hand-written migrations: Python scripts that send literal SQL through sqlite3 or SQLAlchemy
// (`cursor.execute("ALTER TABLE ...")`, `conn.execute(text("..."))`, `executescript`), and `.sql`
// files. A file counts as a migration only when it changes the schema.
import type { Node } from 'web-tree-sitter';
import { parseText } from '../syntax/parser';
import { readModuleImports, readPythonModule } from './python-module';
import { locatedFileText } from './python-strings';
import { PythonWalker } from './python-walker';
import type { SqlDialect } from './sql-parse';
import { operationsFromSql } from './sql-operations';
import type { MigrationSource, Operation } from './types';

const SCHEMA_CHANGES = new Set<Operation['kind']>([
  'create_table',
  'drop_table',
  'rename_table',
  'add_column',
  'drop_column',
  'alter_column',
  'create_index',
  'drop_index',
  'add_constraint',
  'drop_constraint',
]);

export function changesSchema(operations: readonly Operation[]): boolean {
  return operations.some((operation) => SCHEMA_CHANGES.has(operation.kind));
}

/** A Python script's operations in file order, or undefined when it changes no schema. */
export function readPythonScript(
  file: string,
  text: string,
  dialects: readonly SqlDialect[],
): MigrationSource | undefined {
  const tree = parseText('python', text);
  if (!tree) return undefined;
  try {
    return readPythonScriptTree(file, tree.rootNode, dialects);
  } finally {
    tree.delete();
  }
}

/**
 * The same, from the parsed module, as the extractor has it already. The extractor keeps only
 * the operations, so it asks for no imports.
 */
export function readPythonScriptTree(
  file: string,
  root: Node,
  dialects: readonly SqlDialect[],
  { imports = true }: { imports?: boolean } = {},
): MigrationSource | undefined {
  try {
    const module = readPythonModule(root);
    const walker = new PythonWalker({ file, module, mode: 'script', dialects });
    walker.walkScript(root);
    if (!changesSchema(walker.operations)) return undefined;
    return scriptSource(file, walker.operations, imports ? readModuleImports(root) : []);
  } catch {
    // A script Seam cannot read is left out rather than half-replayed.
    return undefined;
  }
}

/** A `.sql` file's statements, or undefined when it changes no schema or does not parse. */
export function readSqlScript(
  file: string,
  text: string,
  dialects: readonly SqlDialect[],
): MigrationSource | undefined {
  const base = { file, phase: 'script' as const, batch: false, guards: [] };
  const sql = operationsFromSql(locatedFileText(text), base, dialects);
  if (!sql.parsed || !changesSchema(sql.operations)) return undefined;
  return scriptSource(file, sql.operations, []);
}

function scriptSource(
  file: string,
  operations: Operation[],
  imports: MigrationSource['imports'],
): MigrationSource {
  return { kind: 'script', file, upgrade: operations, downgrade: [], imports, problems: [] };
}
