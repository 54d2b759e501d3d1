// `seam ask`: sends a question, the user's agent prompt and what Seam indexed about a file to an
// OpenAI-compatible endpoint and streams the answer. Nothing is sent without --endpoint.
import { InvalidArgumentError, type Command } from 'commander';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import type { Range } from '../../core/facts';
import type { AgentPrompt } from '../../core/chat/agent-prompt-parse';
import { chooseAgentPrompt, discoverAgentPrompts } from '../../core/chat/agent-prompts';
import { buildChatRequest, type BuiltChatRequest } from '../../core/chat/chat-request';
import { isLoopbackEndpoint, parseEndpoint } from '../../core/chat/endpoint';
import { ChatRequestError, sendChatCompletion } from '../../core/chat/openai-client';
import { analyzeWorkspace } from '../../workspace/analyze-workspace';

interface AskOptions {
  file?: string;
  lines?: Range;
  agent?: string;
  endpoint?: string;
  model?: string;
  dryRun?: boolean;
  budget: number;
  timeout: number;
  stream: boolean;
}

/** The environment variable holding the API key: never a flag, so it stays out of shell history. */
export const API_KEY_VARIABLE = 'SEAM_CHAT_API_KEY';

class AskFailure extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

export function registerAskCommand(program: Command): void {
  program
    .command('ask')
    .description('ask a model about this code, with what Seam indexed as context')
    .argument('<question>', 'the question')
    .argument('[dir]', 'workspace folder', '.')
    .option('--file <path>', 'the file the question is about (its pairs, routes and findings)')
    .option('--lines <first-last>', 'narrow the file to these lines, 1-based', parseLines)
    .option('--agent <file>', 'the agent prompt to use (default: .claude/agents/*.md)')
    .option('--endpoint <url>', 'OpenAI-compatible endpoint, e.g. http://127.0.0.1:11434')
    .option('--model <name>', 'the model name the endpoint expects')
    .option('--dry-run', 'print the request that would be sent, as JSON, and send nothing')
    .option('--budget <tokens>', 'size limit of all messages, in tokens', parsePositive, 6000)
    .option('--timeout <seconds>', 'give up after this long without data', parsePositive, 120)
    .option('--no-stream', 'ask for the whole answer at once instead of a stream')
    .action(async (question: string, dir: string, options: AskOptions) => {
      try {
        await runAsk(question, resolve(dir), options);
      } catch (error) {
        const failure = error instanceof AskFailure ? error : undefined;
        process.stderr.write(`seam ask: ${oneLine(error)}\n`);
        process.exitCode = failure?.exitCode ?? 1;
      }
    });
}

async function runAsk(question: string, root: string, options: AskOptions): Promise<void> {
  if (!existsSync(root) || !statSync(root).isDirectory())
    throw new AskFailure(`${root} is not a folder`);
  const target = options.endpoint ? parseEndpoint(options.endpoint) : undefined;
  if (target && 'problem' in target) throw new AskFailure(target.problem);
  if (!options.endpoint && !options.dryRun)
    throw new AskFailure(
      'no --endpoint given, so nothing was sent; --dry-run shows the request',
      2,
    );

  const built = await buildRequest(question, root, options);
  for (const problem of built.problems) process.stderr.write(`warning: ${problem}\n`);
  if (options.dryRun || !options.endpoint) {
    process.stdout.write(`${JSON.stringify(requestBody(built, options), null, 2)}\n`);
    return;
  }
  await sendAndPrint(built, options.endpoint, root, options);
}

async function buildRequest(
  question: string,
  root: string,
  options: AskOptions,
): Promise<BuiltChatRequest> {
  const analyzed = await analyzeWorkspace(root);
  const file = options.file ? focusFile(root, options.file) : undefined;
  if (file && !analyzed.workspace.files.includes(file))
    process.stderr.write(`warning: ${file} is not indexed, so it adds nothing to the context\n`);
  return buildChatRequest({
    sources: {
      view: analyzed.workspace.index.view(),
      pairing: analyzed.pairing,
      findings: analyzed.findings,
      readText: cachedReader(root),
    },
    focus: { file, selection: file ? options.lines : undefined },
    question,
    agentPrompt: pickAgent(root, options.agent),
    budget: options.budget,
    systemRole: true,
  });
}

