// "Seam: Review Migration" through the server: list the migrations, review the Alembic folder,
// get the Markdown report and see the findings become diagnostics of the migration files.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MigrationItem, ReviewMigrationResult } from '../../server/src/protocol';
import { startOnExampleCopy, type ExampleSession, type TestLspClient } from '../helpers/lsp-client';

let session: ExampleSession;
let workspace: string;
let client: TestLspClient;

beforeAll(async () => {
  session = await startOnExampleCopy('seam-review-');
  ({ workspace, client } = session);
});

afterAll(async () => {
  await session?.close();
});

describe('migration review over LSP', () => {
  it('lists migrations, reviews them and publishes their findings', async () => {
    const migrations: MigrationItem[] = await client.connection.sendRequest('seam/listMigrations');
    expect(migrations.map((m) => m.label)).toContain(
      'backend/alembic/versions/e9a05b6d21f3_widen_category_name.py',
    );

    const folder = pathToFileURL(join(workspace, 'backend')).toString();
    const result: ReviewMigrationResult = await client.connection.sendRequest(
      'seam/reviewMigration',
      { uri: folder },
    );
    expect(result.markdown).toContain('## Seam migration review');
    expect(result.findings.map((f) => f.code).sort()).toEqual([
      'migration-downgrade',
      'migration-drift',
      'migration-not-null-no-default',
      'sqlite-batch-required',
    ]);

    const revision = pathToFileURL(
      join(workspace, 'backend/alembic/versions/e9a05b6d21f3_widen_category_name.py'),
    ).toString();
    const published = await client.diagnosticsWhere(revision, (p) => p.diagnostics.length === 2);
    expect(published.diagnostics.map((d) => d.code).sort()).toEqual([
      'migration-downgrade',
      'sqlite-batch-required',
    ]);
  });
});
