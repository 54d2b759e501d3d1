// A client for OpenAI-compatible chat completions (Ollama, llama.cpp, LM Studio, vLLM, hosted
// APIs) on Node's fetch: streams the answer as server-sent events, or reads it whole.
import { createParser } from 'eventsource-parser';
import { ChatRequestError, detailOfBody, errorForNetwork, errorForStatus } from './chat-errors';
import { parseEndpoint } from './endpoint';
import type { ChatMessage } from './messages';

export { ChatRequestError, type ChatErrorKind } from './chat-errors';

export interface ChatCompletionOptions {
  /** The endpoint's base URL, or its full `/chat/completions` URL. */
  endpoint: string;
  model?: string;
  /** Sent as a Bearer token; never logged. */
  apiKey?: string;
  signal?: AbortSignal;
  /** Milliseconds without a byte from the endpoint (first, or between chunks) before failing. */
  timeoutMs?: number;
  /** True (the default) asks for a stream; an endpoint that answers with JSON is read whole. */
  stream?: boolean;
  /** Sent as `max_tokens`, the longest answer the model may write. */
  maxTokens?: number;
  /** Seam stops reading, and cancels the request, once the answer is this long. */
  maxAnswerChars?: number;
  /** Each piece of the answer as it arrives. */
  onText?: (text: string) => void;
}

export interface ChatCompletionResult {
  text: string;
  /** `stop`, `length`... as the endpoint reported it. */
  finishReason?: string;
  /** Seam stopped at `maxAnswerChars`. */
  truncated: boolean;
  streamed: boolean;
}

export const DEFAULT_TIMEOUT_MS = 60_000;
export const DEFAULT_MAX_ANSWER_CHARS = 200_000;
/** A whole (non-streamed) response body larger than this is not an answer. */
const MAX_BODY_BYTES = 8 * 1024 * 1024;

interface AnswerState {
  text: string;
  finishReason?: string;
  done: boolean;
  truncated: boolean;
}

export async function sendChatCompletion(
  messages: readonly ChatMessage[],
  options: ChatCompletionOptions,
): Promise<ChatCompletionResult> {
  const target = parseEndpoint(options.endpoint);
  if ('problem' in target) throw new ChatRequestError('bad-endpoint', target.problem);
  const guard = new RequestGuard(options.signal, options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  const state: AnswerState = { text: '', done: false, truncated: false };
  try {
    const response = await fetch(target.url, requestInit(messages, options, guard.signal));
    guard.phase = 'read';
    guard.touch();
    if (!response.ok) throw await httpError(response, target.url, options);
    const streamed = await readAnswer(response, state, options, guard);
    return {
      text: state.text,
      finishReason: state.finishReason,
      truncated: state.truncated,
      streamed,
    };
  } catch (error) {
    throw guard.explain(error, target.url, state.text);
  } finally {
    guard.dispose();
  }
}

function requestInit(
  messages: readonly ChatMessage[],
  options: ChatCompletionOptions,
  signal: AbortSignal,
): RequestInit {
  const stream = options.stream ?? true;
  const body: Record<string, unknown> = { messages, stream };
  if (options.model) body.model = options.model;
  if (options.maxTokens) body.max_tokens = options.maxTokens;
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    accept: stream ? 'text/event-stream' : 'application/json',
  };
  if (options.apiKey) headers.authorization = `Bearer ${options.apiKey}`;
  return { method: 'POST', headers, body: JSON.stringify(body), signal };
}

async function httpError(response: Response, url: URL, options: ChatCompletionOptions) {
  const body = await readLimitedText(response, 64 * 1024).catch(() => '');
  return errorForStatus({
    status: response.status,
    detail: detailOfBody(body),
    url,
    model: options.model,
    sentApiKey: !!options.apiKey,
  });
}

/** Reads the answer as a stream or whole, by what the endpoint sent; true when streamed. */
async function readAnswer(
  response: Response,
  state: AnswerState,
  options: ChatCompletionOptions,
  guard: RequestGuard,
): Promise<boolean> {
  const type = response.headers.get('content-type') ?? '';
  if (type.includes('text/event-stream')) {
    await readEventStream(response, state, options, guard);
    return true;
  }
  const body = await readLimitedText(response, MAX_BODY_BYTES, guard);
  readWholeAnswer(body, type, state, options);
  return false;
}

async function readEventStream(
  response: Response,
  state: AnswerState,
  options: ChatCompletionOptions,
  guard: RequestGuard,
): Promise<void> {
  let failure: ChatRequestError | undefined;
  const parser = createParser({
    onEvent: (event) => {
      if (!failure && !state.done) failure = takeStreamEvent(event.data, state, options);
    },
    onError: (error) => {
      failure ??= malformed(
        `a line of the event stream is not server-sent events (${error.message})`,
      );
    },
  });
  await readChunks(response, guard, (chunk) => {
    parser.feed(chunk);
    if (failure) throw failure;
    return state.done || state.truncated;
  });
  if (failure) throw failure;
  if (!state.done && !state.finishReason && !state.truncated)
    throw new ChatRequestError('cut-off', 'the stream ended before the answer was complete');
}

