// Reading revisions and scripts: each Alembic construct with the operations it must give, and
// look-alikes that must give none. Operations are summarised as `kind table.column [flags]`.
import { describe, expect, it } from 'vitest';
import { readAlembicRevision } from '../server/src/core/migrations/alembic-revision';
import { readPythonScript, readSqlScript } from '../server/src/core/migrations/migration-scripts';
import type { Operation } from '../server/src/core/migrations/types';
import { initSyntax } from '../server/src/core/syntax/parser';
import { dedent } from './helpers/facts';

function summary(operation: Operation): string {
  const flags = [
    operation.batch ? 'batch' : '',
    operation.raw ? 'raw' : '',
    ...operation.guards.map((g) => `${g.equal ? '' : '!'}${g.dialect}`),
  ].filter(Boolean);
  const suffix = flags.length ? ` [${flags.join(' ')}]` : '';
  return `${operation.kind} ${target(operation)}${suffix}`.trim();
}

function target(operation: Operation): string {
  switch (operation.kind) {
    case 'add_column':
      return `${operation.table}.${operation.column.name}`;
    case 'drop_column':
      return `${operation.table}.${operation.column}`;
    case 'alter_column': {
      const changes = [
        operation.newName ? `->${operation.newName}` : '',
        operation.nullable !== undefined ? `nullable=${operation.nullable}` : '',
        operation.type ? `type=${operation.type.family}` : '',
      ].filter(Boolean);
      return `${operation.table}.${operation.column} ${changes.join(' ')}`;
    }
    case 'create_index': {
      const columns = `${operation.table}(${operation.columns.join(',')})`;
      return `${operation.name ?? '?'} on ${columns}${operation.unique ? ' unique' : ''}`;
    }
    case 'drop_index':
      return operation.name;
    case 'add_constraint':
      const { kind, name } = operation.constraint;
      return `${kind} ${name ?? 'None'} on ${operation.table}`;
    case 'drop_constraint':
      return `${operation.name ?? 'None'} on ${operation.table}`;
    case 'rename_table':
      return `${operation.table}->${operation.newName}`;
    case 'create_table':
      return `${operation.table}(${operation.columns.map((c) => c.name).join(',')})`;
    case 'drop_table':
    case 'create_trigger':
      return operation.table;
    case 'data':
      return operation.table ?? operation.source ?? '';
    case 'pragma':
      return `${operation.name}=${operation.value}`;
    case 'transaction':
      return operation.action;
    case 'opaque':
      return '';
  }
}

async function upgradeOf(body: string): Promise<string[]> {
  await initSyntax();
  const text = `from alembic import op\nimport sqlalchemy as sa\n\n${dedent(body)}`;
  const source = readAlembicRevision('versions/r.py', text, ['sqlite', 'postgresql']);
  return source.upgrade.map(summary);
}

const REVISION_CASES: [string, string, string[]][] = [
  [
    'plain operations',
    `
    def upgrade():
        op.add_column("parts", sa.Column("sku", sa.String(40), nullable=False))
        op.drop_column("parts", "legacy")
        op.alter_column("parts", "name", new_column_name="title", nullable=True)
        op.alter_column("parts", "qty", type_=sa.Float())
        op.create_index(op.f("ix_parts_sku"), "parts", ["sku"], unique=True)
        op.drop_index("ix_old", table_name="parts")
        op.rename_table("parts", "items")
    `,
    [
      'add_column parts.sku',
      'drop_column parts.legacy',
      'alter_column parts.name ->title nullable=true',
      'alter_column parts.qty type=float',
      'create_index ix_parts_sku on parts(sku) unique',
      'drop_index ix_old',
      'rename_table parts->items',
    ],
  ],
  [
    'constraints, keyword arguments and a table built for bulk_insert',
    `
    def upgrade():
        op.create_unique_constraint("uq_parts_sku", "parts", ["sku"])
        op.create_foreign_key("fk_parts_bin", "parts", "bins", ["bin_id"], ["id"])
        op.drop_constraint(None, "parts", type_="foreignkey")
        op.add_column(table_name="parts", column=sa.Column("note", sa.Text()))
        bins = op.create_table("bins", sa.Column("id", sa.Integer(), primary_key=True))
        op.bulk_insert(bins, [{"id": 1}])
    `,
    [
      'add_constraint unique uq_parts_sku on parts',
      'add_constraint foreignkey fk_parts_bin on parts',
      'drop_constraint None on parts',
      'add_column parts.note',
      'create_table bins(id)',
      'data bins',
    ],
  ],
  [
    'batch_alter_table blocks',
    `
    def upgrade():
        with op.batch_alter_table("parts", schema=None) as batch_op:
            batch_op.add_column(sa.Column("sku", sa.String()))
            batch_op.alter_column("name", nullable=False)
            batch_op.create_index("ix_parts_sku", ["sku"])
            batch_op.create_foreign_key("fk", "bins", ["bin_id"], ["id"])
            batch_op.drop_constraint("uq_old", type_="unique")
        op.drop_column("parts", "x")
    `,
    [
      'add_column parts.sku [batch]',
      'alter_column parts.name nullable=false [batch]',
      'create_index ix_parts_sku on parts(sku) [batch]',
      'add_constraint foreignkey fk on parts [batch]',
      'drop_constraint uq_old on parts [batch]',
      'drop_column parts.x',
    ],
  ],
  [
    'names bound to literals, loops over literal lists and helpers with arguments',
    `
    TABLE = "parts"

    def add_flag(table, name):
        op.add_column(table, sa.Column(name, sa.Boolean(), nullable=True))

    def upgrade():
        column = "sku"
        op.drop_column(TABLE, column)
        for name in ["a", "b"]:
            op.drop_column("bins", name)
        add_flag("parts", "is_active")
    `,
    [
      'drop_column parts.sku',
      'drop_column bins.a',
      'drop_column bins.b',
      'add_column parts.is_active',
    ],
  ],
  [
    'dialect conditions, directly, through a helper, and in the else branch',
    `
    def is_postgres():
        return op.get_context().dialect.name == "postgresql"

    def upgrade():
        if op.get_bind().dialect.name != "sqlite":
            op.alter_column("parts", "qty", type_=sa.Float())
        if is_postgres():
            op.execute("CREATE INDEX ix_trgm ON parts (name)")
        else:
            op.create_index("ix_plain", "parts", ["name"])
    `,
    [
      'alter_column parts.qty type=float [!sqlite]',
      'create_index ix_trgm on parts(name) [raw postgresql]',
      'create_index ix_plain on parts(name) [!postgresql]',
    ],
  ],
  [
    'literal SQL through op.execute, text() and a connection',
    `
    def upgrade():
        op.execute("ALTER TABLE parts ADD COLUMN sku TEXT; UPDATE parts SET sku = 'x'")
        op.execute(sa.text("DROP INDEX ix_old"))
        conn = op.get_bind()
        conn.execute(sa.text("DELETE FROM bins WHERE id = :id").bindparams(id=1))
    `,
    [
      'add_column parts.sku [raw]',
      'data parts [raw]',
      'drop_index ix_old [raw]',
      'data bins [raw]',
    ],
  ],
  [
    'look-alikes: reads, names, other receivers, SQL that is not literal',
    `
    def upgrade():
        bind = op.get_bind()
        name = op.f("ix_parts_sku")
        other.add_column("parts", sa.Column("sku", sa.String()))
        # op.drop_column("parts", "sku")
        op.execute(build_sql())
    `,
    ['opaque'],
  ],
];

