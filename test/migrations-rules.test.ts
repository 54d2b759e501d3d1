// Every migration rule on fixture projects under test/fixtures/migrations/<case>/: the findings
// each must report are marked beside the code, and every look-alike in the same fixture must stay
// silent.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { reviewMigrations } from '../server/src/core/migrations/review';
import { MIGRATION_RULES } from '../server/src/core/migrations/rules/registry';
import { loadWorkspace } from '../server/src/workspace/load-workspace';
import { findingKeys, markerKeys, readMarkers } from './helpers/markers';

const fixtures = join(__dirname, 'fixtures', 'migrations');
const rulesFolder = join(__dirname, '..', 'server', 'src', 'core', 'migrations', 'rules');

interface FixtureOptions {
  /** The file or folder to review, relative to the fixture (default: all of it). */
  target?: string;
  sqliteMinVersion?: string;
}

/** Reviews a fixture project and returns its findings and its markers as comparable keys. */
async function reviewFixture(name: string, options: FixtureOptions = {}) {
  const root = join(fixtures, name);
  const { index } = await loadWorkspace(root);
  const review = await reviewMigrations({
    root,
    target: join(root, options.target ?? ''),
    index,
    ...(options.sqliteMinVersion ? { sqliteMinVersion: options.sqliteMinVersion } : {}),
  });
  // Findings in migration files outside the reviewed target are not reported.
  const reviewed = options.target ?? '';
  const markers = readMarkers(root).filter(
    (marker) => marker.file.startsWith(reviewed) || !marker.file.includes('versions/'),
  );
  return {
    review,
    actual: findingKeys(review.findings),
    expected: markerKeys(markers, review.findings),
  };
}

const CASES: [string, FixtureOptions][] = [
  ['chain-links', {}],
  ['chain-heads', {}],
  ['chain-branches', {}],
  ['drift', {}],
  ['orphan-column', {}],
  ['type-drift', {}],
  ['not-null-no-default', {}],
  ['python-default', {}],
  ['drop', {}],
  ['probable-rename', {}],
  ['unique-on-existing', {}],
  ['fk-index', {}],
  ['downgrade', {}],
  ['drop-constraint-none', {}],
  ['imports-app-models', {}],
  ['sqlite-batch-required', {}],
  ['postgres-project', {}],
  ['sqlite-add-column', {}],
  ['sqlite-pragma', {}],
  ['sqlite-table-rebuild', {}],
  ['sqlite-version', { sqliteMinVersion: '3.22.0' }],
  ['blast-radius', {}],
  ['downgrade', { target: 'alembic/versions/d1_partial.py' }],
];

describe('migration rules', () => {
  it('are each in a file named after their id, with a one-line doc', () => {
    for (const rule of MIGRATION_RULES) {
      expect(existsSync(join(rulesFolder, `${rule.id}.ts`))).toBe(true);
      expect(rule.doc).not.toContain('\n');
    }
  });

  it('each fire somewhere in the fixtures', () => {
    const fired = new Set(readMarkers(fixtures).map((marker) => marker.code));
    expect(MIGRATION_RULES.map((rule) => rule.id).filter((id) => !fired.has(id))).toEqual([]);
  });
});

describe('migration rules on fixtures', () => {
  it.each(CASES)('%s %o', async (name, options) => {
    const { actual, expected } = await reviewFixture(name, options);
    expect(actual).toEqual(expected);
  });
});
