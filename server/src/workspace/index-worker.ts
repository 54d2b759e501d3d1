// The worker thread's side of a first index: discovers, reads, parses and extracts a root like
// the CLI does, sends the facts to the server in batches and ends. Parsing a large file grows the
// WebAssembly memory of tree-sitter, which never shrinks; in a worker it goes away with the
// thread, and the server's event loop stays free for the editor meanwhile.
import { parentPort, workerData } from 'node:worker_threads';
import { describeError, type Logger } from '../core/log';
import type { IndexWorkerInput, IndexWorkerMessage } from './index-worker-protocol';
import { loadWorkspace } from './load-workspace';

/** Files per message: small enough that the server takes each batch without a long pause. */
const BATCH = 100;
/** Files between two progress messages. */
const PROGRESS_EVERY = 25;

const port = parentPort;
if (port) void run(port, workerData as IndexWorkerInput);

async function run(port: NonNullable<typeof parentPort>, input: IndexWorkerInput): Promise<void> {
  const send = (message: IndexWorkerMessage) => port.postMessage(message);
  const logger: Logger = {
    info: (message) => send({ kind: 'log', level: 'info', message }),
    warn: (message) => send({ kind: 'log', level: 'warn', message }),
    error: (message, error) =>
      send({ kind: 'log', level: 'warn', message: `${message}: ${describeError(error)}` }),
  };
  try {
    const workspace = await loadWorkspace(input.root, {
      logger,
      include: input.include,
      exclude: input.exclude,
      // A share of the files: path aliases are read by the thread that splits the root.
      discovered: input.files && { sources: input.files, projectConfigs: [] },
      onProgress: (done, total) => {
        if (done % PROGRESS_EVERY === 0 || done === total) send({ kind: 'progress', done, total });
      },
    });
    const facts = [...workspace.index.allFacts()];
    for (let start = 0; start < facts.length; start += BATCH)
      send({ kind: 'facts', json: JSON.stringify(facts.slice(start, start + BATCH)) });
    send({
      kind: 'done',
      tsConfigs: workspace.index.tsPathConfigs,
      files: workspace.files,
      skipped: workspace.skipped,
      milliseconds: workspace.milliseconds,
    });
  } catch (error) {
    send({ kind: 'failed', error: describeError(error) });
  }
}
