// Builds a root's index in a worker thread (see index-worker.ts) and assembles it on this side
// as the batches of facts arrive. Falls back to indexing in this thread when the worker cannot
// run, so a missing or broken worker costs memory and responsiveness, not the index.
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { detachStrings, type StringPool } from '../core/detach-strings';
import type { FileFacts } from '../core/facts';
import { WorkspaceIndex } from '../core/index/workspace-index';
import { describeError, silentLogger } from '../core/log';
import { alembicEnvironments } from '../core/migrations/migration-layout';
import { finishInSlices, type Pausable } from '../core/pausable';
import type { IndexWorkerInput, IndexWorkerMessage } from './index-worker-protocol';
import { discoverFiles, type DiscoveredFiles } from './discover';
import { loadWorkspace, type LoadedWorkspace, type LoadOptions } from './load-workspace';
import { readTsPathConfigs } from './tsconfig';

export type WorkspaceLoader = (root: string, options: LoadOptions) => Promise<LoadedWorkspace>;

/** A loader that indexes in a worker running `script` (the bundled index-worker.js). */
export function workerLoader(script: string): WorkspaceLoader {
  return async (root, options) => {
    const logger = options.logger ?? silentLogger;
    if (!existsSync(script)) {
      logger.warn(`The indexing worker ${script} is missing; indexing in the server's thread.`);
      return loadWorkspace(root, options);
    }
    try {
      logger.info(`Indexing ${root} in a worker thread`);
      const index = new WorkspaceIndex();
      const pool: StringPool = new Map();
      const done = await runWorker(script, root, options, pool, (facts) => index.setFile(facts));
      const { tsConfigs, ...summary } = done;
      index.setTsConfigs(tsConfigs);
      return { root, index, ...summary };
    } catch (error) {
      logger.warn(`The indexing worker failed (${describeError(error)}); indexing again here.`);
      return loadWorkspace(root, options);
    }
  };
}

/**
 * A loader that splits the files of a root into `threads` shares, for the CLI on a machine with
 * several cores: this thread extracts one share while workers running `script` take the others
 * (a worker of its own would idle this thread and pay again for the code, the wasm runtime and
 * the queries). Small roots, one core or a missing script load here alone.
 */
export function parallelLoader(
  script: string,
  threads: number,
  minFilesPerThread = MIN_FILES_PER_THREAD,
): WorkspaceLoader {
  return async (root, options) => {
    const logger = options.logger ?? silentLogger;
    const discovered = discoverFiles(root, options);
    const here = { ...options, discovered };
    const { length } = discovered.sources;
    if (threads < 2 || length < threads * minFilesPerThread || !existsSync(script))
      return loadWorkspace(root, here);
    try {
      return await loadSplit(script, root, options, threads, discovered);
    } catch (error) {
      logger.warn(`The indexing workers failed (${describeError(error)}); indexing again here.`);
      return loadWorkspace(root, here);
    }
  };
}

/** Below this many files a thread costs more to start (wasm runtime, grammars) than it saves. */
const MIN_FILES_PER_THREAD = 100;

async function loadSplit(
  script: string,
  root: string,
  options: LoadOptions,
  threads: number,
  discovered: DiscoveredFiles,
): Promise<LoadedWorkspace> {
  const started = performance.now();
  const total = discovered.sources.length;
  const doneBy = new Array<number>(threads).fill(0);
  const pool: StringPool = new Map();
  const byFile = new Map<string, FileFacts>();
  const [own, ...shares] = shareFiles(root, discovered.sources, threads);
  const progressOf = (thread: number) => (done: number) => {
    doneBy[thread] = done;
    options.onProgress?.(
      doneBy.reduce((sum, count) => sum + count, 0),
      total,
    );
  };
  // The workers start first, so they load while this thread extracts its own share.
  const workers = shares.map((files, i) => {
    const share = { ...options, files, onProgress: progressOf(i + 1) };
    return runWorker(script, root, share, pool, (facts) => byFile.set(facts.file, facts));
  });
  const working = Promise.all(workers);
  // A worker may fail while this thread is busy: that is answered below, not left unhandled.
  working.catch(() => undefined);
  const here = await loadWorkspace(root, {
    ...options,
    discovered: { sources: own, projectConfigs: [] },
    onProgress: progressOf(0),
  });
  for (const facts of here.index.allFacts()) byFile.set(facts.file, facts);
  const parts = [here, ...(await working)];
  // The index takes the files in discovery order, as a load in one thread does.
  const index = new WorkspaceIndex();
  index.setTsConfigs(readTsPathConfigs(root, discovered.projectConfigs));
  for (const file of discovered.sources) {
    const facts = byFile.get(file);
    if (facts) index.setFile(facts);
  }
  const skipped = parts.flatMap((part) => part.skipped);
  skipped.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  return {
    root,
    index,
    files: discovered.sources,
    skipped,
    milliseconds: performance.now() - started,
  };
}

