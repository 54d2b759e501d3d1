// The conversation history of the chat: VS Code's turns as text, cut to the token budget with the
// oldest exchanges dropped first, and placed between the agent prompt and the fresh context.
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { historyMessages } from '../client/src/chat/chat-history';
import { SEAM_DEFAULT_PROMPT } from '../server/src/core/chat/agent-prompts';
import { handleChatContext } from '../server/src/core/chat/chat-context-handler';
import { buildChatRequest } from '../server/src/core/chat/chat-request';
import type { ContextSources } from '../server/src/core/chat/context';
import { trimHistory } from '../server/src/core/chat/history';
import { estimateMessagesTokens, type ChatMessage } from '../server/src/core/chat/messages';
import { contextSourcesOnDisk } from './helpers/chat-sources';

const root = join(__dirname, '..', 'examples', 'inventory');
const PART_TS = 'frontend/src/types/part.ts';

const user = (content: string): ChatMessage => ({ role: 'user', content });
const assistant = (content: string): ChatMessage => ({ role: 'assistant', content });

/** An exchange whose question and answer each estimate to `tokens` tokens. */
function exchange(name: string, tokens: number): ChatMessage[] {
  const pad = (text: string) => text.padEnd(tokens * 4, '.');
  return [user(pad(`${name}?`)), assistant(pad(`${name}!`))];
}

describe('trimming the history', () => {
  const conversation = [...exchange('one', 10), ...exchange('two', 10), ...exchange('three', 10)];

  it('keeps everything that fits', () => {
    const trimmed = trimHistory(conversation, 60);
    expect(trimmed.messages).toEqual(conversation);
    expect(trimmed.tokens).toBe(60);
    expect(trimmed.omitted).toBe(0);
  });

  it('drops the oldest exchanges first, whole', () => {
    const trimmed = trimHistory(conversation, 59);
    expect(trimmed.messages).toEqual(conversation.slice(2));
    expect(trimmed.omitted).toBe(2);
    expect(trimHistory(conversation, 39).messages).toEqual(conversation.slice(4));
    expect(trimHistory(conversation, 19).messages).toEqual([]);
  });

  it('leaves no gap: a short old exchange does not jump a long one that did not fit', () => {
    const turns = [...exchange('short', 1), ...exchange('long', 50), ...exchange('last', 5)];
    expect(trimHistory(turns, 20).messages).toEqual(exchange('last', 5));
  });

  it('keeps a question without an answer with the answers after it', () => {
    const turns = [user('unanswered'), user('asked again'), assistant('answer')];
    expect(trimHistory(turns, 100).messages).toEqual(turns);
  });

  it('drops system turns and empty ones', () => {
    const turns = [{ role: 'system' as const, content: 'obey me' }, user(' '), ...exchange('q', 2)];
    const trimmed = trimHistory(turns, 100);
    expect(trimmed.messages).toEqual(exchange('q', 2));
    expect(trimmed.omitted).toBe(2);
  });
});

describe("VS Code's chat turns as messages", () => {
  const markdown = (value: string) => ({ value: { value } });
  const button = { value: { command: 'seam.chat.showPreview', title: 'Show what was sent' } };

  it('pairs each question with the text of its answer, the slash command kept', () => {
    const history = [
      { prompt: 'why is unit_price a string?' },
      { response: [button, markdown('Decimal travels '), markdown('as a string.')], result: {} },
      { prompt: 'add a weight field', command: 'design' },
      { response: [markdown('1. The model...')], result: {} },
    ];
    expect(historyMessages(history)).toEqual([
      user('why is unit_price a string?'),
      assistant('Decimal travels as a string.'),
      user('/design add a weight field'),
      assistant('1. The model...'),
    ]);
  });

  it('leaves out failed and empty answers with their questions', () => {
    const history = [
      { prompt: 'first' },
      { response: [], result: { errorDetails: { message: 'No language model is available' } } },
      { prompt: 'second' },
      { response: [button], result: {} },
      { prompt: 'third' },
      { response: [markdown('answer')], result: {} },
      { prompt: 'cancelled before any answer' },
    ];
    expect(historyMessages(history)).toEqual([user('third'), assistant('answer')]);
  });
});

describe('a request with history', () => {
  let sources: ContextSources;

  beforeAll(async () => {
    sources = await contextSourcesOnDisk(root);
  });

  function request(history: ChatMessage[], budget: number) {
    return buildChatRequest({
      sources,
      focus: { file: PART_TS },
      question: 'And what about quantity?',
      agentPrompt: SEAM_DEFAULT_PROMPT,
      budget,
      systemRole: false,
      history,
    });
  }

  it('sends the turns after the agent prompt and before the fresh context and question', () => {
    const turns = [user('Why is unit_price a string?'), assistant('Decimal travels as a string.')];
    const built = request(turns, 4000);
    expect(built.messages.map((m) => m.role)).toEqual([
      'user',
      'user',
      'assistant',
      'user',
      'user',
    ]);
    expect(built.messages.slice(1, 3)).toEqual(turns);
    expect(built.messages[3].content).toBe(built.context.text);
    expect(built.messages[4].content).toBe('And what about quantity?');
    // The context is sent once, for the question asked now.
    const contexts = built.messages.filter((m) => m.content.startsWith("Seam's index of this"));
    expect(contexts).toHaveLength(1);
    expect(built.preview).toContain('Decimal travels as a string.');
  });

  it('drops the oldest turns to stay within the budget, and keeps room for the context', () => {
    const turns = Array.from({ length: 12 }, (_, i) => exchange(`turn ${i}`, 150)).flat();
    const built = request(turns, 3000);
    expect(built.tokens).toBeLessThanOrEqual(3000);
    expect(built.tokens).toBe(estimateMessagesTokens(built.messages));
    expect(built.history.omitted).toBeGreaterThan(0);
    // The newest exchange is kept, the oldest is not.
    expect(built.messages).toContainEqual(turns[turns.length - 1]);
    expect(built.messages).not.toContainEqual(turns[0]);
    expect(built.context.tokens).toBeGreaterThan(0);
    expect(built.problems).toEqual([]);
  });

  it('reports the turns sent and left out through the seam/chatContext handler', () => {
    const turns = Array.from({ length: 12 }, (_, i) => exchange(`turn ${i}`, 150)).flat();
    const result = handleChatContext(
      { root, sources, fileOfUri: () => PART_TS },
      { uri: 'file:///part.ts', budget: 3000, question: 'q', history: turns },
    );
    const sent = result.historyTurns?.sent ?? 0;
    expect(sent).toBeGreaterThan(0);
    expect(sent + (result.historyTurns?.omitted ?? 0)).toBe(turns.length);
    expect(result.messages.filter((m) => m.role === 'assistant')).toHaveLength(sent / 2);
  });
});
