// `seam ask` through the built CLI (`node bin/seam.js`): the dry run prints the exact request,
// answers stream to stdout, and failures end with one line on stderr and exit status 1.
import { execFile, execFileSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ChatMessage } from '../server/src/core/chat/messages';

const repo = join(__dirname, '..');
const cli = join(repo, 'bin', 'seam.js');
const example = join(repo, 'examples', 'inventory');
const agent = join(__dirname, 'fixtures', 'chat', 'explicit-agent.md');

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function runSeam(args: string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      [cli, ...args],
      { cwd: repo, env: { ...process.env, SEAM_CHAT_API_KEY: '', ...env }, timeout: 60_000 },
      (_error, stdout, stderr) => resolve({ code: child.exitCode, stdout, stderr }),
    );
  });
}

/** Rebuilds the bundle when it is older than the chat sources, so the test runs this code. */
beforeAll(() => {
  const bundle = join(repo, 'dist', 'cli.js');
  const sources = [
    join(repo, 'server', 'src', 'cli', 'commands', 'ask-command.ts'),
    ...readdirSync(join(repo, 'server', 'src', 'core', 'chat')).map((name) =>
      join(repo, 'server', 'src', 'core', 'chat', name),
    ),
  ];
  const built = safeMtime(bundle);
  if (sources.some((source) => safeMtime(source) > built))
    execFileSync('npm', ['run', 'build'], { cwd: repo, stdio: 'ignore' });
}, 120_000);

function safeMtime(path: string): number {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return 0;
  }
}

const closers: (() => void)[] = [];
afterEach(() => closers.splice(0).forEach((close) => close()));

interface Received {
  url: string;
  headers: IncomingMessage['headers'];
  body: { model?: string; stream: boolean; messages: ChatMessage[] };
}

async function answeringServer(status: number, pieces: string[]) {
  const received: Received[] = [];
  const server = createServer(async (request, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    received.push({
      url: request.url ?? '',
      headers: request.headers,
      body: JSON.parse(Buffer.concat(chunks).toString('utf8')),
    });
    if (status !== 200) {
      response.writeHead(status, { 'content-type': 'application/json' });
      return response.end(JSON.stringify({ error: { message: 'invalid key' } }));
    }
    response.writeHead(200, { 'content-type': 'text/event-stream' });
    for (const piece of pieces)
      response.write(`data: ${JSON.stringify({ choices: [{ delta: { content: piece } }] })}\n\n`);
    response.end('data: [DONE]\n\n');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  closers.push(() => server.close());
  return { endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, received };
}

const PART_TS = 'frontend/src/types/part.ts';

describe('seam ask', () => {
  it('--dry-run prints the exact request as JSON and sends nothing', async () => {
    const run = await runSeam([
      'ask',
      'Why is unit_price a string?',
      example,
      '--file',
      PART_TS,
      '--agent',
      agent,
      '--model',
      'local-model',
      '--dry-run',
    ]);
    expect(run.code).toBe(0);
    const request = JSON.parse(run.stdout);
    expect(Object.keys(request)).toEqual(['model', 'stream', 'messages']);
    expect(request.model).toBe('local-model');
    expect(request.messages.map((m: ChatMessage) => m.role)).toEqual(['system', 'user', 'user']);
    expect(request.messages[0].content).toBe('Answer in one paragraph.');
    expect(request.messages[1].content).toContain('Active file: frontend/src/types/part.ts.');
    expect(request.messages[1].content).toContain('class PartResponse(PartBase):');
    expect(request.messages[2].content).toBe('Why is unit_price a string?');
    expect(run.stderr).not.toMatch(/go to/);
  });

  it('--budget bounds the size of everything sent', async () => {
    const run = await runSeam([
      'ask',
      'q',
      example,
      '--file',
      PART_TS,
      '--dry-run',
      '--budget',
      '900',
    ]);
    const { messages } = JSON.parse(run.stdout) as { messages: ChatMessage[] };
    const tokens = messages.reduce((sum, m) => sum + Math.ceil(m.content.length / 4), 0);
    expect(tokens).toBeLessThanOrEqual(900);
    expect(messages[1].content).toMatch(/Left out to stay within the size budget/);
  });

  it('sends nothing without --endpoint', async () => {
    const run = await runSeam(['ask', 'q', example]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(
      'seam ask: no --endpoint given, so nothing was sent; --dry-run shows the request\n',
    );
  });

  it('streams the answer to stdout, with the API key from the environment', async () => {
    const server = await answeringServer(200, ['Make it ', '`string`.']);
    const run = await runSeam(
      ['ask', 'Fix unit_price?', example, '--file', PART_TS, '--endpoint', server.endpoint],
      { SEAM_CHAT_API_KEY: 'from-env' },
    );
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('Make it `string`.\n');
    expect(run.stderr).toBe('');
    const [request] = server.received;
    expect(request.url).toBe('/v1/chat/completions');
    expect(request.headers.authorization).toBe('Bearer from-env');
    expect(request.body.stream).toBe(true);
    expect(request.body.messages[2].content).toBe('Fix unit_price?');
  });

  it('ends a refused key with one line and status 1', async () => {
    const server = await answeringServer(401, []);
    const run = await runSeam(['ask', 'q', example, '--endpoint', server.endpoint]);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      'seam ask: the endpoint needs an API key and none was set (HTTP 401): invalid key\n',
    );
  });

  it('ends an unreachable endpoint with one line and status 1', async () => {
    const server = await answeringServer(200, []);
    closers.splice(0).forEach((close) => close());
    const run = await runSeam(['ask', 'q', example, '--endpoint', server.endpoint]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /^seam ask: cannot reach http:\/\/127\.0\.0\.1:\d+: connection refused/,
    );
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('says once that source leaves the machine for a remote endpoint', async () => {
    const run = await runSeam([
      'ask',
      'q',
      example,
      '--endpoint',
      'http://seam-test.invalid',
      '--timeout',
      '5',
    ]);
    expect(run.code).toBe(1);
    const lines = run.stderr.trim().split('\n');
    expect(lines[0]).toBe(
      `note: the question and source excerpts from ${example} go to seam-test.invalid`,
    );
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(/^seam ask: (cannot reach|timed out)/);
  });

  it('refuses a --file outside the workspace and a bad endpoint', async () => {
    const outside = await runSeam(['ask', 'q', example, '--file', cli, '--dry-run']);
    expect(outside.code).toBe(1);
    expect(outside.stderr).toMatch(/^seam ask: --file .* is not inside /);
    const badUrl = await runSeam(['ask', 'q', example, '--endpoint', 'nonsense']);
    expect(badUrl.code).toBe(1);
    expect(badUrl.stderr).toBe(
      'seam ask: "nonsense" is not a URL; write it like http://127.0.0.1:11434\n',
    );
  });
});
