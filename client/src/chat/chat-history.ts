// The earlier turns of a `@seam` conversation as plain messages: each question the user asked and
// the text Seam answered. VS Code keeps the history; the server fits it into the token budget.
import type { ChatContextMessage } from '../../../server/src/protocol';

/** What Seam reads of VS Code's `ChatRequestTurn`; structural, so tests need no VS Code. */
export interface RequestTurnText {
  readonly prompt: string;
  readonly command?: string;
}

/** What Seam reads of VS Code's `ChatResponseTurn`. */
export interface ResponseTurnText {
  readonly response: readonly unknown[];
  readonly result: { readonly errorDetails?: unknown };
}

/**
 * Question and answer pairs, oldest first. An answer that failed, or a question without an
 * answer, is left out with its partner: alone it would only confuse the model.
 */
export function historyMessages(
  history: readonly (RequestTurnText | ResponseTurnText)[],
): ChatContextMessage[] {
  const messages: ChatContextMessage[] = [];
  let question: string | undefined;
  for (const turn of history) {
    if ('prompt' in turn) {
      question = questionText(turn);
      continue;
    }
    const answer = answerText(turn);
    if (question && answer && !turn.result.errorDetails) {
      messages.push({ role: 'user', content: question }, { role: 'assistant', content: answer });
    }
    question = undefined;
  }
  return messages;
}

/** The prompt as the user typed it, with its slash command. */
function questionText(turn: RequestTurnText): string {
  const command = turn.command ? `/${turn.command} ` : '';
  return `${command}${turn.prompt}`.trim();
}

/** The markdown parts of a response joined; buttons, anchors and file trees carry no answer. */
function answerText(turn: ResponseTurnText): string {
  return turn.response
    .map((part) => markdownOf(part))
    .join('')
    .trim();
}

function markdownOf(part: unknown): string {
  const value = (part as { value?: unknown } | null)?.value;
  const markdown = (value as { value?: unknown } | null)?.value;
  return typeof markdown === 'string' ? markdown : '';
}
