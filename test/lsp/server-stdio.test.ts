// The language server over stdio, as an editor runs it: initialize, open a file with a planted
// mismatch, get the diagnostic, fix the Python schema in the editor, see the diagnostic go.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOnExampleCopy, type ExampleSession, type TestLspClient } from '../helpers/lsp-client';

let session: ExampleSession;
let workspace: string;
let client: TestLspClient;

beforeAll(async () => {
  session = await startOnExampleCopy('seam-lsp-', {
    workspace: { codeLens: { refreshSupport: true } },
  });
  ({ workspace, client } = session);
});

afterAll(async () => {
  await session?.close();
});

describe('language server over stdio', () => {
  it('builds the first index in a worker thread and says so in its log', async () => {
    // The first diagnostics come after the first index; by then its log lines are out.
    const tsUri = pathToFileURL(join(workspace, 'frontend/src/types/part.ts')).toString();
    await client.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri: tsUri, languageId: 'typescript', version: 1, text: '' },
    });
    await client.diagnosticsWhere(tsUri, () => true);
    expect(client.logs.filter((line) => line.includes('in a worker thread'))).toHaveLength(1);
    expect(client.logs.filter((line) => /worker (is missing|failed)/.test(line))).toEqual([]);
    expect(client.logs.some((line) => /^Indexed .*: \d+ files in/.test(line))).toBe(true);
    await client.connection.sendNotification('textDocument/didClose', {
      textDocument: { uri: tsUri },
    });
  });

  it('publishes a planted mismatch and clears it when the schema is fixed in the editor', async () => {
    const tsPath = join(workspace, 'frontend/src/types/part.ts');
    const tsUri = pathToFileURL(tsPath).toString();
    const tsText = readFileSync(tsPath, 'utf8');
    await client.connection.sendNotification('textDocument/didOpen', {
      textDocument: {
        uri: tsUri,
        languageId: 'typescript',
        version: 1,
        text: readFileSync(tsPath, 'utf8'),
      },
    });
    // `Part.description` is `string` while the schema sends Optional[str].
    const descriptionLine = tsText.split('\n').indexOf('  description: string;');
    const onDescription = (d: { code?: string | number; range: unknown }) =>
      d.code === 'field-nullability' &&
      (d.range as { start: { line: number } }).start.line === descriptionLine;
    const before = await client.diagnosticsWhere(tsUri, (p) => p.diagnostics.some(onDescription));
    expect(before.diagnostics.filter(onDescription)).toHaveLength(1);

    const pyPath = join(workspace, 'backend/app/schemas/part.py');
    const pyUri = pathToFileURL(pyPath).toString();
    const pyText = readFileSync(pyPath, 'utf8');
    await client.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri: pyUri, languageId: 'python', version: 1, text: pyText },
    });
    const refreshesBefore = client.lensRefreshes;
    const lines = pyText.split('\n');
    const line = lines.findIndex((l) => /^\s+description: Optional\[str\]/.test(l));
    const start = lines[line].indexOf('Optional[str]');
    await client.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri: pyUri, version: 2 },
      contentChanges: [
        {
          range: { start: { line, character: start }, end: { line, character: start + 13 } },
          text: 'str',
        },
      ],
    });
    const after = await client.diagnosticsWhere(tsUri, (p) => !p.diagnostics.some(onDescription));
    expect(after.diagnostics.filter(onDescription)).toEqual([]);
    // The same edit makes the request side stricter: PartCreatePayload may send null.
    expect(after.diagnostics.map((d) => d.code)).toContain('field-nullability');
    // The lens above `Part` counts its mismatches: the client is told to ask again.
    await client.until(() => client.lensRefreshes > refreshesBefore);
    expect(client.lensRefreshes).toBeGreaterThan(refreshesBefore);
  });
});
