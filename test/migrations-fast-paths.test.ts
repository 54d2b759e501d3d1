// The revision reader takes plain strings, dotted callees and keyword names from the source text
// when the tree has no error, and from the tree's nodes otherwise. Both readings must agree: the
// same revision, with and without a syntax error after upgrade(), gives the same upgrade().
import { describe, expect, it } from 'vitest';
import { readAlembicRevision } from '../server/src/core/migrations/alembic-revision';
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
