// The worker thread's side of a first index: discovers, reads, parses and extracts a root like
// the CLI does, sends the facts to the server in batches as it goes and ends. Parsing a large file grows the
// WebAssembly memory of tree-sitter, which never shrinks; in a worker it goes away with the
// thread, and the server's event loop stays free for the editor meanwhile.
import { parentPort, workerData } from 'node:worker_threads';
import type { FileFacts } from '../core/facts';
import { describeError, type Logger } from '../core/log';
import type { IndexWorkerInput, IndexWorkerMessage } from './index-worker-protocol';
import { loadWorkspace } from './load-workspace';

/**
 * A batch of facts leaves once it holds this many characters of JSON or this many files: small
 * enough that the server reads one in a few milliseconds, and sent while the worker goes on, so
 * the server takes them in as they come instead of all at the end.
 */
const BATCH_CHARS = 256 * 1024;
const BATCH_FILES = 50;
/**
 * A large file's lists leave in pieces of about this many characters of JSON: the server parses
 * a piece at once, and a piece of a whole batch's size held it ~15 ms on a slow machine.
 */
const PIECE_CHARS = 64 * 1024;
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
  let batch: string[] = [];
  let batchChars = 0;
  const flush = () => {
    if (batch.length) send({ kind: 'facts', json: `[${batch.join(',')}]` });
    batch = [];
    batchChars = 0;
  };
  try {
    const workspace = await loadWorkspace(input.root, {
      logger,
      include: input.include,
      exclude: input.exclude,
      // A share of the files: path aliases are read by the thread that splits the root.
      discovered: input.files && { sources: input.files, projectConfigs: [] },
      onFacts: (facts) => {
        const json = JSON.stringify(facts);
        if (json.length > BATCH_CHARS) {
          flush();
          return send(inPieces(facts));
        }
        batch.push(json);
        batchChars += json.length;
        if (batchChars >= BATCH_CHARS || batch.length >= BATCH_FILES) flush();
      },
      onProgress: (done, total) => {
        if (done % PROGRESS_EVERY === 0 || done === total) send({ kind: 'progress', done, total });
      },
    });
    flush();
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

/**
 * A file whose facts alone outgrow a batch (a generated client declares a thousand types): its
 * lists leave in pieces (PIECE_CHARS), which the server reads one at a time.
 */
function inPieces(facts: FileFacts): IndexWorkerMessage {
  const head: Record<string, unknown> = { ...facts };
  const pieces: { key: string; json: string }[] = [];
  for (const [key, value] of Object.entries(facts)) {
    if (!Array.isArray(value) || !value.length) continue;
    head[key] = [];
    let items: string[] = [];
    let chars = 0;
    for (const item of value) {
      const json = JSON.stringify(item);
      items.push(json);
      chars += json.length;
      if (chars < PIECE_CHARS) continue;
      pieces.push({ key, json: `[${items.join(',')}]` });
      items = [];
      chars = 0;
    }
    if (items.length) pieces.push({ key, json: `[${items.join(',')}]` });
  }
  return { kind: 'facts-in-pieces', json: JSON.stringify(head), pieces };
}
