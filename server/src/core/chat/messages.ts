// The messages of one chat request, in the order every model sees them: the agent prompt, the
// earlier turns of the conversation, what Seam knows about the code now, then the question.

export type ChatRole = 'system' | 'user' | 'assistant';

export interface ChatMessage {
  role: ChatRole;
  content: string;
}

export interface ChatMessageParts {
  agentPrompt: string;
  /** Earlier questions and answers, oldest first, already cut to the budget. */
  history?: readonly ChatMessage[];
  /** The grounding context; an empty one is left out. */
  context: string;
  /** An empty question is left out too, for a preview of the context alone. */
  question: string;
  /**
   * OpenAI-compatible endpoints take the prompt as a `system` message. APIs without that role
   * (VS Code's Language Model API) get it as the first `user` message instead.
   */
  systemRole: boolean;
}

export function buildChatMessages(parts: ChatMessageParts): ChatMessage[] {
  const messages: ChatMessage[] = [
    { role: parts.systemRole ? 'system' : 'user', content: parts.agentPrompt },
    ...(parts.history ?? []),
  ];
  if (parts.context.trim()) messages.push({ role: 'user', content: parts.context });
  if (parts.question.trim()) messages.push({ role: 'user', content: parts.question });
  return messages;
}

/** A rough count that needs no tokenizer: English and code average about four characters. */
export function estimateTokens(text: string): number {
  return Math.ceil(text.length / 4);
}

export function estimateMessagesTokens(messages: readonly ChatMessage[]): number {
  return messages.reduce((sum, message) => sum + estimateTokens(message.content), 0);
}

/**
 * What the user is shown before sending: each message whole, under a header naming its role
 * and size. Every character of every message appears here unchanged.
 */
export function formatMessagesPreview(messages: readonly ChatMessage[]): string {
  const total = estimateMessagesTokens(messages);
  const header = `${messages.length} messages, about ${total} tokens in all.`;
  const blocks = messages.map(
    (message, i) =>
      `----- message ${i + 1}: ${message.role}, ` +
      `about ${estimateTokens(message.content)} tokens -----\n${message.content}`,
  );
  return [header, ...blocks].join('\n\n');
}
