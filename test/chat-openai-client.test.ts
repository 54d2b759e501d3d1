// The OpenAI-compatible client against a small server this test runs on 127.0.0.1: streamed and
// whole answers, HTTP errors, slow, cut-off and malformed streams, cancellation and limits.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { SEAM_DEFAULT_PROMPT } from '../server/src/core/chat/agent-prompts';
import { buildChatRequest } from '../server/src/core/chat/chat-request';
import {
  chatCompletionsUrl,
  isLoopbackEndpoint,
  isLoopbackHost,
} from '../server/src/core/chat/endpoint';
import type { ChatMessage } from '../server/src/core/chat/messages';
import {
  ChatRequestError,
  sendChatCompletion,
  type ChatCompletionOptions,
} from '../server/src/core/chat/openai-client';
import { DEFAULT_CONFIG } from '../server/src/core/config/seam-config';
import { checkWorkspace } from '../server/src/core/findings/check';
import { indexOf } from './helpers/workspace';

interface RecordedRequest {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: { model?: string; stream?: boolean; max_tokens?: number; messages: ChatMessage[] };
  /** True when the client went away before the server finished answering. */
  abandoned: boolean;
}

type Handler = (response: ServerResponse, request: RecordedRequest) => Promise<void> | void;

interface TestServer {
  endpoint: string;
  requests: RecordedRequest[];
  /** Resolves when a request's connection has closed, finished or not. */
  closed: Promise<void>;
}

const servers: { close(): void }[] = [];
afterEach(() => servers.splice(0).forEach((server) => server.close()));

