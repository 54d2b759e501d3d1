// An edit storm over LSP against the built server (run `npm run build` first): 1,000 rapid
// didChange events across five open files of a copy of the example workspace — typing, pasting,
// deleting and undoing whole files — with hovers asked all along. The server must answer every
// hover, grow by less than 50 MB, and end with the diagnostics a fresh server gives the final text.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestLspClient } from '../helpers/lsp-client';
import { EXAMPLE_ROOT } from './corpus';
import { seededRandom, type Random } from './prng';

const EDITS = 1000;
const HOVER_EVERY = 20;
/** A hover slower than this counts as unanswered: generous, since the machine may be busy. */
const HOVER_TIMEOUT_MS = 15_000;
const QUIET_MS = 800;

const FILES = [
  'frontend/src/types/part.ts',
  'frontend/src/services/parts.ts',
  'frontend/src/components/PartTable.tsx',
  'backend/app/schemas/part.py',
  'backend/app/models/part.py',
];

interface Position {
  line: number;
  character: number;
}

interface OpenFile {
  path: string;
  uri: string;
  original: string;
  text: string;
  version: number;
}

let workspace: string;

beforeAll(() => {
  workspace = mkdtempSync(join(tmpdir(), 'seam-storm-'));
  cpSync(EXAMPLE_ROOT, workspace, { recursive: true });
});

afterAll(() => rmSync(workspace, { recursive: true, force: true }));

describe('an edit storm over LSP', () => {
  it('keeps answering, stays small and ends where a fresh server starts', async () => {
    const storm = new StormClient();
    await storm.start(workspace);
    const files = FILES.map((path) => storm.open(path));
    await storm.quiet();
    const rssBefore = storm.residentMegabytes();

    const random = seededRandom(20_240_601);
    const hovers: Promise<number>[] = [];
    for (let i = 0; i < EDITS; i++) {
      const file = random.pick(files);
      storm.change(file, randomEdit(file, files, random));
      if (i % HOVER_EVERY === 0) hovers.push(storm.hover(random.pick(files), random));
      // Bursts of ten edits, as fast as a client sends them, then a breath for the server.
      if (i % 10 === 9) await new Promise((wake) => setTimeout(wake, 2));
    }
    const hoverTimes = await Promise.all(hovers);
    await storm.quiet();
    const rssAfter = storm.residentMegabytes();
    const stormDiagnostics = storm.diagnostics(workspace);
    await storm.client.shutdown();

    for (const file of files) writeFileSync(join(workspace, file.path), file.text);
    const fresh = new StormClient();
    await fresh.start(workspace);
    await fresh.quiet();
    const freshDiagnostics = fresh.diagnostics(workspace);
    await fresh.client.shutdown();

    console.log(
      `edit storm: ${EDITS} edits, ${hovers.length} hovers answered, slowest ` +
        `${Math.round(Math.max(...hoverTimes))} ms, median ${Math.round(median(hoverTimes))} ms; ` +
        `RSS ${rssBefore} MB -> ${rssAfter} MB`,
    );
    expect(hoverTimes).toHaveLength(EDITS / HOVER_EVERY);
    expect(rssAfter - rssBefore).toBeLessThan(50);
    expect(Object.keys(stormDiagnostics).length).toBeGreaterThan(0);
    expect(stormDiagnostics).toEqual(freshDiagnostics);
  }, 240_000);
});

function median(values: number[]): number {
  return [...values].sort((a, b) => a - b)[values.length >> 1];
}

/** One storm edit: a typed character, a pasted block, a deleted span or a whole-file undo. */
function randomEdit(file: OpenFile, files: OpenFile[], random: Random) {
  const kind = random.next();
  if (kind < 0.05) return { text: file.original };
  const lines = file.text.split('\n');
  const start = randomPosition(lines, random);
  if (kind < 0.65) return { range: { start, end: start }, text: random.pick(TYPED) };
  if (kind < 0.8) {
    const source = random.pick(files).original.split('\n');
    const from = random.below(source.length);
    const block = source.slice(from, from + random.between(1, 15)).join('\n');
    return { range: { start, end: start }, text: block };
  }
  const end = randomPosition(lines, random);
  const ordered = compare(start, end) <= 0 ? { start, end } : { start: end, end: start };
  return { range: ordered, text: '' };
}

const TYPED = ['a', 'x', ' ', '\n', ':', '(', ')', '{', '}', '[', ']', ',', '"', "'", '|', '?'];