/** The explicit --agent must be readable; otherwise the best-ranked workspace prompt is used. */
function pickAgent(root: string, agentFile: string | undefined): AgentPrompt {
  const discovery = discoverAgentPrompts(root, {
    agentFile: agentFile ? resolve(agentFile) : undefined,
  });
  for (const problem of discovery.problems) process.stderr.write(`warning: ${problem}\n`);
  if (agentFile && !discovery.explicit)
    throw new AskFailure(`the agent prompt ${agentFile} could not be used (see the warning above)`);

  const chosen = chooseAgentPrompt(discovery);
  if (!discovery.explicit && discovery.prompts.length > 1) {
    const others = discovery.prompts.filter((p) => p !== chosen).map((p) => p.file ?? p.name);
    process.stderr.write(
      `using agent "${chosen.name}"; also found ${others.join(', ')} (choose with --agent FILE)\n`,
    );
  }
  return chosen;
}

/** The active file, relative to the root: given relative to the current folder or the root. */
function focusFile(root: string, file: string): string {
  const fromCwd = resolve(file);
  const path = existsSync(fromCwd) || isAbsolute(file) ? fromCwd : join(root, file);
  const inside = relative(root, path);
  if (!inside || inside.startsWith('..') || isAbsolute(inside))
    throw new AskFailure(`--file ${file} is not inside ${root}`);
  return inside.split('\\').join('/');
}

function cachedReader(root: string): (file: string) => string | undefined {
  const cache = new Map<string, string | undefined>();
  return (file) => {
    if (!cache.has(file)) {
      let text: string | undefined;
      try {
        text = readFileSync(join(root, file), 'utf8');
      } catch {
        text = undefined;
      }
      cache.set(file, text);
    }
    return cache.get(file);
  };
}

function requestBody(built: BuiltChatRequest, options: AskOptions) {
  return {
    ...(options.model ? { model: options.model } : {}),
    stream: options.stream,
    messages: built.messages,
  };
}

async function sendAndPrint(
  built: BuiltChatRequest,
  endpoint: string,
  root: string,
  options: AskOptions,
): Promise<void> {
  const apiKey = process.env[API_KEY_VARIABLE] || undefined;
  if (!isLoopbackEndpoint(endpoint)) {
    const url = new URL(endpoint);
    process.stderr.write(`note: the question and source excerpts from ${root} go to ${url.host}\n`);
    if (apiKey && url.protocol === 'http:')
      process.stderr.write('warning: the API key travels unencrypted over plain http\n');
  }
  const controller = new AbortController();
  const onInterrupt = () => controller.abort();
  process.once('SIGINT', onInterrupt);
  try {
    const result = await sendChatCompletion(built.messages, {
      endpoint,
      model: options.model,
      apiKey,
      signal: controller.signal,
      timeoutMs: options.timeout * 1000,
      stream: options.stream,
      onText: (text) => process.stdout.write(text),
    });
    process.stdout.write('\n');
    if (result.truncated) process.stderr.write('note: the answer was cut at Seam’s size limit\n');
    if (result.finishReason === 'length')
      process.stderr.write('note: the model stopped at its own length limit\n');
  } catch (error) {
    if (error instanceof ChatRequestError && error.partialText) process.stdout.write('\n');
    throw error;
  } finally {
    process.removeListener('SIGINT', onInterrupt);
  }
}

function parsePositive(value: string): number {
  const number = Number(value);
  if (!Number.isFinite(number) || number <= 0)
    throw new InvalidArgumentError('expected a positive number');
  return number;
}

/** `12-30` (1-based, inclusive) as a 0-based range; `12` is one line. */
function parseLines(value: string): Range {
  const match = /^(\d+)(?:-(\d+))?$/.exec(value.trim());
  const first = match ? Number(match[1]) : 0;
  const last = match?.[2] ? Number(match[2]) : first;
  if (!match || first < 1 || last < first)
    throw new InvalidArgumentError('expected lines as FIRST-LAST, e.g. 12-30');
  return { start: { line: first - 1, character: 0 }, end: { line: last - 1, character: 0 } };
}

function oneLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0];
}
