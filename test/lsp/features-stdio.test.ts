// The editor features over stdio, on a copy of examples/inventory, as an editor asks for them:
// hover, definition, code lens, code action, rename, the pairs request and settings. Run
// `npm run build` first: the test starts dist/server.js.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  startOnExampleCopy,
  type ExampleSession,
  type PublishedDiagnostics,
  type TestLspClient,
} from '../helpers/lsp-client';

const TS_FILE = 'frontend/src/types/part.ts';
const PY_FILE = 'backend/app/schemas/part.py';
let session: ExampleSession;
let workspace: string;
let client: TestLspClient;
let tsUri: string;
let tsLines: string[];
let published: PublishedDiagnostics;
const messages: string[] = [];

beforeAll(async () => {
  session = await startOnExampleCopy('seam-lsp-features-');
  ({ workspace, client } = session);
  client.connection.onRequest('window/showMessageRequest', (p: { message: string }) => {
    messages.push(p.message);
    return null;
  });
  tsUri = uriOf(TS_FILE);
  const text = readFileSync(join(workspace, TS_FILE), 'utf8');
  tsLines = text.split('\n');
  await open(TS_FILE, 'typescript', text);
  published = await client.diagnosticsWhere(tsUri, (p) => p.diagnostics.length > 0);
});

afterAll(async () => {
  await session?.close();
});

function uriOf(file: string): string {
  return pathToFileURL(join(workspace, file)).toString();
}

async function open(file: string, languageId: string, text: string): Promise<void> {
  await client.connection.sendNotification('textDocument/didOpen', {
    textDocument: { uri: uriOf(file), languageId, version: 1, text },
  });
}

/** The position of `needle` on the first line holding it, plus `offset` characters. */
function at(lines: string[], needle: string, offset = 0) {
  const line = lines.findIndex((l) => l.includes(needle));
  return { line, character: lines[line].indexOf(needle) + offset };
}

interface Location {
  uri: string;
  range: { start: { line: number } };
}

describe('editor features over stdio', () => {
  it('hovers a TS interface with its backend class', async () => {
    const result = await client.connection.sendRequest<{ contents: { value: string } }>(
      'textDocument/hover',
      { textDocument: { uri: tsUri }, position: at(tsLines, 'interface Part {', 11) },
    );
    expect(result.contents.value).toContain('mirrors [PartResponse](');
    expect(result.contents.value).toContain('class PartResponse(PartBase):');
  });

  it('goes from a TS field to the Python field', async () => {
    const locations = await client.connection.sendRequest<Location[]>('textDocument/definition', {
      textDocument: { uri: tsUri },
      position: at(tsLines, 'description: string;', 2),
    });
    const pyLines = readFileSync(join(workspace, PY_FILE), 'utf8').split('\n');
    expect(locations).toEqual([
      expect.objectContaining({
        uri: uriOf(PY_FILE),
        range: expect.objectContaining({ start: at(pyLines, 'description: Optional') }),
      }),
    ]);
  });

  it('puts a lens above each paired TS type', async () => {
    const lenses = await client.connection.sendRequest<{ command: { title: string } }[]>(
      'textDocument/codeLens',
      { textDocument: { uri: tsUri } },
    );
    expect(lenses.map((l) => l.command.title)).toContain('mirrors PartCreate · 1 mismatch');
    // This client did not say it can refresh lenses, so it is never asked to.
    expect(client.lensRefreshes).toBe(0);
  });

  it('offers the quick fix a finding carries', async () => {
    const position = at(tsLines, 'description: string;', 2);
    const diagnostics = published.diagnostics.filter(
      (d) => (d.range as { start: { line: number } }).start.line === position.line,
    );
    const actions = await client.connection.sendRequest<
      { title: string; edit?: { changes: Record<string, { newText: string }[]> } }[]
    >('textDocument/codeAction', {
      textDocument: { uri: tsUri },
      range: { start: position, end: position },
      context: { diagnostics },
    });
    const addNull = actions.find((a) => a.title === 'Add `| null`');
    expect(addNull?.edit?.changes[tsUri]).toEqual([
      expect.objectContaining({ newText: ' | null' }),
    ]);
  });

  it('renames a schema field across the ORM model and the TS mirrors', async () => {
    const pyLines = readFileSync(join(workspace, PY_FILE), 'utf8').split('\n');
    const position = at(pyLines, 'manufacturer: Optional');
    const prepared = await client.connection.sendRequest<{ placeholder: string }>(
      'textDocument/prepareRename',
      { textDocument: { uri: uriOf(PY_FILE) }, position },
    );
    expect(prepared.placeholder).toBe('manufacturer');
    const edit = await client.connection.sendRequest<{ changes: Record<string, unknown[]> }>(
      'textDocument/rename',
      { textDocument: { uri: uriOf(PY_FILE) }, position, newName: 'maker' },
    );
    const counts = Object.fromEntries(
      Object.entries(edit.changes).map(([uri, edits]) => [uri, edits.length]),
    );
    // PartBase and PartUpdate, the ORM model, and the three TS interfaces.
    expect(counts).toEqual({
      [uriOf(PY_FILE)]: 2,
      [uriOf('backend/app/models/part.py')]: 1,
      [tsUri]: 3,
    });
  });

  it('refuses to prepare a rename of a TS field, leaving it to tsserver', async () => {
    const prepared = client.connection.sendRequest('textDocument/prepareRename', {
      textDocument: { uri: tsUri },
      position: at(tsLines, 'description: string;', 2),
    });
    expect(await prepared).toBeNull();
  });

  it('answers seam/pairsForFile', async () => {
    const pairs = await client.connection.sendRequest<{ frontend: string; backend: string }[]>(
      'seam/pairsForFile',
      { uri: tsUri },
    );
    expect(pairs.map((p) => p.backend)).toContain('backend/app/schemas/part.py#PartResponse');
  });

  it('applies settings pushed by the client and reports a bad one once', async () => {
    const settings = { seam: { rules: { 'field-nullability': 'off' }, pairing: { threshold: 7 } } };
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings });
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings });
    const after = await client.diagnosticsWhere(
      tsUri,
      (p) => !p.diagnostics.some((d) => d.code === 'field-nullability'),
    );
    expect(after.diagnostics.map((d) => d.code)).toContain('field-type-mismatch');
    expect(messages.filter((m) => m.includes('pairing.threshold'))).toHaveLength(1);
  });
});
