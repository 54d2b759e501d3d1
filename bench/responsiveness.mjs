// How long the language server stays deaf while it indexes: starts the built server over stdio
// on a folder and, from `initialized` until the first diagnostics cycle ends, sends a request
// the server does not know every 50 ms. JSON-RPC answers such a request ("method not found") as
// soon as the server's event loop reads it, so each answer's delay is how long the loop was busy.
// Also says when the first and last progress reports arrived (a blocked loop sends them all at
// the end, and the editor's progress bar never moves).
//
// Usage: npm run build && node bench/responsiveness.mjs <folder>   prints one JSON line
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  createMessageConnection,
  StreamMessageReader,
  StreamMessageWriter,
} from 'vscode-jsonrpc/node';

const here = dirname(fileURLToPath(import.meta.url));
const project = resolve(process.argv[2] ?? '.');
const PING_EVERY_MS = 50;

const loopDelayFile = join(mkdtempSync(join(tmpdir(), 'seam-loop-')), 'delay.json');
const server = spawn(
  process.execPath,
  ['-r', join(here, 'loop-delay.cjs'), join(here, '..', 'dist', 'server.js'), '--stdio'],
  {
    stdio: ['pipe', 'pipe', 'ignore'],
    env: { ...process.env, SEAM_BENCH_LOOP_DELAY_OUT: loopDelayFile },
  },
);
const exited = new Promise((wake) => server.on('exit', wake));
const connection = createMessageConnection(
  new StreamMessageReader(server.stdout),
  new StreamMessageWriter(server.stdin),
);
const progressTimes = [];
let statusSeen;
const statusPromise = new Promise((wake) => (statusSeen = wake));
connection.onRequest('window/workDoneProgress/create', () => null);
connection.onRequest('client/registerCapability', () => null);
connection.onRequest('window/showMessageRequest', () => null);
connection.onNotification('$/progress', () => progressTimes.push(performance.now()));
connection.onNotification('seam/status', () => statusSeen());
connection.onNotification(() => undefined);
connection.listen();

await connection.sendRequest('initialize', {
  processId: process.pid,
  rootUri: pathToFileURL(project).toString(),
  workspaceFolders: [{ uri: pathToFileURL(project).toString(), name: 'bench' }],
  capabilities: { window: { workDoneProgress: true } },
  initializationOptions: { debounceMs: 0 },
});
const started = performance.now();
await connection.sendNotification('initialized', {});

const delays = [];
const pings = [];
const timer = setInterval(() => {
  const sent = performance.now();
  pings.push(
    connection.sendRequest('seam/benchPing').then(
      () => delays.push(performance.now() - sent),
      () => delays.push(performance.now() - sent),
    ),
  );
}, PING_EVERY_MS);
await statusPromise;
const indexSeconds = (performance.now() - started) / 1000;
clearInterval(timer);
await Promise.all(pings);

await connection.sendRequest('shutdown');
await connection.sendNotification('exit');
// The server writes its own event-loop figures as it exits.
const killer = setTimeout(() => server.kill(), 5000);
await exited;
clearTimeout(killer);
connection.dispose();
const loop = existsSync(loopDelayFile) ? JSON.parse(readFileSync(loopDelayFile, 'utf8')) : {};
rmSync(dirname(loopDelayFile), { recursive: true, force: true });

const sorted = [...delays].sort((a, b) => a - b);
const at = (q) => Math.round(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]);
console.log(
  JSON.stringify({
    project,
    firstCycleSeconds: Math.round(indexSeconds * 100) / 100,
    pings: delays.length,
    pingMedianMs: at(0.5),
    pingP95Ms: at(0.95),
    pingMaxMs: Math.round(sorted.at(-1) ?? 0),
    // The server's event loop as it saw itself (bench/loop-delay.cjs), without the time the OS
    // gave other threads and processes before an answer reached this process.
    serverLoopDelayMedianMs: loop.medianMs,
    serverLoopDelayP95Ms: loop.p95Ms,
    serverLoopDelayP99Ms: loop.p99Ms,
    serverLoopDelayMaxMs: loop.maxMs,
    progressReports: progressTimes.length,
    // When the progress reports arrived, as seconds after `initialized`: all at the end means
    // the progress bar never moved.
    progressArrivedSeconds: [progressTimes[0], progressTimes.at(-1)].map((time) =>
      time === undefined ? null : Math.round((time - started) / 10) / 100,
    ),
  }),
);
