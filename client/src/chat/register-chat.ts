// Registers Seam's chat: the `@seam` participant (where VS Code's chat exists), the language-model
// tools (where VS Code has them), the chat panel and its commands. The grounding and the tools'
// data come from the language server through `server`.
import * as vscode from 'vscode';
import { ChatPanel } from './chat-panel';
import { registerChatParticipant, SHOW_PREVIEW_COMMAND } from './chat-participant';
import { AGENT_NAME_KEY, API_KEY_SECRET, readChatSettings } from './chat-settings';
import { registerChatTools } from './chat-tools';
import { LastEditorTracker, type ChatContextRequester, type ChatServer } from './chat-types';

export const CHAT_COMMANDS = {
  openPanel: 'seam.chat.openPanel',
  setApiKey: 'seam.chat.setApiKey',
  clearApiKey: 'seam.chat.clearApiKey',
  chooseAgent: 'seam.chat.chooseAgent',
  showPreview: SHOW_PREVIEW_COMMAND,
} as const;

export function registerChat(context: vscode.ExtensionContext, server: ChatServer): void {
  const requestContext = server.chatContext;
  const editors = new LastEditorTracker();
  const dependencies = { context, requestContext, editors };
  context.subscriptions.push(editors);
  // Hosts built on older VS Code (or forks) may lack the chat API at run time.
  if (typeof vscode.chat?.createChatParticipant === 'function')
    context.subscriptions.push(registerChatParticipant(dependencies));
  context.subscriptions.push(...registerChatTools(server));

  context.subscriptions.push(
    vscode.commands.registerCommand(CHAT_COMMANDS.openPanel, () => ChatPanel.show(dependencies)),
    vscode.commands.registerCommand(CHAT_COMMANDS.setApiKey, () => setApiKey(context)),
    vscode.commands.registerCommand(CHAT_COMMANDS.clearApiKey, () => clearApiKey(context)),
    vscode.commands.registerCommand(CHAT_COMMANDS.chooseAgent, () =>
      chooseAgent(context, requestContext, editors),
    ),
    vscode.commands.registerCommand(CHAT_COMMANDS.showPreview, showPreview),
  );
}

/** The key goes to SecretStorage (the OS keychain), never to settings. */
async function setApiKey(context: vscode.ExtensionContext): Promise<void> {
  const key = await vscode.window.showInputBox({
    title: 'Seam chat: API key for the chat endpoint',
    prompt: 'Stored in the system keychain, sent as a Bearer token to seam.chat.endpoint.',
    password: true,
    ignoreFocusOut: true,
  });
  if (key === undefined) return;
  if (key.trim()) await context.secrets.store(API_KEY_SECRET, key.trim());
  else await context.secrets.delete(API_KEY_SECRET);
}

async function clearApiKey(context: vscode.ExtensionContext): Promise<void> {
  await context.secrets.delete(API_KEY_SECRET);
  void vscode.window.showInformationMessage('Seam chat: the API key was removed.');
}

/** Lists the agent prompts the server found, database-minded first, and remembers the pick. */
async function chooseAgent(
  context: vscode.ExtensionContext,
  requestContext: ChatContextRequester,
  editors: LastEditorTracker,
): Promise<void> {
  const settings = readChatSettings();
  const result = await requestContext({
    uri: editors.current?.document.uri.toString() ?? '',
    budget: settings.tokenBudget,
    agentFile: settings.agentFile || undefined,
  });
  if (!result.agents.length) {
    void vscode.window.showInformationMessage(
      'Seam found no agent prompts in .claude/agents/, so it uses its own prompt.',
    );
    return;
  }
  const picked = await vscode.window.showQuickPick(
    result.agents.map((agent) => ({
      label: agent.name,
      description: agent.file,
      detail: agent.description,
    })),
    { title: 'Seam chat: agent prompt', placeHolder: `In use: ${result.agent.name}` },
  );
  if (picked) await context.workspaceState.update(AGENT_NAME_KEY, picked.label);
}

async function showPreview(preview: unknown): Promise<void> {
  if (typeof preview !== 'string') return;
  const document = await vscode.workspace.openTextDocument({
    content: preview,
    language: 'markdown',
  });
  await vscode.window.showTextDocument(document, { preview: true });
}
