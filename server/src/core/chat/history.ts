// The earlier turns of a chat conversation, cut to a token budget. Whole exchanges (questions and
// the answer after them) are kept, newest first, so the model never reads an answer without the
// question it answers; the oldest go first.
import { estimateTokens, type ChatMessage } from './messages';

export interface TrimmedHistory {
  /** The turns kept, oldest first. */
  messages: ChatMessage[];
  tokens: number;
  /** Turns (messages) left out to fit the budget. */
  omitted: number;
}

export const NO_HISTORY: TrimmedHistory = { messages: [], tokens: 0, omitted: 0 };

/**
 * Keeps the newest exchanges whose estimated tokens fit `budgetTokens`, stopping at the first one
 * that does not fit so the conversation has no gaps. Only user and assistant turns with text count;
 * anything else is dropped (a system prompt comes from the agent, never from the history).
 */
export function trimHistory(turns: readonly ChatMessage[], budgetTokens: number): TrimmedHistory {
  const usable = turns.filter(
    (turn) => (turn.role === 'user' || turn.role === 'assistant') && turn.content.trim() !== '',
  );
  const kept: ChatMessage[][] = [];
  let tokens = 0;
  for (const exchange of exchangesOf(usable).reverse()) {
    const size = exchange.reduce((sum, turn) => sum + estimateTokens(turn.content), 0);
    if (tokens + size > budgetTokens) break;
    kept.unshift(exchange);
    tokens += size;
  }
  const messages = kept.flat();
  return { messages, tokens, omitted: turns.length - messages.length };
}

/** Splits the turns where a user turn follows an answer: each part is one exchange. */
function exchangesOf(turns: readonly ChatMessage[]): ChatMessage[][] {
  const exchanges: ChatMessage[][] = [];
  let previous: ChatMessage | undefined;
  for (const turn of turns) {
    const startsExchange = !previous || (turn.role === 'user' && previous.role === 'assistant');
    if (startsExchange) exchanges.push([turn]);
    else exchanges[exchanges.length - 1].push(turn);
    previous = turn;
  }
  return exchanges;
}
