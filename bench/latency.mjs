// Editor latency: starts the built language server over stdio on a real project, opens a file of
// about 2,000 lines, types 200 one-character edits into it (incremental changes), and times each
// didChange until the server's publish cycle ends. Prints the median and p95, the first index's
// time, and the server's resident memory after indexing (once it gave memory back), after the
// edits and after 12 s idle.
//
// Usage: npm run build && node bench/latency.mjs <project> [--file <relative path>]
//        [--edits 200] [--debounce 0] [--at code|comment]
//
// `--at code` (the default) types into the first identifier of a code line near the middle of
// the file, as a typo would; `--at comment` types into a comment line added there first.
//
// Two clocks per edit: until publishDiagnostics for the edited file (only when the file has
// findings; the server publishes nothing for a clean file) and until the `seam/status`
// notification that closes every publish cycle. The debounce defaults to 0 here so the figures
// are the server's work; add the editor's debounce (150 ms by default) for what a user waits.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { fdir } from 'fdir';
import {
  createMessageConnection,
  StreamMessageReader,
  StreamMessageWriter,
} from 'vscode-jsonrpc/node';

/** How long the server is left idle before its memory is read again, in ms. */
const IDLE_MS = 12_000;
/** How long to wait for the memory release that follows the first index, in ms. */
const RELEASE_WAIT_MS = 5_000;

const here = dirname(fileURLToPath(import.meta.url));
const args = parseArguments(process.argv.slice(2));
const project = resolve(args.project);
const file = args.file ?? pickFile(project);
const text = readFileSync(join(project, file), 'utf8');
const uri = pathToFileURL(join(project, file)).toString();

const server = spawn(process.execPath, [join(here, '..', 'dist', 'server.js'), '--stdio'], {
  stdio: ['pipe', 'pipe', 'inherit'],
});
const connection = createMessageConnection(
  new StreamMessageReader(server.stdout),
  new StreamMessageWriter(server.stdin),
);
const events = watchServer(connection);
connection.listen();

const indexStarted = performance.now();
await connection.sendRequest('initialize', {
  processId: process.pid,
  rootUri: pathToFileURL(project).toString(),
  workspaceFolders: [{ uri: pathToFileURL(project).toString(), name: 'bench' }],
  capabilities: { window: { workDoneProgress: true } },
  initializationOptions: { debounceMs: args.debounce },
});
await connection.sendNotification('initialized', {});
const released = events.nextRelease();
await events.nextStatus();
const indexSeconds = (performance.now() - indexStarted) / 1000;
// The server gives back what indexing grew at its first quiet second after the first check.
await Promise.race([released, new Promise((resume) => setTimeout(resume, RELEASE_WAIT_MS))]);
const rssAfterIndex = residentMegabytes(server.pid);

await connection.sendNotification('textDocument/didOpen', {
  textDocument: { uri, languageId: languageOf(file), version: 1, text },
});
await events.nextStatus();
const lines = text.split('\n');
const target = await prepareTarget(lines);

const toStatus = [];
const toPublish = [];
let column = target.character;
for (let i = 0; i < args.edits; i++) {
  // Alternate typing a character and deleting it, so the file stays the same size.
  const typing = i % 2 === 0;
  const start = performance.now();
  const published = events.nextPublish(uri);
  const status = events.nextStatus();
  if (typing) await change(i + 3, { line: target.line, character: column }, 'x');
  else await change(i + 3, { line: target.line, character: column - 1 }, '', 1);
  column += typing ? 1 : -1;
  await status;
  toStatus.push(performance.now() - start);
  const publishedAt = await Promise.race([published, Promise.resolve(undefined)]);
  if (publishedAt !== undefined) toPublish.push(publishedAt - start);
}
const rssAtEnd = residentMegabytes(server.pid);
// The server gives memory back once it has been idle for 10 s after growing (IdleMemoryRelease).
await new Promise((resume) => setTimeout(resume, IDLE_MS));
const rssIdle = residentMegabytes(server.pid);

console.log(
  JSON.stringify(
    {
      project,
      file,
      lines: lines.length,
      edits: args.edits,
      typedAt: `${args.at}, line ${target.line + 1}`,
      debounceMs: args.debounce,
      firstIndexSeconds: round(indexSeconds),
      didChangeToStatusMs: summary(toStatus),
      didChangeToPublishMs: toPublish.length ? summary(toPublish) : 'file has no findings',
      rssAfterIndexMB: rssAfterIndex,
      rssAtEndMB: rssAtEnd,
      rssIdleMB: rssIdle,
    },
    null,
    2,
  ),
);
await connection.sendRequest('shutdown');
await connection.sendNotification('exit');
connection.dispose();
server.kill();

