// The language server's LSP wiring, and only that: the connection, document sync, progress,
// diagnostics publishing, and routing each request to a plain feature handler over the session.
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  CodeLensRefreshRequest,
  createConnection,
  DidChangeWatchedFilesNotification,
  ProposedFeatures,
  TextDocumentSyncKind,
  type Diagnostic,
  type InitializeParams,
} from 'vscode-languageserver/node';
import type { CheckResult } from './core/findings/check';
import { initSyntax } from './core/syntax/parser';
import { diagnosticsByFile } from './features/diagnostics';
import { registerFeatures } from './features/register';
import { registerMigrationReview } from './features/migration-review';
import { connectionLogger } from './session/logger';
import { SeamSession } from './session/seam-session';
import { IdleMemoryRelease } from './session/release-memory';
import { workerLoader } from './workspace/load-in-worker';
import { SEAM_VERSION } from './cli/version';
import { Requests } from './protocol';

const connection = createConnection(ProposedFeatures.all);
const logger = connectionLogger(connection);
const session = new SeamSession(logger, workerLoader(join(__dirname, 'index-worker.js')));
/** The diagnostics last sent per file, as JSON, to skip re-sending unchanged ones. */
const published = new Map<string, string>();
let rootPaths: string[] = [];
let debounceMs = 150;
let pending: NodeJS.Timeout | undefined;
let ready: Promise<void> = Promise.resolve();
/** Whether the client re-asks for code lenses when told to (`workspace/codeLens/refresh`). */
let canRefreshLenses = false;
const memory = new IdleMemoryRelease((milliseconds) =>
  logger.info(`Gave memory back in ${Math.round(milliseconds)} ms`),
);
/** How long the server waits for a quiet moment to give back what the first index grew. */
const FIRST_RELEASE_IDLE_MS = 1_000;
/** The check result each root's diagnostics were last published from. */
const publishedChecks = new Map<string, CheckResult>();

connection.onInitialize((params: InitializeParams) => {
  rootPaths = workspaceRoots(params);
  const options = params.initializationOptions as { debounceMs?: number } | undefined;
  if (typeof options?.debounceMs === 'number') debounceMs = options.debounceMs;
  canRefreshLenses = params.capabilities.workspace?.codeLens?.refreshSupport === true;
  logger.info(
    `Seam ${SEAM_VERSION} on Node ${process.version}; roots: ${rootPaths.join(', ') || 'none'}`,
  );
  return {
    serverInfo: { name: 'seam', version: SEAM_VERSION },
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
      hoverProvider: true,
      definitionProvider: true,
      referencesProvider: true,
      codeLensProvider: { resolveProvider: false },
      codeActionProvider: { resolveProvider: false },
      renameProvider: { prepareProvider: true },
      executeCommandProvider: { commands: [] },
    },
  };
});

connection.onInitialized(() => {
  // A client without dynamic registration refuses; unhandled, that rejection ends the server.
  connection.client
    .register(DidChangeWatchedFilesNotification.type, {
      watchers: [{ globPattern: '**/*.{py,ts,tsx}' }, { globPattern: '**/seam.json' }],
    })
    .catch(() =>
      logger.info('The client does not watch files for Seam; edits on disk are missed.'),
    );
  ready = indexRoots().catch((error) => logger.error('indexing failed', error));
});

/**
 * `12,345`. Not toLocaleString: its first call loads ICU's number formats, about 30 ms in which
 * the server answers nothing, in the middle of the first index.
 */
function withThousands(count: number): string {
  return String(count).replace(/\B(?=(\d{3})+$)/g, ',');
}

async function indexRoots(): Promise<void> {
  const started = performance.now();
  await initSyntax();
  // A client may refuse the progress token; indexing goes on without a progress bar then.
  const progress = await connection.window.createWorkDoneProgress().catch(() => undefined);
  progress?.begin('Seam: indexing', 0, 'starting', false);
  for (const root of rootPaths) {
    const { workspace } = await session.addRoot(root, (done, total) => {
      if (done % 25 === 0 || done === total) {
        progress?.report(
          Math.round((done / total) * 100),
          `${withThousands(done)}/${withThousands(total)} files`,
        );
      }
    });
    logger.info(
      `Indexed ${root}: ${workspace.files.length} files in ` +
        `${Math.round(workspace.milliseconds)} ms`,
    );
    for (const problem of session.roots.at(-1)!.configProblems) {
      logger.warn(problem);
      // A client that cannot show messages answers with an error; unhandled, it ends the server.
      const shown = connection.window.showWarningMessage(`Seam: ${problem}`);
      Promise.resolve<unknown>(shown).catch(() => undefined);
    }
  }
  progress?.done();
  logger.info(`First index done in ${Math.round(performance.now() - started)} ms`);
  sendStatus(await publishFindings());
  // Indexing grew the heap for a burst that is over; it is given back at the first quiet second.
  memory.releaseWhenIdle(FIRST_RELEASE_IDLE_MS);
}

