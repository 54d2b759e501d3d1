// Projects without Alembic: tables come from create_all() and scripts patch them. The baseline is
// the models at the commit that added the first script (or --since); without git, the review says
// that drift cannot be judged. Each case builds its own repository in a temporary folder.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { reviewMigrations } from '../server/src/core/migrations/review';
import { loadWorkspace } from '../server/src/workspace/load-workspace';
import { dedent } from './helpers/facts';
import { findingKeys, markerKeys, readMarkers } from './helpers/markers';

const MODELS_BEFORE = `
  from typing import Optional

  from sqlmodel import Field, SQLModel


  class Part(SQLModel, table=True):
      __tablename__ = "parts"

      id: Optional[int] = Field(default=None, primary_key=True)
      name: str
`;

const DATABASE = `
  from sqlmodel import SQLModel, create_engine

  engine = create_engine("sqlite:///parts.db")
  SQLModel.metadata.create_all(engine)
`;

const SCRIPT = `
  import sqlite3

  conn = sqlite3.connect("parts.db")
  conn.execute("ALTER TABLE parts ADD COLUMN sku VARCHAR(40)")
  conn.execute("ALTER TABLE parts ADD COLUMN legacy_code TEXT")
  #             ^^^^ seam: migration-orphan-column — no model declares it
  conn.commit()
`;

const MODELS_AFTER = `
  from typing import Optional

  from sqlmodel import Field, SQLModel


  class Part(SQLModel, table=True):
      __tablename__ = "parts"

      id: Optional[int] = Field(default=None, primary_key=True)
      name: str
      sku: Optional[str] = Field(default=None, max_length=40)
      colour: Optional[str] = None
    # ^^^^ seam: migration-drift — no script adds parts.colour


  class Tag(SQLModel, table=True):
      """A new table: create_all() makes it, no script needed."""

      __tablename__ = "tags"

      id: Optional[int] = Field(default=None, primary_key=True)
`;

const folders: string[] = [];

afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

function project(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'seam-migrations-'));
  folders.push(root);
  write(root, files);
  return root;
}

function write(root: string, files: Record<string, string>): void {
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, file)), { recursive: true });
    writeFileSync(join(root, file), dedent(text));
  }
}

function git(root: string, ...args: string[]): string {
  const identity = ['-c', 'user.name=Seam', '-c', 'user.email=seam@example.com'];
  const signing = ['-c', 'commit.gpgsign=false'];
  return execFileSync('git', [...identity, ...signing, ...args], { cwd: root, encoding: 'utf8' });
}

function commitAll(root: string, message: string): string {
  git(root, 'add', '-A');
  git(root, 'commit', '-q', '-m', message);
  return git(root, 'rev-parse', 'HEAD').trim();
}

async function review(root: string, since?: string) {
  const { index } = await loadWorkspace(root);
  const result = await reviewMigrations({ root, target: root, index, ...(since ? { since } : {}) });
  return {
    actual: findingKeys(result.findings),
    expected: markerKeys(readMarkers(root), result.findings),
    result,
  };
}

/** Models, then a script, then model changes: the history the baseline is taken from. */
function history(): { root: string; first: string } {
  const root = project({ 'app/models.py': MODELS_BEFORE, 'app/db.py': DATABASE });
  git(root, 'init', '-q');
  const first = commitAll(root, 'models');
  write(root, { 'scripts/001_add_sku.py': SCRIPT });
  commitAll(root, 'script');
  write(root, { 'app/models.py': MODELS_AFTER });
  commitAll(root, 'more model');
  return { root, first };
}

describe('git baseline for create_all() projects', () => {
  it('takes the models at the commit that added the first script', async () => {
    const { root } = history();
    const { actual, expected } = await review(root);
    expect(expected.length).toBe(2);
    expect(actual).toEqual(expected);
  });

  it('takes the models at --since when given', async () => {
    const { root, first } = history();
    const { actual, expected } = await review(root, first);
    expect(actual).toEqual(expected);
  });

  it('says that drift cannot be judged outside a git repository', async () => {
    const root = project({
      'app/models.py': MODELS_AFTER,
      'app/db.py': DATABASE,
      'scripts/001_add_sku.py': SCRIPT,
    });
    const { result } = await review(root);
    const drift = result.findings.filter((finding) => finding.code === 'migration-drift');
    expect(drift.map((f) => [f.file, f.range.start.line, f.severity])).toEqual([
      ['scripts/001_add_sku.py', 0, 'information'],
    ]);
    expect(drift[0].message).toContain('not inside a git repository');
    // Orphans are judged against the models alone, so they are still reported.
    expect(findingKeys(result.findings)).toContain(
      'scripts/001_add_sku.py:5:14 migration-orphan-column',
    );
  });
});
