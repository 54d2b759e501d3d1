// One chat request from its parts: the chosen agent prompt, the earlier turns and the grounding
// context cut to what the token budget leaves after the prompt and the question, and the preview
// the user sees.
import type { AgentPrompt } from './agent-prompt-parse';
import {
  buildGroundingContext,
  type ContextFocus,
  type ContextSources,
  type GroundingContext,
} from './context';
import { NO_HISTORY, trimHistory, type TrimmedHistory } from './history';
import {
  buildChatMessages,
  estimateMessagesTokens,
  estimateTokens,
  formatMessagesPreview,
  type ChatMessage,
} from './messages';

export interface ChatRequestInput {
  sources: ContextSources;
  focus: ContextFocus;
  question: string;
  agentPrompt: AgentPrompt;
  /** Tokens for all messages together (estimated as characters / 4). */
  budget: number;
  systemRole: boolean;
  /** Earlier questions and answers of the conversation, oldest first. */
  history?: readonly ChatMessage[];
}

export interface BuiltChatRequest {
  messages: ChatMessage[];
  /** Exactly the messages above, each under a header: what the user is shown before sending. */
  preview: string;
  /** The context sent; empty when the budget left no room for it. */
  context: GroundingContext;
  /** The earlier turns sent, and how many were left out. */
  history: TrimmedHistory;
  tokens: number;
  problems: string[];
}

/**
 * Share of the room after the prompt and the question that earlier turns may take before the
 * context is built; whatever the context leaves unused goes to the history as well.
 */
const HISTORY_SHARE = 0.4;

export function buildChatRequest(input: ChatRequestInput): BuiltChatRequest {
  const fixedTokens = estimateTokens(input.agentPrompt.body) + estimateTokens(input.question);
  const room = input.budget - fixedTokens;
  const turns = input.history ?? [];
  const reserved = turns.length
    ? trimHistory(turns, Math.floor(Math.max(0, room) * HISTORY_SHARE))
    : NO_HISTORY;
  const contextBudget = room - reserved.tokens;
  const problems: string[] = [];
  let context = buildGroundingContext(input.sources, input.focus, Math.max(0, contextBudget));
  if (context.tokens > contextBudget) {
    const what = reserved.messages.length
      ? ', the question and the earlier turns'
      : ' and the question';
    problems.push(
      `The agent prompt${what} use about ${fixedTokens + reserved.tokens} of the ` +
        `${input.budget}-token budget, so no context from the index was added. Raise the budget ` +
        'or shorten the prompt.',
    );
    context = {
      text: '',
      tokens: 0,
      included: [],
      omitted: [...context.included, ...context.omitted],
    };
  }
  // The history may also use what the context left over.
  const history = turns.length ? trimHistory(turns, Math.max(0, room - context.tokens)) : reserved;

  const messages = buildChatMessages({
    agentPrompt: input.agentPrompt.body,
    history: history.messages,
    context: context.text,
    question: input.question,
    systemRole: input.systemRole,
  });
  const preview = formatMessagesPreview(messages);
  return {
    messages,
    preview,
    context,
    history,
    tokens: estimateMessagesTokens(messages),
    problems,
  };
}
