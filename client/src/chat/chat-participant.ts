// The `@seam` participant in VS Code's chat: grounds the question through the language server
// and asks one of the user's language models. That API has no system role, so the agent prompt
// travels as the first user message; the earlier turns follow it as text, without their context.
import * as vscode from 'vscode';
import type { ChatCommandName, ChatContextResult } from '../../../server/src/protocol';
import { historyMessages } from './chat-history';
import { AGENT_NAME_KEY, chatBlockedReason, readChatSettings, selectionOf } from './chat-settings';
import type { ChatContextRequester, LastEditorTracker } from './chat-types';

export const CHAT_PARTICIPANT_ID = 'seam.chat';
export const SHOW_PREVIEW_COMMAND = 'seam.chat.showPreview';

const COMMANDS = new Set<string>(['explain', 'review', 'design']);

/** Share of the model's input window the request may fill; the rest is for the model. */
const INPUT_SHARE = 0.8;

export interface ParticipantDependencies {
  context: vscode.ExtensionContext;
  requestContext: ChatContextRequester;
  editors: LastEditorTracker;
}

export function registerChatParticipant(dependencies: ParticipantDependencies): vscode.Disposable {
  const participant = vscode.chat.createChatParticipant(
    CHAT_PARTICIPANT_ID,
    (request, chatContext, stream, token) =>
      answerChatRequest(dependencies, request, chatContext, stream, token),
  );
  participant.iconPath = new vscode.ThemeIcon('link');
  return participant;
}

async function answerChatRequest(
  dependencies: ParticipantDependencies,
  request: vscode.ChatRequest,
  chatContext: vscode.ChatContext,
  stream: vscode.ChatResponseStream,
  token: vscode.CancellationToken,
): Promise<vscode.ChatResult> {
  const settings = readChatSettings();
  const blocked = chatBlockedReason(settings);
  if (blocked) return fail(blocked);

  const model = await chooseModel();
  if (!model)
    return fail(
      'No language model is available to Seam. Install and sign in to a chat model provider ' +
        '(GitHub Copilot, for example), or use the Seam chat panel with your own endpoint.',
    );

  stream.progress('Collecting what Seam indexed about this file…');
  const grounded = await groundRequest(dependencies, request, chatContext, settings, model).catch(
    (error: unknown) => error as Error,
  );
  if (grounded instanceof Error)
    return fail(`Seam could not build the context: ${firstLine(grounded)}`);
  if (token.isCancellationRequested) return { metadata: { cancelled: true } };
  return sendToModel(model, grounded, stream, token);
}

/** The user's models, the first one; a model family can be picked in VS Code's chat itself. */
async function chooseModel(): Promise<vscode.LanguageModelChat | undefined> {
  const models = await vscode.lm.selectChatModels();
  return models[0];
}

async function groundRequest(
  dependencies: ParticipantDependencies,
  request: vscode.ChatRequest,
  chatContext: vscode.ChatContext,
  settings: ReturnType<typeof readChatSettings>,
  model: vscode.LanguageModelChat,
): Promise<ChatContextResult> {
  const editor = dependencies.editors.current;
  const budget = Math.min(settings.tokenBudget, Math.floor(model.maxInputTokens * INPUT_SHARE));
  return dependencies.requestContext({
    uri: editor?.document.uri.toString() ?? '',
    range: selectionOf(editor),
    budget: budget > 0 ? budget : settings.tokenBudget,
    question: request.prompt,
    command: COMMANDS.has(request.command ?? '') ? (request.command as ChatCommandName) : undefined,
    systemRole: false,
    agentFile: settings.agentFile || undefined,
    agentName: dependencies.context.workspaceState.get<string>(AGENT_NAME_KEY),
    history: historyMessages(chatContext.history),
  });
}

async function sendToModel(
  model: vscode.LanguageModelChat,
  grounded: ChatContextResult,
  stream: vscode.ChatResponseStream,
  token: vscode.CancellationToken,
): Promise<vscode.ChatResult> {
  const messages = grounded.messages.map((message) =>
    message.role === 'assistant'
      ? vscode.LanguageModelChatMessage.Assistant(message.content)
      : vscode.LanguageModelChatMessage.User(message.content),
  );
  stream.button({
    command: SHOW_PREVIEW_COMMAND,
    title: `Show what was sent (${grounded.tokens} tokens, agent "${grounded.agent.name}")`,
    arguments: [grounded.messagesPreview],
  });
  try {
    const justification = 'Seam sends your question with the models and types it indexed.';
    const response = await model.sendRequest(messages, { justification }, token);
    for await (const fragment of response.text) stream.markdown(fragment);
  } catch (error) {
    return fail(explainModelError(error, token));
  }
  const left = leftOutNote(grounded);
  if (left) stream.markdown(`\n\n_Left out to fit the budget: ${left}._`);
  return { metadata: { agent: grounded.agent.name, tokens: grounded.tokens } };
}

function leftOutNote(grounded: ChatContextResult): string {
  const blocks = grounded.omitted.length;
  const turns = grounded.historyTurns?.omitted ?? 0;
  return [
    blocks ? `${blocks} context blocks` : '',
    turns ? `the ${turns} oldest messages of this conversation` : '',
  ]
    .filter(Boolean)
    .join(' and ');
}

/** The Language Model API's failures in words: consent refused, quota, model gone, cancelled. */
export function explainModelError(error: unknown, token: vscode.CancellationToken): string {
  if (token.isCancellationRequested) return 'Stopped.';
  if (error instanceof vscode.LanguageModelError) {
    if (error.code === vscode.LanguageModelError.NoPermissions.name)
      return 'Seam may not use this language model: permission was not given. Ask again, allow it.';
    if (error.code === vscode.LanguageModelError.Blocked.name)
      return 'The language model refused the request: quota or rate limit reached. Try later.';
    if (error.code === vscode.LanguageModelError.NotFound.name)
      return 'The language model is no longer available. Choose another model and ask again.';
    return `The language model failed: ${firstLine(error)}`;
  }
  if (error instanceof vscode.CancellationError) return 'Stopped.';
  return `The request failed: ${firstLine(error)}`;
}

/** VS Code shows `errorDetails` under the request, so the message is not streamed as well. */
function fail(message: string): vscode.ChatResult {
  return { errorDetails: { message } };
}

function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0];
}