/**
 * Splits files into shares of about equal size: the largest first, each to the lightest share.
 * Alembic revisions all go to the first share, this thread's: raw SQL in them loads and warms up
 * the SQL parser, which is worth doing in one thread only.
 */
function shareFiles(root: string, files: string[], count: number): string[][] {
  const revisions = new Set(alembicEnvironments(new Set(files)).flatMap((env) => env.revisions));
  const sized = files.map((file) => ({ file, size: sizeOf(join(root, file)) }));
  sized.sort((a, b) => b.size - a.size);
  const shares = Array.from({ length: count }, () => ({ files: [] as string[], size: 0 }));
  for (const { file, size } of sized) {
    const share = revisions.has(file)
      ? shares[0]
      : shares.reduce((min, next) => (next.size < min.size ? next : min));
    share.files.push(file);
    share.size += size;
  }
  return shares.map((share) => share.files);
}

function sizeOf(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}

type WorkerDone = Omit<Extract<IndexWorkerMessage, { kind: 'done' }>, 'kind'>;

function* takeBatch(
  json: string,
  pool: StringPool,
  onFacts: (facts: FileFacts) => void,
): Pausable<void> {
  for (const facts of JSON.parse(json) as FileFacts[]) {
    onFacts(detachStrings(facts, pool));
    yield;
  }
}

function* takePieces(
  message: Extract<IndexWorkerMessage, { kind: 'facts-in-pieces' }>,
  pool: StringPool,
  onFacts: (facts: FileFacts) => void,
): Pausable<void> {
  const facts = detachStrings(JSON.parse(message.json) as Record<string, unknown[]>, pool);
  for (const piece of message.pieces) {
    yield;
    const list = facts[piece.key];
    // A pause after each item too: sharing a large item's strings takes as long as parsing it.
    for (const item of JSON.parse(piece.json) as unknown[]) {
      list.push(detachStrings(item, pool));
      yield;
    }
  }
  onFacts(facts as unknown as FileFacts);
}

/**
 * Runs one worker over a root (or over `files` of it), hands each file's facts to `onFacts` as
 * they arrive (their strings shared through `pool`), and resolves with the worker's summary.
 */
function runWorker(
  script: string,
  root: string,
  options: LoadOptions & { files?: string[] },
  pool: StringPool,
  onFacts: (facts: FileFacts) => void,
): Promise<WorkerDone> {
  const logger = options.logger ?? silentLogger;
  const input: IndexWorkerInput = {
    root,
    include: options.include,
    exclude: options.exclude,
    files: options.files,
  };
  const worker = new Worker(script, { workerData: input });
  return new Promise<WorkerDone>((resolve, reject) => {
    // Batches are taken in order, a few files per slice, so a burst of them does not hold this
    // thread; the summary waits for the last one.
    let taken = Promise.resolve();
    const take = (work: () => Pausable<void>) => {
      taken = taken.then(() => finishInSlices(work()));
    };
    let settled = false;
    const settle = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      outcome();
      void worker.terminate();
    };
    worker.on('message', (message: IndexWorkerMessage) => {
      switch (message.kind) {
        case 'progress':
          return options.onProgress?.(message.done, message.total);
        case 'log':
          return logger[message.level](message.message);
        case 'facts':
          return take(() => takeBatch(message.json, pool, onFacts));
        case 'facts-in-pieces':
          return take(() => takePieces(message, pool, onFacts));
        case 'done': {
          const { kind: _kind, ...done } = message;
          // Settled at once, so the worker's exit is not taken for a failure meanwhile.
          return settle(() => resolve(taken.then(() => done)));
        }
        case 'failed':
          return settle(() => reject(new Error(message.error)));
      }
    });
    worker.on('error', (error) => settle(() => reject(error)));
    worker.on('exit', (code) =>
      settle(() => reject(new Error(`the worker exited with code ${code} before it was done`))),
    );
  });
}
