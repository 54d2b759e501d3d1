// `seam review-migration` through the built CLI (`node bin/seam.js`, run `npm run build` first):
// the oldest supported SQLite comes from the flag, else from seam.json's
// `migrations.sqliteMinVersion`; a bad value there is reported once and ignored.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const repo = join(__dirname, '..');
const cli = join(repo, 'bin', 'seam.js');
const fixture = join(repo, 'test', 'fixtures', 'migrations', 'sqlite-version');
const roots: string[] = [];

afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

function review(seamJson: unknown, args: string[] = []) {
  const root = mkdtempSync(join(tmpdir(), 'seam-review-cli-'));
  roots.push(root);
  cpSync(fixture, root, { recursive: true });
  if (seamJson !== undefined) writeFileSync(join(root, 'seam.json'), JSON.stringify(seamJson));
  const run = spawnSync(
    process.execPath,
    [cli, 'review-migration', '--root', root, '--format', 'json', ...args],
    { encoding: 'utf8' },
  );
  const output = JSON.parse(run.stdout) as {
    findings: { code: string; range: { start: { line: number } } }[];
  };
  return {
    status: run.status,
    stderr: run.stderr,
    versionFindings: output.findings.filter((finding) => finding.code === 'sqlite-version'),
  };
}

describe('seam review-migration and the oldest supported SQLite', () => {
  it('judges no SQLite version when none is declared', () => {
    expect(review(undefined).versionFindings).toEqual([]);
  });

  it("takes it from seam.json's migrations.sqliteMinVersion", () => {
    const result = review({ migrations: { sqliteMinVersion: '3.22.0' } });
    expect(result.versionFindings.length).toBeGreaterThan(0);
    expect(result.status).toBe(1);
  });

  it('reads the SQL of op.execute with the parser the build keeps in a file of its own', () => {
    const { versionFindings } = review({ migrations: { sqliteMinVersion: '3.22.0' } });
    // b1_reshape.py line 16: op.execute("ALTER TABLE files RENAME COLUMN size TO bytes").
    expect(versionFindings.map((finding) => finding.range.start.line)).toContain(15);
  });

  it('lets --sqlite-min-version win over seam.json', () => {
    const result = review({ migrations: { sqliteMinVersion: '3.22.0' } }, [
      '--sqlite-min-version',
      '3.40',
    ]);
    expect(result.versionFindings).toEqual([]);
  });

  it('reports a bad value once and reviews without it', () => {
    const result = review({ migrations: { sqliteMinVersion: 3.22 } });
    expect(result.versionFindings).toEqual([]);
    expect(result.stderr.match(/migrations\.sqliteMinVersion: expected a version/g)).toHaveLength(
      1,
    );
  });
});
