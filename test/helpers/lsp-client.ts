// A minimal LSP client for tests: starts the built server over stdio and speaks JSON-RPC to it
// through vscode-jsonrpc, the same library VS Code's client uses.
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createMessageConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type MessageConnection,
} from 'vscode-jsonrpc/node';

export interface PublishedDiagnostics {
  uri: string;
  diagnostics: { code?: string | number; message: string; range: unknown; severity?: number }[];
}

export class TestLspClient {
  readonly connection: MessageConnection;
  private readonly process: ChildProcess;
  private readonly latest = new Map<string, PublishedDiagnostics>();
  private readonly waiters: (() => void)[] = [];
  /** The server's `window/logMessage` lines, in order. */
  readonly logs: string[] = [];
  /** How many times the server asked the client to refresh its code lenses. */
  lensRefreshes = 0;

  constructor() {
    const server = join(__dirname, '..', '..', 'dist', 'server.js');
    this.process = spawn(process.execPath, [server, '--stdio'], {
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    this.connection = createMessageConnection(
      new StreamMessageReader(this.process.stdout!),
      new StreamMessageWriter(this.process.stdin!),
    );
    this.connection.onNotification(
      'textDocument/publishDiagnostics',
      (params: PublishedDiagnostics) => {
        this.latest.set(params.uri, params);
        this.waiters.splice(0).forEach((wake) => wake());
      },
    );
    this.connection.onNotification('window/logMessage', ({ message }: { message: string }) => {
      this.logs.push(message);
    });
    this.connection.onRequest('workspace/codeLens/refresh', () => {
      this.lensRefreshes++;
      this.waiters.splice(0).forEach((wake) => wake());
      return null;
    });
    this.connection.onRequest('window/workDoneProgress/create', () => null);
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.onNotification(() => undefined);
    this.connection.listen();
  }

  /** The server's process id, to read its memory from /proc. */
  get pid(): number | undefined {
    return this.process.pid;
  }

  async initialize(
    rootPath: string,
    options: Record<string, unknown> = {},
    capabilities: Record<string, unknown> = {},
  ): Promise<unknown> {
    const result = await this.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: pathToFileURL(rootPath).toString(),
      workspaceFolders: [{ uri: pathToFileURL(rootPath).toString(), name: 'test' }],
      capabilities: { window: { workDoneProgress: true }, ...capabilities },
      initializationOptions: { debounceMs: 20, ...options },
    });
    await this.connection.sendNotification('initialized', {});
    return result;
  }

  /** Waits until `predicate` holds, checked on each message the server sends. */
  async until(predicate: () => boolean, timeoutMs = 20_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!predicate()) {
      if (Date.now() > deadline) throw new Error('timed out waiting for the server');
      await new Promise<void>((wake) => {
        this.waiters.push(wake);
        setTimeout(wake, 50);
      });
    }
  }

  /** Waits until `predicate` holds for the diagnostics of `uri` (checked on each publish). */
  async diagnosticsWhere(
    uri: string,
    predicate: (published: PublishedDiagnostics) => boolean,
    timeoutMs = 20_000,
  ): Promise<PublishedDiagnostics> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const current = this.latest.get(uri);
      if (current && predicate(current)) return current;
      if (Date.now() > deadline) {
        throw new Error(`timed out waiting for diagnostics of ${uri}: ${JSON.stringify(current)}`);
      }
      await new Promise<void>((wake) => {
        this.waiters.push(wake);
        setTimeout(wake, 200);
      });
    }
  }

  async shutdown(): Promise<void> {
    await this.connection.sendRequest('shutdown');
    await this.connection.sendNotification('exit');
    this.connection.dispose();
    this.process.kill();
  }
}

/** A server started on a fresh copy of examples/inventory, which tests may edit freely. */
export interface ExampleSession {
  client: TestLspClient;
  workspace: string;
  /** Shuts the server down and deletes the copy. */
  close(): Promise<void>;
}

export async function startOnExampleCopy(
  prefix: string,
  capabilities: Record<string, unknown> = {},
): Promise<ExampleSession> {
  const workspace = mkdtempSync(join(tmpdir(), prefix));
  cpSync(join(__dirname, '..', '..', 'examples', 'inventory'), workspace, { recursive: true });
  const client = new TestLspClient();
  await client.initialize(workspace, {}, capabilities);
  return {
    client,
    workspace,
    close: async () => {
      await client.shutdown();
      rmSync(workspace, { recursive: true, force: true });
    },
  };
}
