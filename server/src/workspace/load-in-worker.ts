// Builds a root's index in a worker thread (see index-worker.ts) and assembles it on this side
// as the batches of facts arrive. Falls back to indexing in this thread when the worker cannot
// run, so a missing or broken worker costs memory and responsiveness, not the index.
import { existsSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { detachStrings, type StringPool } from '../core/detach-strings';
import { WorkspaceIndex } from '../core/index/workspace-index';
import { describeError, silentLogger } from '../core/log';
import type { IndexWorkerInput, IndexWorkerMessage } from './index-worker-protocol';
import { loadWorkspace, type LoadedWorkspace, type LoadOptions } from './load-workspace';

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
      return await loadInWorker(script, root, options);
    } catch (error) {
      logger.warn(`The indexing worker failed (${describeError(error)}); indexing again here.`);
      return loadWorkspace(root, options);
    }
  };
}

function loadInWorker(
  script: string,
  root: string,
  options: LoadOptions,
): Promise<LoadedWorkspace> {
  const logger = options.logger ?? silentLogger;
  const input: IndexWorkerInput = { root, include: options.include, exclude: options.exclude };
  const worker = new Worker(script, { workerData: input });
  const index = new WorkspaceIndex();
  const pool: StringPool = new Map();
  return new Promise<LoadedWorkspace>((resolve, reject) => {
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
          for (const facts of message.facts) index.setFile(detachStrings(facts, pool));
          return;
        case 'done':
          index.setTsConfigs(message.tsConfigs);
          return settle(() =>
            resolve({
              root,
              index,
              files: message.files,
              skipped: message.skipped,
              milliseconds: message.milliseconds,
            }),
          );
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