function randomPosition(lines: string[], random: Random): Position {
  const line = random.below(lines.length);
  return { line, character: random.below(lines[line].length + 1) };
}

function compare(a: Position, b: Position): number {
  return a.line - b.line || a.character - b.character;
}

/** The text after an LSP change, applied the way the server does it (UTF-16 offsets). */
function applyChange(
  text: string,
  change: { range?: { start: Position; end: Position }; text: string },
) {
  if (!change.range) return change.text;
  const offset = (position: Position) => {
    const lines = text.split('\n');
    let result = 0;
    for (let line = 0; line < position.line; line++) result += lines[line].length + 1;
    return result + position.character;
  };
  return (
    text.slice(0, offset(change.range.start)) + change.text + text.slice(offset(change.range.end))
  );
}

/** A TestLspClient with the bookkeeping of the storm: open files, quiet periods, snapshots. */
class StormClient {
  readonly client = new TestLspClient();
  private readonly published = new Map<
    string,
    { code?: string | number; message: string; range: unknown }[]
  >();
  private lastMessageAt = performance.now();

  async start(root: string): Promise<void> {
    this.client.connection.onNotification(
      'textDocument/publishDiagnostics',
      (params: {
        uri: string;
        diagnostics: { code?: string | number; message: string; range: unknown }[];
      }) => {
        this.published.set(params.uri, params.diagnostics);
        this.lastMessageAt = performance.now();
      },
    );
    this.client.connection.onNotification('seam/status', () => {
      this.lastMessageAt = performance.now();
    });
    await this.client.initialize(root, { debounceMs: 20 });
  }

  open(path: string): OpenFile {
    const absolute = join(workspace, path);
    const text = readFileSync(absolute, 'utf8');
    const file = {
      path,
      uri: pathToFileURL(absolute).toString(),
      original: text,
      text,
      version: 1,
    };
    const languageId = path.endsWith('.py')
      ? 'python'
      : path.endsWith('.tsx')
        ? 'typescriptreact'
        : 'typescript';
    void this.client.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri: file.uri, languageId, version: 1, text },
    });
    return file;
  }

  change(
    file: OpenFile,
    change: { range?: { start: Position; end: Position }; text: string },
  ): void {
    file.text = applyChange(file.text, change);
    file.version++;
    void this.client.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri: file.uri, version: file.version },
      contentChanges: [change],
    });
  }

  /** Asks a hover at a random position; resolves with the time the answer took. */
  hover(file: OpenFile, random: Random): Promise<number> {
    const started = performance.now();
    const lines = file.text.split('\n');
    const answer = this.client.connection.sendRequest('textDocument/hover', {
      textDocument: { uri: file.uri },
      position: randomPosition(lines, random),
    });
    const timeout = new Promise<never>((_, reject) =>
      setTimeout(() => reject(new Error('hover not answered in time')), HOVER_TIMEOUT_MS),
    );
    return Promise.race([answer, timeout]).then(() => performance.now() - started);
  }

  /**
   * Waits until every queued message was handled (a request is answered after the notifications
   * sent before it) and then the server has said nothing for a while: its debounced publish
   * cycle comes after the answer.
   */
  async quiet(): Promise<void> {
    await this.client.connection.sendRequest('textDocument/hover', {
      textDocument: { uri: pathToFileURL(join(workspace, FILES[0])).toString() },
      position: { line: 0, character: 0 },
    });
    this.lastMessageAt = Math.max(this.lastMessageAt, performance.now());
    while (performance.now() - this.lastMessageAt < QUIET_MS) {
      await new Promise((wake) => setTimeout(wake, 100));
    }
  }

  residentMegabytes(): number {
    const status = readFileSync(`/proc/${this.client.pid}/status`, 'utf8');
    return Math.round(Number(/VmRSS:\s+(\d+)/.exec(status)?.[1]) / 1024);
  }

  /** The latest non-empty diagnostics per file, keyed by path relative to the root. */
  diagnostics(root: string): Record<string, unknown[]> {
    const prefix = pathToFileURL(root).toString() + '/';
    const result: Record<string, unknown[]> = {};
    for (const [uri, diagnostics] of [...this.published].sort(([a], [b]) => a.localeCompare(b))) {
      if (diagnostics.length) result[uri.replace(prefix, '')] = diagnostics;
    }
    return result;
  }
}