async function startServer(handler: Handler): Promise<TestServer> {
  const requests: RecordedRequest[] = [];
  let markClosed: () => void = () => undefined;
  const closed = new Promise<void>((resolve) => (markClosed = resolve));
  const server = createServer(async (request, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const recorded: RecordedRequest = {
      method: request.method ?? '',
      url: request.url ?? '',
      headers: request.headers,
      body: JSON.parse(Buffer.concat(chunks).toString('utf8')),
      abandoned: false,
    };
    requests.push(recorded);
    response.on('close', () => {
      recorded.abandoned = !response.writableFinished;
      markClosed();
    });
    try {
      await handler(response, recorded);
    } catch {
      // Writing after the client left throws; the test reads `abandoned` instead.
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  servers.push({ close: () => server.close() && server.closeAllConnections() });
  const { port } = server.address() as AddressInfo;
  return { endpoint: `http://127.0.0.1:${port}`, requests, closed };
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function delta(content: string, finish: string | null = null): string {
  const chunk = { choices: [{ index: 0, delta: { content }, finish_reason: finish }] };
  return `data: ${JSON.stringify(chunk)}\n\n`;
}

function startStream(response: ServerResponse): void {
  response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
}

/** A well-behaved streaming answer, one piece at a time. */
function streamAnswer(pieces: string[], gapMs = 5): Handler {
  return async (response) => {
    startStream(response);
    for (const piece of pieces) {
      response.write(delta(piece));
      await sleep(gapMs);
    }
    response.write(delta('', 'stop'));
    response.end('data: [DONE]\n\n');
  };
}

function jsonAnswer(content: string): Handler {
  return (response) => {
    response.writeHead(200, { 'content-type': 'application/json' });
    const choice = { index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' };
    response.end(JSON.stringify({ choices: [choice] }));
  };
}

function failWith(status: number, message: string): Handler {
  return (response) => {
    response.writeHead(status, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ error: { message, type: 'test' } }));
  };
}

const MESSAGES: ChatMessage[] = [
  { role: 'system', content: 'prompt' },
  { role: 'user', content: 'question' },
];

async function failure(
  messages: ChatMessage[],
  options: ChatCompletionOptions,
): Promise<ChatRequestError> {
  try {
    await sendChatCompletion(messages, options);
  } catch (error) {
    if (error instanceof ChatRequestError) return error;
    throw error;
  }
  throw new Error('the request succeeded');
}

describe('a streamed answer', () => {
  it('arrives piece by piece, posted to /v1/chat/completions', async () => {
    const server = await startServer(streamAnswer(['Add ', '`| null`', ' to the type.']));
    const pieces: string[] = [];
    const result = await sendChatCompletion(MESSAGES, {
      endpoint: server.endpoint,
      model: 'local-model',
      onText: (text) => pieces.push(text),
    });
    expect(pieces).toEqual(['Add ', '`| null`', ' to the type.']);
    expect(result).toEqual({
      text: 'Add `| null` to the type.',
      finishReason: 'stop',
      truncated: false,
      streamed: true,
    });
    const [request] = server.requests;
    expect(request.method).toBe('POST');
    expect(request.url).toBe('/v1/chat/completions');
    expect(request.headers.accept).toBe('text/event-stream');
    expect(request.headers.authorization).toBeUndefined();
    expect(request.body).toEqual({ model: 'local-model', stream: true, messages: MESSAGES });
  });

  it('carries the agent prompt, the grounded context and the question', async () => {
    const index = await indexOf({
      'api/models.py': `
        from pydantic import BaseModel
        class Widget(BaseModel):
            id: int
            label: str
      `,
      'web/types.ts': `
        export interface Widget {
          id: number;
          label: string;
        }
      `,
    });
    const checked = checkWorkspace(index.view(), index.allFacts(), DEFAULT_CONFIG);
    const built = buildChatRequest({
      sources: { view: index.view(), pairing: checked.pairing, findings: checked.findings },
      focus: { file: 'web/types.ts' },
      question: 'Is Widget in step with the backend?',
      agentPrompt: SEAM_DEFAULT_PROMPT,
      budget: 3000,
      systemRole: true,
    });
    const server = await startServer(streamAnswer(['Yes.']));
    await sendChatCompletion(built.messages, { endpoint: server.endpoint });

    const sent = server.requests[0].body.messages;
    expect(sent).toEqual(built.messages);
    expect(sent[0]).toEqual({ role: 'system', content: SEAM_DEFAULT_PROMPT.body });
    expect(sent[1].content).toContain('export interface Widget {');
    expect(sent[1].content).toContain('class Widget(BaseModel):');
    expect(sent[1].content).toContain('mirrors api/models.py#Widget');
    expect(sent[2]).toEqual({ role: 'user', content: 'Is Widget in step with the backend?' });
  });

  it('sends the API key as a Bearer token and max_tokens when given', async () => {
    const server = await startServer(streamAnswer(['ok']));
    await sendChatCompletion(MESSAGES, {
      endpoint: `${server.endpoint}/v1/`,
      apiKey: 'test-key',
      maxTokens: 256,
    });
    expect(server.requests[0].url).toBe('/v1/chat/completions');
    expect(server.requests[0].headers.authorization).toBe('Bearer test-key');
    expect(server.requests[0].body.max_tokens).toBe(256);
  });

  it('keeps going while chunks keep coming, though the whole outlasts the timeout', async () => {
    const server = await startServer(streamAnswer(['a', 'b', 'c', 'd', 'e', 'f'], 80));
    const result = await sendChatCompletion(MESSAGES, {
      endpoint: server.endpoint,
      timeoutMs: 300,
    });
    expect(result.text).toBe('abcdef');
  });

  it('ignores comments and chunks without content', async () => {
    const server = await startServer(async (response) => {
      startStream(response);
      response.write(': keep-alive\n\n');
      response.write(
        `data: ${JSON.stringify({ choices: [{ delta: { role: 'assistant' } }] })}\n\n`,
      );
      response.write(`data: ${JSON.stringify({ choices: [], usage: { total_tokens: 3 } })}\n\n`);
      response.write(delta('fine', 'stop'));
      response.end('data: [DONE]\n\n');
    });
    const result = await sendChatCompletion(MESSAGES, { endpoint: server.endpoint });
    expect(result.text).toBe('fine');
  });
});

describe('a whole answer', () => {
  it('is read when streaming is off', async () => {
    const server = await startServer(jsonAnswer('Whole answer.'));
    const pieces: string[] = [];
    const result = await sendChatCompletion(MESSAGES, {
      endpoint: `${server.endpoint}/v1/chat/completions`,
      stream: false,
      onText: (text) => pieces.push(text),
    });
    expect(server.requests[0].body.stream).toBe(false);
    expect(server.requests[0].headers.accept).toBe('application/json');
    expect(pieces).toEqual(['Whole answer.']);
    expect(result).toMatchObject({ text: 'Whole answer.', streamed: false, finishReason: 'stop' });
  });

  it('is read when a stream was asked for but the endpoint sent JSON', async () => {
    const server = await startServer(jsonAnswer('Sent whole anyway.'));
    const result = await sendChatCompletion(MESSAGES, { endpoint: server.endpoint });
    expect(result).toMatchObject({ text: 'Sent whole anyway.', streamed: false });
  });

  it('without choices is malformed', async () => {
    const server = await startServer((response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end('{"object":"list"}');
    });
    const error = await failure(MESSAGES, { endpoint: server.endpoint, stream: false });
    expect(error.kind).toBe('malformed');
    expect(error.message).toMatch(/no choices\[0\]\.message\.content/);
  });
});

describe('HTTP errors', () => {
  const cases: { status: number; kind: string; message: RegExp; apiKey?: string }[] = [
    {
      status: 401,
      apiKey: 'wrong',
      kind: 'unauthorized',
      message: /^the endpoint rejected the API key \(HTTP 401\): bad key$/,
    },
    { status: 401, kind: 'unauthorized', message: /needs an API key and none was set/ },
    { status: 403, kind: 'forbidden', message: /refused access \(HTTP 403\)/ },
    { status: 404, kind: 'not-found', message: /the model "m" is unknown there/ },
    { status: 429, kind: 'quota', message: /^quota or rate limit reached \(HTTP 429\)/ },
    { status: 500, kind: 'server', message: /answered HTTP 500: bad key$/ },
  ];
  for (const { status, kind, message, apiKey } of cases) {
    it(`${status}${apiKey ? ' with a key' : ''} is explained in one line`, async () => {
      const server = await startServer(failWith(status, 'bad key'));
      const error = await failure(MESSAGES, { endpoint: server.endpoint, model: 'm', apiKey });
      expect(error.kind).toBe(kind);
      expect(error.status).toBe(status);
      expect(error.message).toMatch(message);
      expect(error.message).not.toContain('\n');
    });
  }

  it('an endpoint nobody listens on is unreachable', async () => {
    const server = await startServer(() => undefined);
    servers.splice(0).forEach((s) => s.close());
    await sleep(20);
    const error = await failure(MESSAGES, { endpoint: server.endpoint });
    expect(error.kind).toBe('unreachable');
    expect(error.message).toMatch(/^cannot reach http:\/\/127\.0\.0\.1:\d+: connection refused/);
  });

  it('an endpoint that is not a URL is refused before sending', async () => {
    for (const endpoint of ['not a url', 'ftp://127.0.0.1/']) {
      const error = await failure(MESSAGES, { endpoint });
      expect(error.kind).toBe('bad-endpoint');
    }
  });
});

describe('broken streams', () => {
  it('times out when the stream stalls, keeping what had arrived', async () => {
    const server = await startServer(async (response) => {
      startStream(response);
      response.write(delta('partial '));
      await sleep(5_000);
    });
    const started = Date.now();
    const error = await failure(MESSAGES, { endpoint: server.endpoint, timeoutMs: 300 });
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(error.kind).toBe('timeout');
    expect(error.message).toMatch(/took longer than 0\.3 s to send more of the answer$/);
    expect(error.partialText).toBe('partial ');
    await server.closed;
    expect(server.requests[0].abandoned).toBe(true);
  });

  it('times out when the endpoint never answers', async () => {
    const server = await startServer(() => sleep(5_000));
    const error = await failure(MESSAGES, { endpoint: server.endpoint, timeoutMs: 200 });
    expect(error.kind).toBe('timeout');
    expect(error.message).toMatch(/0\.2 s to answer$/);
  });

  it('reports a connection cut in the middle of the answer', async () => {
    const server = await startServer(async (response) => {
      startStream(response);
      response.write(delta('half an '));
      await sleep(20);
      response.destroy();
    });
    const error = await failure(MESSAGES, { endpoint: server.endpoint });
    expect(error.kind).toBe('cut-off');
    expect(error.message).toMatch(/^the connection broke during the answer/);
    expect(error.partialText).toBe('half an ');
  });

  it('reports a stream that ends without [DONE] or a finish reason', async () => {
    const server = await startServer((response) => {
      startStream(response);
      response.end(delta('unfinished'));
    });
    const error = await failure(MESSAGES, { endpoint: server.endpoint });
    expect(error.kind).toBe('cut-off');
    expect(error.message).toBe('the stream ended before the answer was complete');
    expect(error.partialText).toBe('unfinished');
  });

  const malformed: { title: string; body: string; message: RegExp }[] = [
    {
      title: 'data that is not JSON',
      body: 'data: {"choices": [\n\n',
      message: /^the stream sent data that is not JSON/,
    },
    {
      title: 'JSON lines instead of server-sent events',
      body: '{"message":{"content":"hi"}}\n{"done":true}\n',
      message: /^a line of the event stream is not server-sent events/,
    },
  ];
  for (const { title, body, message } of malformed) {
    it(`reports ${title} as malformed`, async () => {
      const server = await startServer((response) => {
        startStream(response);
        response.end(body);
      });
      const error = await failure(MESSAGES, { endpoint: server.endpoint });
      expect(error.kind).toBe('malformed');
      expect(error.message).toMatch(message);
      expect(error.message).toMatch(
        /OpenAI-compatible endpoint\? \(Ollama serves one under \/v1\)$/,
      );
    });
  }

  it('passes on an error the endpoint reports inside the stream', async () => {
    const server = await startServer((response) => {
      startStream(response);
      response.end(`data: ${JSON.stringify({ error: { message: 'model is loading' } })}\n\n`);
    });
    const error = await failure(MESSAGES, { endpoint: server.endpoint });
    expect(error.kind).toBe('server');
    expect(error.message).toBe('the endpoint reported: model is loading');
  });
});

describe('cancellation and limits', () => {
  it('stops the request when the caller aborts', async () => {
    const server = await startServer(streamAnswer(['one ', 'two ', 'three ', 'four'], 200));
    const controller = new AbortController();
    const pieces: string[] = [];
    const pending = failure(MESSAGES, {
      endpoint: server.endpoint,
      signal: controller.signal,
      onText: (text) => {
        pieces.push(text);
        controller.abort();
      },
    });
    const error = await pending;
    expect(error.kind).toBe('cancelled');
    expect(error.partialText).toBe('one ');
    expect(pieces).toEqual(['one ']);
    await server.closed;
    expect(server.requests[0].abandoned).toBe(true);
  });

  it('sends nothing when the signal is already aborted', async () => {
    const server = await startServer(streamAnswer(['never']));
    const controller = new AbortController();
    controller.abort();
    const error = await failure(MESSAGES, { endpoint: server.endpoint, signal: controller.signal });
    expect(error.kind).toBe('cancelled');
    await sleep(50);
    expect(server.requests).toEqual([]);
  });

  it('stops reading, and closes the request, at the answer size limit', async () => {
    const server = await startServer(
      streamAnswer(['0123456789', 'abcdefghij', 'more', 'more'], 50),
    );
    const result = await sendChatCompletion(MESSAGES, {
      endpoint: server.endpoint,
      maxAnswerChars: 15,
    });
    expect(result).toMatchObject({ text: '0123456789abcde', truncated: true });
    await server.closed;
    expect(server.requests[0].abandoned).toBe(true);
  });
});

describe('endpoints', () => {
  it('builds the chat completions URL', () => {
    const cases: [string, string][] = [
      ['http://127.0.0.1:11434', 'http://127.0.0.1:11434/v1/chat/completions'],
      ['http://127.0.0.1:11434/', 'http://127.0.0.1:11434/v1/chat/completions'],
      ['https://example.test/v1', 'https://example.test/v1/chat/completions'],
      ['https://example.test/openai', 'https://example.test/openai/v1/chat/completions'],
      ['https://example.test/x/chat/completions', 'https://example.test/x/chat/completions'],
    ];
    for (const [endpoint, url] of cases) expect(chatCompletionsUrl(endpoint).href).toBe(url);
  });

  it('tells loopback hosts from the rest', () => {
    const loopback = ['localhost', '127.0.0.1', '127.8.9.10', '[::1]', '::1', 'api.localhost'];
    const remote = ['example.com', '10.0.0.2', '128.0.0.1', '127.example.com', '0.0.0.0'];
    for (const host of loopback) expect(isLoopbackHost(host), host).toBe(true);
    for (const host of remote) expect(isLoopbackHost(host), host).toBe(false);
    expect(isLoopbackEndpoint('http://[::ffff:127.0.0.1]:8080')).toBe(true);
    expect(isLoopbackEndpoint('https://api.example.com/v1')).toBe(false);
    expect(isLoopbackEndpoint('not a url')).toBe(false);
  });
});
