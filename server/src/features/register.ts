// Connects the feature handlers to the LSP connection. Each handler is a plain function over the
// session; this file only adapts parameters, waits for the first index and guards failures.
import {
  LSPErrorCodes,
  ResponseError,
  type Connection,
  type WorkspaceEdit,
} from 'vscode-languageserver/node';
import type { Logger } from '../core/log';
import {
  Requests,
  type ChatContextParams,
  type FindingsForToolParams,
  type GenerateTsInterfaceParams,
  type PairsForFileParams,
  type SchemaLookupParams,
} from '../protocol';
import { guarded } from '../session/logger';
import type { SeamSession } from '../session/seam-session';
import { chatContext } from './chat-context';
import { findingsForTool, schemaLookup } from './chat-tools';
import { codeActions } from './code-actions';
import { codeLenses } from './code-lens';
import { definition } from './definition';
import { generateTsInterface } from './generate-interface';
import { hover } from './hover';
import { pairsForFile } from './pairs-for-file';
import { references } from './references';
import { prepareRename, rename, RenameRejected } from './rename';

export function registerFeatures(
  connection: Connection,
  session: SeamSession,
  logger: Logger,
  whenReady: () => Promise<void>,
  /** Re-publishes diagnostics soon (debounced); called after settings change. */
  refresh: () => void = () => undefined,
): void {
  const onHover = guarded(logger, 'hover', null, hover);
  const onDefinition = guarded(logger, 'definition', [], definition);
  const onReferences = guarded(logger, 'references', [], references);
  const onCodeLens = guarded(logger, 'code lens', [], codeLenses);
  const onCodeAction = guarded(logger, 'code actions', [], codeActions);
  const onPrepareRename = guarded(logger, 'prepare rename', null, prepareRename);
  const onPairsForFile = guarded(logger, 'pairs for file', [], pairsForFile);
  const onGenerate = guarded(logger, 'generate TS interface', null, generateTsInterface);
  const onChatContext = guarded(logger, 'chat context', null, chatContext);
  const onFindingsForTool = guarded(logger, 'findings for a tool', null, findingsForTool);
  const onSchemaLookup = guarded(logger, 'schema lookup', null, schemaLookup);

  connection.onRequest(Requests.chatContext, async (params: ChatContextParams) => {
    await whenReady();
    return onChatContext(session, params);
  });
  connection.onRequest(Requests.findingsForTool, async (params: FindingsForToolParams) => {
    await whenReady();
    return onFindingsForTool(session, params);
  });
  connection.onRequest(Requests.schemaLookup, async (params: SchemaLookupParams) => {
    await whenReady();
    return onSchemaLookup(session, params);
  });

  connection.onHover(async ({ textDocument, position }) => {
    await whenReady();
    return onHover(session, textDocument.uri, position);
  });
  connection.onDefinition(async ({ textDocument, position }) => {
    await whenReady();
    return onDefinition(session, textDocument.uri, position);
  });
  connection.onReferences(async ({ textDocument, position, context }) => {
    await whenReady();
    return onReferences(session, textDocument.uri, position, context.includeDeclaration);
  });
  connection.onCodeLens(async ({ textDocument }) => {
    await whenReady();
    return onCodeLens(session, textDocument.uri);
  });
  connection.onCodeAction(async ({ textDocument, range, context }) => {
    await whenReady();
    return onCodeAction(session, textDocument.uri, range.start, context);
  });
  connection.onPrepareRename(async ({ textDocument, position }) => {
    await whenReady();
    return onPrepareRename(session, textDocument.uri, position);
  });
  connection.onRenameRequest(async ({ textDocument, position, newName }) => {
    await whenReady();
    return renameOrReject(session, logger, textDocument.uri, position, newName);
  });
  connection.onRequest(Requests.pairsForFile, async (params: PairsForFileParams) => {
    await whenReady();
    return onPairsForFile(session, params.uri);
  });
  connection.onRequest(Requests.generateTsInterface, async (params: GenerateTsInterfaceParams) => {
    await whenReady();
    return onGenerate(session, params);
  });
  registerSettings(connection, session, logger, whenReady, refresh);
}

/** A rejected rename answers with its reason; any other failure is logged and renames nothing. */
function renameOrReject(
  session: SeamSession,
  logger: Logger,
  ...args: Parameters<typeof rename> extends [unknown, ...infer Rest] ? Rest : never
): WorkspaceEdit | null {
  try {
    return rename(session, ...args);
  } catch (error) {
    if (error instanceof RenameRejected)
      throw new ResponseError(LSPErrorCodes.RequestFailed, error.message);
    logger.error('rename failed', error);
    return null;
  }
}

/**
 * Applies the client's `seam` settings section. Settings that arrive before the first index are
 * used by it; later ones re-check, and re-index a root whose file filters changed. A bad setting
 * is reported once.
 */
function registerSettings(
  connection: Connection,
  session: SeamSession,
  logger: Logger,
  whenReady: () => Promise<void>,
  refresh: () => void,
): void {
  const reported = new Set<string>();
  connection.onDidChangeConfiguration(async ({ settings }) => {
    const section = (settings as { seam?: unknown } | null)?.seam;
    if (section === undefined) return;
    try {
      for (const problem of session.applySettings(section).problems) {
        if (reported.has(problem)) continue;
        reported.add(problem);
        logger.warn(problem);
        // A client that cannot show messages answers with an error; the log line is enough then.
        const shown = connection.window.showWarningMessage(`Seam: ${problem}; using the default.`);
        Promise.resolve<unknown>(shown).catch(() => undefined);
      }
      await whenReady();
      if (session.applySettings(section).filtersChanged) {
        for (const root of session.roots) await session.reindexRoot(root);
      }
      refresh();
    } catch (error) {
      logger.error('applying settings failed', error);
    }
  });
}