/** Handles one `data:` payload; returns the failure it reveals, if any. */
function takeStreamEvent(
  data: string,
  state: AnswerState,
  options: ChatCompletionOptions,
): ChatRequestError | undefined {
  if (data.trim() === '[DONE]') {
    state.done = true;
    return undefined;
  }
  let chunk: unknown;
  try {
    chunk = JSON.parse(data);
  } catch {
    return malformed(`the stream sent data that is not JSON ("${data.slice(0, 60)}")`);
  }
  const reported = reportedError(chunk);
  if (reported) return new ChatRequestError('server', `the endpoint reported: ${reported}`);
  const choice = firstChoice(chunk);
  const content = choice?.delta?.content ?? choice?.message?.content;
  if (typeof content === 'string' && content) appendAnswer(state, content, options);
  if (typeof choice?.finish_reason === 'string') state.finishReason = choice.finish_reason;
  return undefined;
}

function readWholeAnswer(
  body: string,
  contentType: string,
  state: AnswerState,
  options: ChatCompletionOptions,
): void {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    throw malformed(`the endpoint answered with ${contentType || 'an untyped body'}, not JSON`);
  }
  const reported = reportedError(parsed);
  if (reported) throw new ChatRequestError('server', `the endpoint reported: ${reported}`);
  const choice = firstChoice(parsed);
  const content = choice?.message?.content;
  if (typeof content !== 'string') throw malformed('the answer has no choices[0].message.content');
  appendAnswer(state, content, options);
  if (typeof choice?.finish_reason === 'string') state.finishReason = choice.finish_reason;
  state.done = true;
}

interface ChoiceShape {
  delta?: { content?: unknown };
  message?: { content?: unknown };
  finish_reason?: unknown;
}

function firstChoice(value: unknown): ChoiceShape | undefined {
  const choices = (value as { choices?: unknown } | null)?.choices;
  if (!Array.isArray(choices) || typeof choices[0] !== 'object' || choices[0] === null)
    return undefined;
  return choices[0] as ChoiceShape;
}

function reportedError(value: unknown): string | undefined {
  const error = (value as { error?: unknown } | null)?.error;
  if (!error) return undefined;
  if (typeof error === 'string') return error;
  const message = (error as { message?: unknown }).message;
  return typeof message === 'string' ? message : JSON.stringify(error).slice(0, 200);
}

function appendAnswer(state: AnswerState, text: string, options: ChatCompletionOptions): void {
  const room = (options.maxAnswerChars ?? DEFAULT_MAX_ANSWER_CHARS) - state.text.length;
  const piece = text.length > room ? text.slice(0, Math.max(0, room)) : text;
  if (piece.length < text.length) state.truncated = true;
  if (!piece) return;
  state.text += piece;
  options.onText?.(piece);
}

function malformed(reason: string): ChatRequestError {
  return new ChatRequestError(
    'malformed',
    `${reason}; is this an OpenAI-compatible endpoint? (Ollama serves one under /v1)`,
  );
}

/** Feeds decoded chunks to `take` until the body ends or `take` returns true. */
async function readChunks(
  response: Response,
  guard: RequestGuard | undefined,
  take: (chunk: string) => boolean,
): Promise<void> {
  if (!response.body) return;
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    guard?.touch();
    if (take(decoder.decode(value, { stream: true }))) {
      guard?.finish();
      await reader.cancel().catch(() => undefined);
      return;
    }
  }
  take(decoder.decode());
}

async function readLimitedText(
  response: Response,
  maxBytes: number,
  guard?: RequestGuard,
): Promise<string> {
  let text = '';
  await readChunks(response, guard, (chunk) => {
    text += chunk;
    if (text.length > maxBytes) throw malformed(`the answer is larger than ${maxBytes} bytes`);
    return false;
  });
  return text;
}

/**
 * Owns the request's abort controller: the caller's signal cancels it, and a timer that every
 * received chunk resets times it out. `explain` turns whatever was thrown into a ChatRequestError.
 */
class RequestGuard {
  readonly signal: AbortSignal;
  phase: 'connect' | 'read' = 'connect';
  private readonly controller = new AbortController();
  private stopReason: 'cancelled' | 'timeout' | 'finished' | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly onCallerAbort = () => this.stop('cancelled');

  constructor(
    private readonly callerSignal: AbortSignal | undefined,
    private readonly timeoutMs: number,
  ) {
    this.signal = this.controller.signal;
    if (callerSignal?.aborted) this.stop('cancelled');
    else callerSignal?.addEventListener('abort', this.onCallerAbort, { once: true });
    this.touch();
  }

  touch(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.stop('timeout'), this.timeoutMs);
  }

  finish(): void {
    this.stopReason ??= 'finished';
  }

  explain(error: unknown, url: URL, partialText: string): ChatRequestError {
    if (this.stopReason === 'cancelled')
      return new ChatRequestError('cancelled', 'the request was cancelled', undefined, partialText);
    if (this.stopReason === 'timeout') {
      const seconds = Math.round(this.timeoutMs / 100) / 10;
      const waiting = this.phase === 'connect' ? 'to answer' : 'to send more of the answer';
      const message = `timed out: ${url.host} took longer than ${seconds} s ${waiting}`;
      return new ChatRequestError('timeout', message, undefined, partialText);
    }
    if (error instanceof ChatRequestError)
      return new ChatRequestError(error.kind, error.message, error.status, partialText);
    if (this.phase === 'connect') return errorForNetwork(error, url);
    const reason = error instanceof Error ? error.message : String(error);
    return new ChatRequestError(
      'cut-off',
      `the connection broke during the answer (${reason})`,
      undefined,
      partialText,
    );
  }

  /** Ends the timer and releases the connection, whether the answer finished or failed. */
  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.callerSignal?.removeEventListener('abort', this.onCallerAbort);
    this.stopReason ??= 'finished';
    this.controller.abort();
  }

  private stop(reason: 'cancelled' | 'timeout'): void {
    this.stopReason ??= reason;
    this.controller.abort();
  }
}
