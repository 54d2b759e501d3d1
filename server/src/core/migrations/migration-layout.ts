// Where a workspace keeps its migrations, decided from file paths and text alone (no disk): the
// Alembic environments (an env.py beside a versions/ folder), which files are tests, and the text
// a hand-written migration script cannot lack. Discovery and the query rules share it.

export interface AlembicEnvironment {
  /** The folder holding env.py and versions/. */
  dir: string;
  revisions: string[];
}

/** Text that a migration script cannot lack; the SQL parser decides what it really does. */
export const DDL_HINT = /\b(create|alter|drop)\s+(table|index|unique\s+index)\b/i;

/** The Alembic environments among `files` (paths relative to the root, forward slashes). */
export function alembicEnvironments(files: ReadonlySet<string>): AlembicEnvironment[] {
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

/** Whether a file lies in one of the environments' folders. */
export function inAlembicEnvironment(environments: AlembicEnvironment[], file: string): boolean {
  return environments.some((env) => file.startsWith(`${env.dir}/`) || file === env.dir);
}

/** Tests build throwaway tables; they are not the project's migrations. */
export function isTestFile(file: string): boolean {
  const parts = file.split('/');
  const name = parts[parts.length - 1];
  if (parts.some((part) => part === 'tests' || part === 'test')) return true;
  return /^(test_.*|.*_test|conftest)\.py$/.test(name);
}

/** File order with numbers compared as numbers: `2_x.sql` before `10_y.sql`. */
export function compareFiles(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true });
}
