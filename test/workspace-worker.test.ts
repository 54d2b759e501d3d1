// The server builds its first index in a worker thread (dist/index-worker.js, built by
// `npm run build`): the facts that cross over equal those of indexing in this thread, also when
// a large file crosses in pieces, and a worker that cannot run leaves the index to this thread
// with a log line.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Logger } from '../server/src/core/log';
import { parallelLoader, workerLoader } from '../server/src/workspace/load-in-worker';
import { loadWorkspace } from '../server/src/workspace/load-workspace';

const repo = join(__dirname, '..');
const example = join(repo, 'examples', 'inventory');

function recordingLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  return {
    lines,
    info: (message) => lines.push(`info: ${message}`),
    warn: (message) => lines.push(`warn: ${message}`),
    error: (message) => lines.push(`error: ${message}`),
  };
}

describe('indexing in a worker thread', () => {
  it('gives the same facts, path aliases and progress as indexing here', async () => {
    const logger = recordingLogger();
    const progress: number[] = [];
    const load = workerLoader(join(repo, 'dist', 'index-worker.js'));
    const inWorker = await load(example, { logger, onProgress: (done) => progress.push(done) });
    const here = await loadWorkspace(example);

    expect(inWorker.files).toEqual(here.files);
    expect([...inWorker.index.allFacts()]).toEqual([...here.index.allFacts()]);
    expect(inWorker.index.tsPathConfigs).toEqual(here.index.tsPathConfigs);
    expect(progress.at(-1)).toBe(here.files.length);
    expect(logger.lines).toEqual([`info: Indexing ${example} in a worker thread`]);
  });

  it('sends the facts in batches as it goes, a large file in pieces, and they arrive whole', async () => {
    const root = mkdtempSync(join(tmpdir(), 'seam-worker-'));
    mkdirSync(join(root, 'src'));
    // A generated client of 2,000 types: its facts alone outgrow a batch (256 KB of JSON).
    const types = Array.from(
      { length: 2_000 },
      (_, i) => `export interface Model${i} {\n  id: number;\n  name_${i}: string | null;\n}\n`,
    );
    writeFileSync(join(root, 'src', 'client.ts'), types.join(''));
    // More small files than one batch holds.
    for (let i = 0; i < 120; i++)
      writeFileSync(
        join(root, 'src', `part${i}.ts`),
        `export interface Part${i} { sku: string }\n`,
      );
    const inWorker = await workerLoader(join(repo, 'dist', 'index-worker.js'))(root, {});
    const here = await loadWorkspace(root);

    const client = here.index.fileFacts('src/client.ts')!;
    expect(JSON.stringify(client).length).toBeGreaterThan(256 * 1024);
    expect(client.entities).toHaveLength(2_000);
    expect([...inWorker.index.allFacts()]).toEqual([...here.index.allFacts()]);
  });

  it('indexes in this thread, with a warning, when the worker script is missing', async () => {
    const logger = recordingLogger();
    const load = workerLoader(join(repo, 'dist', 'no-such-worker.js'));
    const loaded = await load(example, { logger });

    expect(loaded.index.fileCount).toBe((await loadWorkspace(example)).index.fileCount);
    expect(logger.lines).toHaveLength(1);
    expect(logger.lines[0]).toMatch(/^warn: The indexing worker .* is missing/);
  });

  it('indexes in this thread when the worker fails', async () => {
    const logger = recordingLogger();
    const script = join(mkdtempSync(join(tmpdir(), 'seam-worker-')), 'broken-worker.js');
    writeFileSync(script, "throw new Error('the worker broke');\n");
    const loaded = await workerLoader(script)(example, { logger });

    expect(loaded.index.fileCount).toBeGreaterThan(0);
    expect(logger.lines.at(-1)).toMatch(/^warn: The indexing worker failed .*the worker broke/);
  });
});

describe('indexing split between worker threads (the CLI on several cores)', () => {
  it('gives the same index, in the same file order, as indexing here', async () => {
    const progress: number[] = [];
    const load = parallelLoader(join(repo, 'dist', 'index-worker.js'), 3, 1);
    const split = await load(example, { onProgress: (done) => progress.push(done) });
    const here = await loadWorkspace(example);

    expect(split.files).toEqual(here.files);
    expect([...split.index.allFacts()]).toEqual([...here.index.allFacts()]);
    expect(split.index.tsPathConfigs).toEqual(here.index.tsPathConfigs);
    expect(split.skipped).toEqual(here.skipped);
    expect(Math.max(...progress)).toBe(here.files.length);
  });

  it('indexes everything here again, with a warning, when a worker fails', async () => {
    const logger = recordingLogger();
    const script = join(mkdtempSync(join(tmpdir(), 'seam-worker-')), 'broken-worker.js');
    writeFileSync(script, "throw new Error('the worker broke');\n");
    const loaded = await parallelLoader(script, 3, 1)(example, { logger });

    expect([...loaded.index.allFacts()]).toEqual([
      ...(await loadWorkspace(example)).index.allFacts(),
    ]);
    expect(logger.lines).toHaveLength(1);
    expect(logger.lines[0]).toMatch(/^warn: The indexing workers failed .*the worker broke/);
  });

  it('stays in this thread for a small root or a single thread', async () => {
    const logger = recordingLogger();
    const script = join(repo, 'dist', 'index-worker.js');
    for (const load of [parallelLoader(script, 4), parallelLoader(script, 1, 1)]) {
      const loaded = await load(example, { logger });
      expect(loaded.index.fileCount).toBe((await loadWorkspace(example)).index.fileCount);
    }
    expect(logger.lines).toEqual([]);
  });
});
