// One chat request from its parts: the chosen agent prompt, the grounding context cut to what
// the token budget leaves after the prompt and the question, and the preview the user sees.
import type { AgentPrompt } from './agent-prompt-parse';
import {
  buildGroundingContext,
  type ContextFocus,
  type ContextSources,
  type GroundingContext,
} from './context';
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
}

export interface BuiltChatRequest {
  messages: ChatMessage[];
  /** Exactly the messages above, each under a header: what the user is shown before sending. */
  preview: string;
  /** The context sent; empty when the budget left no room for it. */
  context: GroundingContext;
  tokens: number;
  problems: string[];
}

export function buildChatRequest(input: ChatRequestInput): BuiltChatRequest {
  const fixedTokens = estimateTokens(input.agentPrompt.body) + estimateTokens(input.question);
  const contextBudget = input.budget - fixedTokens;
  const problems: string[] = [];
  let context = buildGroundingContext(input.sources, input.focus, Math.max(0, contextBudget));
  if (context.tokens > contextBudget) {
    problems.push(
      `The agent prompt and the question use about ${fixedTokens} of the ${input.budget}-token ` +
        'budget, so no context from the index was added. Raise the budget or shorten the prompt.',
    );
    context = {
      text: '',
      tokens: 0,
      included: [],
      omitted: [...context.included, ...context.omitted],
    };
  }

  const messages = buildChatMessages({
    agentPrompt: input.agentPrompt.body,
    context: context.text,
    question: input.question,
    systemRole: input.systemRole,
  });
  const preview = formatMessagesPreview(messages);
  return { messages, preview, context, tokens: estimateMessagesTokens(messages), problems };
}
