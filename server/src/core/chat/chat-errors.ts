// Why a chat request failed, as one line a user can act on: the endpoint is down, the key is
// refused, the model is unknown, the quota is spent, the stream broke or took too long.

export type ChatErrorKind =
  | 'bad-endpoint'
  | 'unreachable'
  | 'unauthorized'
  | 'forbidden'
  | 'not-found'
  | 'quota'
  | 'timeout'
  | 'cancelled'
  | 'malformed'
  | 'cut-off'
  | 'server';

export class ChatRequestError extends Error {
  constructor(
    readonly kind: ChatErrorKind,
    message: string,
    /** The HTTP status, when the endpoint answered with one. */
    readonly status?: number,
    /** What had arrived of the answer before the failure. */
    readonly partialText = '',
  ) {
    super(message);
    this.name = 'ChatRequestError';
  }
}

export interface HttpFailure {
  status: number;
  /** The endpoint's own explanation, taken from its error body when it sent one. */
  detail: string;
  url: URL;
  model?: string;
  sentApiKey: boolean;
}

export function errorForStatus(failure: HttpFailure): ChatRequestError {
  const { status, url } = failure;
  const detail = failure.detail ? `: ${failure.detail}` : '';
  switch (status) {
    case 401:
      return new ChatRequestError(
        'unauthorized',
        failure.sentApiKey
          ? `the endpoint rejected the API key (HTTP 401)${detail}`
          : `the endpoint needs an API key and none was set (HTTP 401)${detail}`,
        status,
      );
    case 403:
      return new ChatRequestError(
        'forbidden',
        `the endpoint refused access (HTTP 403); the key may lack access to this model${detail}`,
        status,
      );
    case 404:
      return new ChatRequestError('not-found', notFoundMessage(failure), status);
    case 429:
      return new ChatRequestError(
        'quota',
        `quota or rate limit reached (HTTP 429); wait and retry, or check the plan${detail}`,
        status,
      );
    default:
      return new ChatRequestError(
        'server',
        `the endpoint ${url.host} answered HTTP ${status}${detail}`,
        status,
      );
  }
}

function notFoundMessage(failure: HttpFailure): string {
  const model = failure.model ? `the model "${failure.model}" is unknown there, or ` : '';
  const detail = failure.detail ? ` (${failure.detail})` : '';
  return `not found (HTTP 404): ${model}${failure.url.href} is not a chat completions URL${detail}`;
}

/** The `error.message`, `message` or `detail` of a JSON error body, else its first line. */
export function detailOfBody(body: string): string {
  let message: unknown;
  try {
    const parsed: unknown = JSON.parse(body);
    message = messageIn(parsed);
  } catch {
    message = body.split('\n').find((line) => line.trim());
  }
  const text = typeof message === 'string' ? message.trim() : '';
  return text.length > 200 ? `${text.slice(0, 197)}...` : text;
}

function messageIn(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return undefined;
  const record = value as Record<string, unknown>;
  if (typeof record.error === 'string') return record.error;
  if (typeof record.error === 'object' && record.error !== null)
    return (record.error as Record<string, unknown>).message;
  return record.message ?? record.detail;
}

/** A failed `fetch` (no HTTP answer at all), in words: refused, unknown host, reset. */
export function errorForNetwork(error: unknown, url: URL): ChatRequestError {
  const code = networkCode(error);
  const where = url.origin;
  const reasons: Record<string, string> = {
    ECONNREFUSED: `cannot reach ${where}: connection refused; is the server running?`,
    ENOTFOUND: `cannot reach ${where}: the host name is unknown`,
    EAI_AGAIN: `cannot reach ${where}: the host name could not be looked up`,
    ECONNRESET: `the connection to ${where} was reset`,
    EHOSTUNREACH: `cannot reach ${where}: no route to the host`,
    UND_ERR_CONNECT_TIMEOUT: `cannot reach ${where}: connecting timed out`,
  };
  const fallback = `cannot reach ${where}: ${causeMessage(error)}`;
  return new ChatRequestError('unreachable', (code && reasons[code]) ?? fallback);
}

function networkCode(error: unknown): string | undefined {
  const cause = (error as { cause?: { code?: unknown; errors?: { code?: unknown }[] } }).cause;
  if (typeof cause?.code === 'string') return cause.code;
  // Node reports "localhost" failing on both ::1 and 127.0.0.1 as an AggregateError.
  const first = cause?.errors?.[0]?.code;
  return typeof first === 'string' ? first : undefined;
}

function causeMessage(error: unknown): string {
  const cause = (error as { cause?: unknown }).cause;
  const source = cause instanceof Error ? cause : error;
  return source instanceof Error ? source.message.split('\n')[0] : String(source);
}