describe('Alembic revisions', () => {
  it.each(REVISION_CASES)('%s', async (_name, body, expected) => {
    expect(await upgradeOf(body)).toEqual(expected);
  });

  it('reads the identity of a revision', async () => {
    await initSyntax();
    const text = dedent(`
      """merge heads

      Revision ID: c3
      """
      revision: str = "c3"
      down_revision = ("a1", "b2")
      branch_labels = ("billing",)
      depends_on = None

      def upgrade():
          pass
    `);
    const info = readAlembicRevision('versions/c3.py', text, ['sqlite']).revision;
    expect(info).toMatchObject({
      id: 'c3',
      downRevisions: ['a1', 'b2'],
      branchLabels: ['billing'],
      dependsOn: [],
      message: 'merge heads',
      upgradeEmpty: true,
      downgradeEmpty: true,
    });
    expect(info?.downgradeRange).toBeUndefined();
  });

  it('maps SQL ranges back into the string, across escapes and concatenation', async () => {
    await initSyntax();
    const call = '    op.execute("SELECT 1;\\n" "DROP TABLE bins")';
    const text = `from alembic import op\n\ndef upgrade():\n${call}\n`;
    const [, drop] = readAlembicRevision('r.py', text, ['sqlite']).upgrade;
    expect(drop.kind).toBe('drop_table');
    // `DROP` starts after `    op.execute("SELECT 1;\n" "`: column 30 of line 3.
    expect(drop.range.start).toEqual({ line: 3, character: 30 });
  });
});

describe('hand-written scripts', () => {
  it('reads sqlite3 scripts in file order, and ignores scripts that change no schema', async () => {
    await initSyntax();
    const script = dedent(`
      import sqlite3

      def run(conn):
          conn.execute("ALTER TABLE parts ADD COLUMN sku TEXT")
          conn.commit()
          cursor = conn.cursor()
          cursor.executescript("""
              CREATE TABLE tags (id INTEGER PRIMARY KEY, label TEXT);
              CREATE INDEX ix_tags_label ON tags (label);
          """)
    `);
    const source = readPythonScript('scripts/s.py', script, ['sqlite']);
    expect(source?.upgrade.map(summary)).toEqual([
      'add_column parts.sku [raw]',
      'transaction commit',
      'create_table tags(id,label) [raw]',
      'create_index ix_tags_label on tags(label) [raw]',
    ]);
    const readsOnly = 'import sqlite3\nconn.execute("SELECT * FROM parts")\n';
    expect(readPythonScript('scripts/r.py', readsOnly, ['sqlite'])).toBeUndefined();
  });

  it('reads .sql files with SQLite syntax', async () => {
    await initSyntax();
    const sql =
      'PRAGMA foreign_keys=OFF;\nBEGIN;\nALTER TABLE parts RENAME COLUMN a TO b;\nCOMMIT;\n';
    expect(readSqlScript('m/001.sql', sql, ['sqlite'])?.upgrade.map(summary)).toEqual([
      'pragma foreign_keys=OFF [raw]',
      'transaction begin [raw]',
      'alter_column parts.a ->b [raw]',
      'transaction commit [raw]',
    ]);
    expect(readSqlScript('m/002.sql', 'SELECT 1;', ['sqlite'])).toBeUndefined();
  });
});
