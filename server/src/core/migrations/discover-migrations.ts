// Finds a workspace's migrations: Alembic environments (an env.py beside a versions/ folder),
// hand-written Python scripts whose text holds DDL, and `.sql` files. Paths are relative to the
// root, with forward slashes.
import { fdir } from 'fdir';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { HEAVY_FOLDERS } from '../../workspace/discover';

export interface AlembicEnvironment {
  /** The folder holding env.py and versions/. */
  dir: string;
  revisions: string[];
}

export interface MigrationFiles {
  alembic: AlembicEnvironment[];
  /** Python scripts that may run DDL, and `.sql` files, in file order. */
  scripts: string[];
  /** Some Python file opens SQLite (`import sqlite3`, a `sqlite://` URL). */
  usesSqlite: boolean;
  /** The application calls `create_all()`, which creates missing tables (never columns). */
  callsCreateAll: boolean;
}

/** Text that a migration script cannot lack; the SQL parser decides what it really does. */
const DDL_HINT = /\b(create|alter|drop)\s+(table|index|unique\s+index)\b/i;
const CREATE_ALL_HINT = /\.create_all\(/;
const SQLITE_HINT = /\bimport\s+sqlite3\b|["']sqlite(\+\w+)?:\/\//;

/** `pythonFiles` are the workspace's Python files (the index's), relative to the root. */
export function discoverMigrations(root: string, pythonFiles: readonly string[]): MigrationFiles {
  const files = new Set(pythonFiles);
  const alembic = alembicEnvironments(files);
  const inAlembic = (file: string) =>
    alembic.some((env) => file.startsWith(`${env.dir}/`) || file === `${env.dir}`);
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

function alembicEnvironments(files: Set<string>): AlembicEnvironment[] {
  const environments: AlembicEnvironment[] = [];
  for (const file of files) {
    if (file !== 'env.py' && !file.endsWith('/env.py')) continue;
    const dir = file.slice(0, -'/env.py'.length);
    const prefix = dir ? `${dir}/versions/` : 'versions/';
    const revisions = [...files].filter(
      (f) => f.startsWith(prefix) && !f.slice(prefix.length).includes('__init__'),
    );
    if (revisions.length) environments.push({ dir, revisions: revisions.sort(compareFiles) });
  }
  return environments.sort((a, b) => compareFiles(a.dir, b.dir));
}

/** Tests build throwaway tables; they are not the project's migrations. */
export function isTestFile(file: string): boolean {
  const parts = file.split('/');
  const name = parts[parts.length - 1];
  if (parts.some((part) => part === 'tests' || part === 'test')) return true;
  return /^(test_.*|.*_test|conftest)\.py$/.test(name);
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

/** File order with numbers compared as numbers: `2_x.sql` before `10_y.sql`. */
export function compareFiles(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true });
}