connection.onDidOpenTextDocument(async ({ textDocument }) => {
  await ready;
  session.openDocument(
    textDocument.uri,
    pathOf(textDocument.uri),
    textDocument.text,
    textDocument.version,
  );
  schedulePublish();
});

connection.onDidChangeTextDocument(async ({ textDocument, contentChanges }) => {
  await ready;
  session.changeDocument(textDocument.uri, contentChanges, textDocument.version);
  schedulePublish();
});

connection.onDidCloseTextDocument(async ({ textDocument }) => {
  await ready;
  session.closeDocument(textDocument.uri);
  schedulePublish();
});

connection.onDidChangeWatchedFiles(async ({ changes }) => {
  await ready;
  for (const change of changes) session.fileChangedOnDisk(pathOf(change.uri));
  schedulePublish();
});

connection.onRequest(Requests.reindex, async () => {
  await ready;
  session.roots.splice(0);
  ready = indexRoots().catch((error) => logger.error('indexing failed', error));
  await ready;
});

function schedulePublish(): void {
  if (pending) clearTimeout(pending);
  pending = setTimeout(publishDiagnostics, debounceMs);
}

/** The publish cycle running, and whether another was asked for meanwhile. */
let publishing: Promise<void> | undefined;
let publishAgain = false;

function publishDiagnostics(): void {
  pending = undefined;
  if (publishing) {
    publishAgain = true;
    return;
  }
  publishing = (async () => {
    let findings = 0;
    do {
      publishAgain = false;
      findings = await publishFindings();
    } while (publishAgain);
    sendStatus(findings);
    memory.workDone();
  })()
    .catch((error) => logger.error('publishing diagnostics failed', error))
    .finally(() => (publishing = undefined));
}

/** The notification that closes each publish cycle: the client's status bar shows it. */
function sendStatus(findings: number): void {
  void connection.sendNotification(Requests.status, { findings });
}

/**
 * Re-checks every root whose index changed (in slices: requests are answered meanwhile), pushes
 * diagnostics for every affected file and returns how many findings are published.
 */
async function publishFindings(): Promise<number> {
  const next = new Map<string, Diagnostic[]>();
  let checksChanged = false;
  for (const root of session.roots) {
    try {
      const check = await session.checkInSlices(root);
      checksChanged ||= publishedChecks.get(root.path) !== check;
      publishedChecks.set(root.path, check);
      const findings = [...check.findings, ...(root.migrationFindings ?? [])];
      for (const [path, diagnostics] of diagnosticsByFile(root.path, findings))
        next.set(path, diagnostics);
    } catch (error) {
      logger.error(`checking ${root.path} failed`, error);
    }
  }
  for (const path of published.keys()) if (!next.has(path)) next.set(path, []);
  for (const [path, diagnostics] of next) {
    // Unchanged files are not re-sent: on a large workspace that is most of them.
    const text = JSON.stringify(diagnostics);
    if (published.get(path) === text) continue;
    void connection.sendDiagnostics({ uri: uriOf(path), diagnostics });
    if (diagnostics.length) published.set(path, text);
    else published.delete(path);
  }
  // Lenses count mirrors and mismatches: an edit in one file changes them in others.
  if (checksChanged && canRefreshLenses)
    connection.sendRequest(CodeLensRefreshRequest.type).catch(() => undefined);
  return [...next.values()].reduce((sum, list) => sum + list.length, 0);
}

function workspaceRoots(params: InitializeParams): string[] {
  if (params.workspaceFolders?.length) return params.workspaceFolders.map((f) => pathOf(f.uri));
  if (params.rootUri) return [pathOf(params.rootUri)];
  return [];
}

function pathOf(uri: string): string {
  return uri.startsWith('file:') ? fileURLToPath(uri) : uri;
}

function uriOf(path: string): string {
  return pathToFileURL(path).toString();
}

/** Features answer from a current check: they wait for the index and for a check in slices. */
async function readyAndChecked(): Promise<void> {
  await ready;
  await session.checksCurrent();
}

registerFeatures(connection, session, logger, readyAndChecked, schedulePublish);
registerMigrationReview(connection, session, logger, () => ready, schedulePublish);
connection.listen();
