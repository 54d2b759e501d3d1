// The Seam chat panel: a webview for editors without VS Code's chat, talking to the user's
// OpenAI-compatible endpoint. The extension side grounds, sends and renders; the page only shows.
import * as vscode from 'vscode';
import { sendChatCompletion, ChatRequestError } from '../../../server/src/core/chat/openai-client';
import type { ChatContextMessage, ChatContextResult } from '../../../server/src/protocol';
import { renderAnswer } from './answer-markdown';
import {
  AGENT_NAME_KEY,
  API_KEY_SECRET,
  chatBlockedReason,
  confirmRemoteEndpoint,
  readChatSettings,
  selectionOf,
  type ChatSettings,
} from './chat-settings';
import type { ChatContextRequester, LastEditorTracker } from './chat-types';
import { createNonce, panelHtml } from './panel-html';

export interface PanelDependencies {
  context: vscode.ExtensionContext;
  requestContext: ChatContextRequester;
  editors: LastEditorTracker;
}

type PageMessage =
  | { type: 'ask'; question: string }
  | { type: 'preview'; question: string }
  | { type: 'stop' }
  | { type: 'insert' | 'copy'; answer: number; block: number };

/** Re-rendering the whole answer on every token is wasteful; this spaces the renders out. */
const RENDER_INTERVAL_MS = 60;

/** Messages of earlier turns kept for the next question; the server trims them to the budget. */
const MAX_KEPT_TURNS = 40;

export class ChatPanel implements vscode.Disposable {
  private static current: ChatPanel | undefined;
  private readonly panel: vscode.WebviewPanel;
  private readonly disposables: vscode.Disposable[] = [];
  private readonly codeBlocks = new Map<number, string[]>();
  /** The questions asked in this panel and the answers that came back whole, oldest first. */
  private readonly history: ChatContextMessage[] = [];
  private running: AbortController | undefined;
  private nextAnswerId = 1;

  static show(dependencies: PanelDependencies): void {
    if (ChatPanel.current) ChatPanel.current.panel.reveal(vscode.ViewColumn.Beside);
    else ChatPanel.current = new ChatPanel(dependencies);
  }

  private constructor(private readonly dependencies: PanelDependencies) {
    this.panel = vscode.window.createWebviewPanel(
      'seam.chatPanel',
      'Seam Chat',
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus: false },
      { enableScripts: true, retainContextWhenHidden: true, localResourceRoots: [] },
    );
    const nonce = createNonce();
    this.panel.webview.html = panelHtml({ nonce, cspSource: this.panel.webview.cspSource });
    this.panel.webview.onDidReceiveMessage(
      (message: PageMessage) => this.onPageMessage(message),
      undefined,
      this.disposables,
    );
    this.panel.onDidDispose(() => this.dispose(), undefined, this.disposables);
  }

  dispose(): void {
    this.running?.abort();
    ChatPanel.current = undefined;
    for (const disposable of this.disposables.splice(0)) disposable.dispose();
  }

  private async onPageMessage(message: PageMessage): Promise<void> {
    switch (message.type) {
      case 'ask':
        return this.ask(message.question);
      case 'preview':
        return this.preview(message.question);
      case 'stop':
        this.running?.abort();
        return;
      case 'copy':
      case 'insert':
        return this.useCodeBlock(message.type, message.answer, message.block);
    }
  }

  private async ask(question: string): Promise<void> {
    if (this.running) return;
    const settings = readChatSettings();
    const problem = chatBlockedReason(settings) ?? endpointProblem(settings);
    if (problem) return this.post({ type: 'error', text: problem });

    this.post({ type: 'question', text: question });
    this.running = new AbortController();
    try {
      const grounded = await this.ground(question, settings);
      if (!(await confirmRemoteEndpoint(this.dependencies.context, settings.endpoint)))
        return this.post({ type: 'status', text: 'Not sent.' });
      const answer = await this.stream(grounded, settings, this.running.signal);
      this.remember(question, answer);
    } catch (error) {
      this.post({ type: 'error', text: explainPanelError(error) });
    } finally {
      this.running = undefined;
      this.post({ type: 'done' });
    }
  }

  private async preview(question: string): Promise<void> {
    const settings = readChatSettings();
    const problem = chatBlockedReason(settings);
    if (problem) return this.post({ type: 'error', text: problem });
    try {
      const grounded = await this.ground(question, settings);
      const title = `What will be sent: ${grounded.tokens} tokens, agent "${grounded.agent.name}"`;
      this.post({ type: 'preview', title, text: grounded.messagesPreview });
    } catch (error) {
      this.post({ type: 'error', text: explainPanelError(error) });
    }
  }

  private ground(question: string, settings: ChatSettings): Promise<ChatContextResult> {
    const editor = this.dependencies.editors.current;
    return this.dependencies.requestContext({
      uri: editor?.document.uri.toString() ?? '',
      range: selectionOf(editor),
      budget: settings.tokenBudget,
      question,
      systemRole: true,
      agentFile: settings.agentFile || undefined,
      agentName: this.dependencies.context.workspaceState.get<string>(AGENT_NAME_KEY),
      history: this.history,
    });
  }

  private remember(question: string, answer: string): void {
    if (!answer.trim()) return;
    this.history.push({ role: 'user', content: question }, { role: 'assistant', content: answer });
    this.history.splice(0, Math.max(0, this.history.length - MAX_KEPT_TURNS));
  }

  /** Streams the answer into the page; returns its whole text. */
  private async stream(
    grounded: ChatContextResult,
    settings: ChatSettings,
    signal: AbortSignal,
  ): Promise<string> {
    const answerId = this.nextAnswerId++;
    let text = '';
    let timer: ReturnType<typeof setTimeout> | undefined;
    const render = () => {
      timer = undefined;
      const rendered = renderAnswer(text, answerId);
      this.codeBlocks.set(answerId, rendered.codeBlocks);
      this.post({ type: 'answer', answer: answerId, html: rendered.html });
    };
    try {
      await sendChatCompletion(grounded.messages, {
        endpoint: settings.endpoint,
        model: settings.model || undefined,
        apiKey: await this.dependencies.context.secrets.get(API_KEY_SECRET),
        signal,
        onText: (piece) => {
          text += piece;
          timer ??= setTimeout(render, RENDER_INTERVAL_MS);
        },
      });
    } finally {
      if (timer) clearTimeout(timer);
      if (text) render();
    }
    return text;
  }

  private async useCodeBlock(action: 'insert' | 'copy', answer: number, block: number) {
    const code = this.codeBlocks.get(answer)?.[block];
    if (code === undefined) return;
    if (action === 'copy') {
      await vscode.env.clipboard.writeText(code);
      return;
    }
    const editor = this.dependencies.editors.current;
    if (!editor) {
      void vscode.window.showWarningMessage('Seam: open the file to insert the code into first.');
      return;
    }
    await editor.edit((edit) => edit.replace(editor.selection, code));
  }

  private post(message: Record<string, unknown>): void {
    void this.panel.webview.postMessage(message);
  }
}

function endpointProblem(settings: ChatSettings): string | undefined {
  if (settings.endpoint) return undefined;
  return (
    'No endpoint is set. Put an OpenAI-compatible URL in the `seam.chat.endpoint` user setting, ' +
    'for example http://127.0.0.1:11434 for a local Ollama.'
  );
}

function explainPanelError(error: unknown): string {
  if (error instanceof ChatRequestError && error.kind === 'cancelled') return 'Stopped.';
  const message = error instanceof Error ? error.message : String(error);
  return `The request failed: ${message.split('\n')[0]}`;
}
