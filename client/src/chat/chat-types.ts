// What the chat features need from the rest of the extension: ways to ask the language server
// for the grounded messages (`seam/chatContext`) and the tools' data, and the editor the user
// last worked in.
import * as vscode from 'vscode';
import type {
  ChatContextParams,
  ChatContextResult,
  FindingsForToolParams,
  FindingsForToolResult,
  SchemaLookupParams,
  SchemaLookupResult,
} from '../../../server/src/protocol';

/** The request's params with a VS Code range; the caller converts it to an LSP range. */
export interface ClientChatContextParams extends Omit<ChatContextParams, 'range'> {
  range?: vscode.Range;
}

export type ChatContextRequester = (params: ClientChatContextParams) => Promise<ChatContextResult>;

/** The language server's requests behind the chat; a null answer means the handler failed. */
export interface ChatServer {
  chatContext: ChatContextRequester;
  findingsForTool(
    params: FindingsForToolParams,
    token: vscode.CancellationToken,
  ): Promise<FindingsForToolResult | null>;
  schemaLookup(
    params: SchemaLookupParams,
    token: vscode.CancellationToken,
  ): Promise<SchemaLookupResult | null>;
  /** Writes a warning to Seam's output channel. */
  warn(message: string): void;
}

/**
 * The last text editor that had focus. The chat panel and the chat view take focus away from
 * the editor, yet questions are about the file the user was in.
 */
export class LastEditorTracker implements vscode.Disposable {
  private editor: vscode.TextEditor | undefined = vscode.window.activeTextEditor;
  private readonly subscription = vscode.window.onDidChangeActiveTextEditor((editor) => {
    if (editor) this.editor = editor;
  });

  get current(): vscode.TextEditor | undefined {
    const active = vscode.window.activeTextEditor;
    if (active) return active;
    return this.editor && !this.editor.document.isClosed ? this.editor : undefined;
  }

  dispose(): void {
    this.subscription.dispose();
  }
}
