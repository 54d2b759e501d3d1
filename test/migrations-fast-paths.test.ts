// The revision reader takes plain strings, dotted callees and keyword names from the source text
// when the tree has no error, and from the tree's nodes otherwise. Both readings must agree: the
// same revision, with and without a syntax error after upgrade(), gives the same upgrade(). The
// query rules replay the migrations onto one schema in place, which must end where the review's
// replay (a snapshot per revision) ends.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readAlembicRevision } from '../server/src/core/migrations/alembic-revision';
import { finalSchemaWork, replayMigrations } from '../server/src/core/migrations/replay';
import type { MigrationSource } from '../server/src/core/migrations/types';
import { finish } from '../server/src/core/pausable';
import { loadWorkspace } from '../server/src/workspace/load-workspace';
import { parseSql } from '../server/src/core/migrations/sql-parse';
import { initSyntax } from '../server/src/core/syntax/parser';
import { dedent } from './helpers/facts';

const REVISION = dedent(`
  from alembic import op
  import sqlalchemy as sa

  revision = "a1"
  down_revision = None

  def upgrade():
      op.create_table(
          "parts",
          sa.Column("id", sa.Integer(), nullable=False),
          sa.Column('名前', sa.String(length=40), unique=True),
          sa.Column("it's", sa.Text(), server_default=sa.text("'none'")),
          sa.Column("tab\\tbed", sa.Boolean(), naïve=True, index = True),
          sa . PrimaryKeyConstraint("id"),
      )
      op.execute("ALTER TABLE parts ADD COLUMN sku VARCHAR(40)")
      op.create_index(op.f("ix_parts_sku"), "parts", ["sku"], unique=True)
      (op
          .drop_column)("parts", "legacy")
`);

const example = join(__dirname, '..', 'examples', 'inventory');

const BROKEN_TAIL = '\ndef downgrade(:\n    op.drop_table("parts"\n';

describe('revision reading from text and from nodes', () => {
  it('gives the same upgrade() whether or not the tree has an error', async () => {
    await initSyntax();
    const clean = readAlembicRevision('versions/a1.py', REVISION, ['postgresql', 'sqlite']);
    const broken = readAlembicRevision('versions/a1.py', REVISION + BROKEN_TAIL, [
      'postgresql',
      'sqlite',
    ]);
    expect(clean.upgrade.map((operation) => operation.kind)).toEqual([
      'create_table',
      'opaque',
      'add_column',
      'create_index',
    ]);
    expect(JSON.stringify(broken.upgrade)).toBe(JSON.stringify(clean.upgrade));
    expect(broken.revision?.id).toBe('a1');
  });
});

describe('recent SQL parses', () => {
  it('keeps parses of the same text with other dialects apart', () => {
    const text = 'SELECT 1';
    expect(parseSql(text, ['sqlite'])?.dialect).toBe('sqlite');
    expect(parseSql(text, ['postgresql'])?.dialect).toBe('postgresql');
    expect(parseSql(text, ['sqlite'])?.dialect).toBe('sqlite');
  });

  it('remembers text that no dialect reads as unreadable', () => {
    const text = 'THIS IS NOT SQL';
    expect(parseSql(text, ['sqlite', 'postgresql'])).toBeUndefined();
    expect(parseSql(text, ['sqlite', 'postgresql'])).toBeUndefined();
  });
});

describe('the final schema of a replay, without snapshots', () => {
  it('equals the last snapshot of the full replay, on every migration fixture', async () => {
    const fixtures = join(__dirname, 'fixtures', 'migrations');
    const roots = [...readdirSync(fixtures).map((name) => join(fixtures, name)), example];
    let replayed = 0;
    for (const root of roots) {
      const { index } = await loadWorkspace(root);
      const sources: MigrationSource[] = [...index.allFacts()]
        .filter((facts) => facts.migration)
        .map((facts) => ({
          kind: facts.migration!.kind,
          file: facts.file,
          upgrade: facts.migration!.upgrade,
          downgrade: [],
          imports: [],
          problems: [],
        }));
      for (const dialect of ['postgresql', 'sqlite']) {
        const full = replayMigrations(new Map(), sources, dialect).final;
        expect(finish(finalSchemaWork(sources, dialect)), root).toEqual(full);
      }
      replayed += sources.length;
    }
    expect(replayed).toBeGreaterThan(40);
  });
});
