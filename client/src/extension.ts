// The VS Code client: starts Seam's language server over node IPC, shows its state in the status
// bar and registers the commands. No parsing or analysis happens here.
import * as path from 'node:path';
import * as vscode from 'vscode';
import {
  LanguageClient,
  State,
  TransportKind,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';
import {
  Requests,
  type FindingsForToolResult,
  type SchemaLookupResult,
  type StatusParams,
} from '../../server/src/protocol';
import { registerChat } from './chat';
import { registerCommands } from './commands';
import { registerMigrationReview } from './migration-review';
import { askingOtherProviders, withUsages } from './rename-usages';
import { SeamStatusBar } from './status-bar';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const output = vscode.window.createOutputChannel('Seam', { log: true });
  const status = new SeamStatusBar();
  context.subscriptions.push(output, status);
  const languageClient = createClient(context, output, status);
  client = languageClient;
  registerCommands(context, languageClient, output, status);
  watchServer(context, languageClient, status);

  // ---- Features that other parts of Seam add to the client: one call each, here. ----
  registerMigrationReview(context, languageClient);
  registerChat(context, {
    chatContext: (params) =>
      languageClient.sendRequest(Requests.chatContext, {
        ...params,
        range: params.range && languageClient.code2ProtocolConverter.asRange(params.range),
      }),
    findingsForTool: (params, token) =>
      languageClient.sendRequest<FindingsForToolResult | null>(
        Requests.findingsForTool,
        params,
        token,
      ),
    schemaLookup: (params, token) =>
      languageClient.sendRequest<SchemaLookupResult | null>(Requests.schemaLookup, params, token),
    warn: (message) => output.warn(message),
  });
  // ---- End of the added features. ----

  try {
    await languageClient.start();
  } catch (error) {
    status.error('the language server did not start');
    output.error(`Seam's language server did not start: ${String(error)}`);
  }
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}

function createClient(
  context: vscode.ExtensionContext,
  output: vscode.LogOutputChannel,
  status: SeamStatusBar,
): LanguageClient {
  const module = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--inspect=6019'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'python' },
      { scheme: 'file', language: 'typescript' },
      { scheme: 'file', language: 'typescriptreact' },
    ],
    outputChannel: output,
    // The server reads `seam.*` from the workspace/didChangeConfiguration pushes.
    synchronize: { configurationSection: 'seam' },
    middleware: {
      handleWorkDoneProgress(token, params, next) {
        if (params.kind !== 'end') status.indexing(params.message);
        next(token, params);
      },
      // Seam renames declarations across layers; each language's own rename adds the usages.
      async provideRenameEdits(document, position, newName, token, next) {
        if (askingOtherProviders()) return undefined;
        const edit = await next(document, position, newName, token);
        return edit ? withUsages(edit, token) : edit;
      },
    },
  };
  return new LanguageClient('seam', 'Seam', serverOptions, clientOptions);
}

/** Keeps the status bar in step with the server: findings, off, stopped. */
function watchServer(
  context: vscode.ExtensionContext,
  languageClient: LanguageClient,
  status: SeamStatusBar,
): void {
  const enabled = () => vscode.workspace.getConfiguration('seam').get<boolean>('enable', true);
  context.subscriptions.push(
    languageClient.onNotification(Requests.status, (params: StatusParams) =>
      enabled() ? status.findings(params.findings) : status.disabled(),
    ),
    languageClient.onDidChangeState(({ newState }) => {
      if (newState === State.Stopped) status.error('the language server stopped');
      if (newState === State.Starting) status.indexing();
    }),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('seam.enable') && !enabled()) status.disabled();
    }),
  );
}