/** Where to type: inside a code line's first identifier, or in a new comment line. */
async function prepareTarget(source) {
  const middle = Math.floor(source.length / 2);
  if (args.at === 'comment') {
    const marker = `${commentMarker(file)} seam bench`;
    await change(2, { line: middle, character: 0 }, `${marker}\n`);
    await events.nextStatus();
    return { line: middle, character: marker.length };
  }
  for (let line = middle; line < source.length; line++) {
    const match = /^(\s*)[A-Za-z_]\w{2,}/.exec(source[line]);
    if (match) return { line, character: match[1].length + 1 };
  }
  throw new Error('no code line after the middle of the file');
}

/** One incremental change: `text` replaces `length` characters at `position`. */
async function change(version, position, newText, length = 0) {
  const end = { line: position.line, character: position.character + length };
  await connection.sendNotification('textDocument/didChange', {
    textDocument: { uri, version },
    contentChanges: [{ range: { start: position, end }, text: newText }],
  });
}

/** Promises for the next status notification and the next publish of a URI (their times). */
function watchServer(messages) {
  let statusWaiters = [];
  const releaseWaiters = [];
  const publishWaiters = new Map();
  messages.onNotification('window/logMessage', ({ message }) => {
    if (message.includes('Gave memory back')) releaseWaiters.splice(0).forEach((wake) => wake());
  });
  messages.onRequest('window/workDoneProgress/create', () => null);
  messages.onRequest('client/registerCapability', () => null);
  messages.onRequest('window/showMessageRequest', () => null);
  messages.onNotification('seam/status', () => {
    const now = performance.now();
    statusWaiters.splice(0).forEach((wake) => wake(now));
  });
  messages.onNotification('textDocument/publishDiagnostics', (params) => {
    const now = performance.now();
    publishWaiters
      .get(params.uri)
      ?.splice(0)
      .forEach((wake) => wake(now));
  });
  messages.onNotification(() => undefined);
  return {
    nextStatus: () => new Promise((wake) => statusWaiters.push(wake)),
    nextRelease: () => new Promise((wake) => releaseWaiters.push(wake)),
    nextPublish: (target) =>
      new Promise((wake) => {
        const list = publishWaiters.get(target) ?? [];
        list.push(wake);
        publishWaiters.set(target, list);
      }),
  };
}

/** The indexed source file whose length is nearest 2,000 lines, tests and generated code last. */
function pickFile(root) {
  const files = new fdir()
    .withRelativePaths()
    .withPathSeparator('/')
    .exclude((name) => ['node_modules', '.git', 'dist', 'build', '.venv', 'venv'].includes(name))
    .filter((path) => /\.(py|ts|tsx)$/.test(path) && !path.endsWith('.d.ts'))
    .crawl(root)
    .sync();
  const scored = files.map((path) => {
    const count = readFileSync(join(root, path), 'utf8').split('\n').length;
    const penalty = /test|generated|__generated__|sdk\//i.test(path) ? 10_000 : 0;
    return { path, distance: Math.abs(count - 2000) + penalty };
  });
  scored.sort((a, b) => a.distance - b.distance);
  if (!scored.length) throw new Error(`no .py/.ts/.tsx file under ${root}`);
  return scored[0].path;
}

function parseArguments(argv) {
  const options = { project: undefined, file: undefined, edits: 200, debounce: 0, at: 'code' };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--file') options.file = argv[++i];
    else if (argv[i] === '--edits') options.edits = Number(argv[++i]);
    else if (argv[i] === '--debounce') options.debounce = Number(argv[++i]);
    else if (argv[i] === '--at') options.at = argv[++i];
    else options.project = argv[i];
  }
  if (!options.project) {
    console.error('usage: node bench/latency.mjs <project> [--file <path>] [--edits 200]');
    process.exit(2);
  }
  return options;
}

function residentMegabytes(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kilobytes = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN);
  return Math.round(kilobytes / 1024);
}

function summary(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return { median: round(at(0.5)), p95: round(at(0.95)), max: round(sorted.at(-1)) };
}

function languageOf(path) {
  if (path.endsWith('.py')) return 'python';
  return path.endsWith('.tsx') ? 'typescriptreact' : 'typescript';
}

function commentMarker(path) {
  return path.endsWith('.py') ? '#' : '//';
}

function round(value) {
  return Math.round(value * 10) / 10;
}
