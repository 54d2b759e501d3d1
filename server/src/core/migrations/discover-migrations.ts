// Finds a workspace's migrations: Alembic environments (an env.py beside a versions/ folder),
// hand-written Python scripts whose text holds DDL, and `.sql` files. Paths are relative to the
// root, with forward slashes.
import { fdir } from 'fdir';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { HEAVY_FOLDERS } from '../../workspace/discover';
import {
  alembicEnvironments,
  compareFiles,
  DDL_HINT,
  inAlembicEnvironment,
  isTestFile,
  type AlembicEnvironment,
} from './migration-layout';

export { isTestFile, type AlembicEnvironment };

export interface MigrationFiles {
  alembic: AlembicEnvironment[];
  /** Python scripts that may run DDL, and `.sql` files, in file order. */
  scripts: string[];
  /** Some Python file opens SQLite (`import sqlite3`, a `sqlite://` URL). */
  usesSqlite: boolean;
  /** The application calls `create_all()`, which creates missing tables (never columns). */
  callsCreateAll: boolean;
}

const CREATE_ALL_HINT = /\.create_all\(/;
const SQLITE_HINT = /\bimport\s+sqlite3\b|["']sqlite(\+\w+)?:\/\//;

/** `pythonFiles` are the workspace's Python files (the index's), relative to the root. */
export function discoverMigrations(root: string, pythonFiles: readonly string[]): MigrationFiles {
  const files = new Set(pythonFiles);
  const alembic = alembicEnvironments(files);
  const inAlembic = (file: string) => inAlembicEnvironment(alembic, file);
  let usesSqlite = false;
  let callsCreateAll = false;
  const scripts: string[] = [];
  for (const file of pythonFiles) {
    if (isTestFile(file)) continue;
    const text = readText(root, file);
    usesSqlite ||= SQLITE_HINT.test(text);
    callsCreateAll ||= !inAlembic(file) && CREATE_ALL_HINT.test(text);
    if (!inAlembic(file) && DDL_HINT.test(text)) scripts.push(file);
  }
  scripts.push(...sqlFiles(root).filter((file) => !isTestFile(file)));
  return { alembic, scripts: scripts.sort(compareFiles), usesSqlite, callsCreateAll };
}

function readText(root: string, file: string): string {
  try {
    return readFileSync(join(root, file), 'utf8');
  } catch {
    return '';
  }
}

function sqlFiles(root: string): string[] {
  return new fdir()
    .withRelativePaths()
    .withPathSeparator('/')
    .exclude((name) => HEAVY_FOLDERS.has(name) || name.startsWith('.'))
    .filter((path) => path.endsWith('.sql'))
    .crawl(root)
    .sync();
}
