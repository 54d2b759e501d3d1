// Finds the user's agent prompts (`.claude/agents/*.md` and an explicit file), ranks them so a
// database-architecture agent comes first, and falls back to Seam's own short prompt.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { isAbsolute, join, relative } from 'node:path';
import { parseAgentPrompt, type AgentPrompt } from './agent-prompt-parse';

export type { AgentPrompt } from './agent-prompt-parse';

export const AGENTS_FOLDER = '.claude/agents';

/** Agent files are short; anything larger is not a prompt and is skipped. */
const MAX_AGENT_FILE_BYTES = 256 * 1024;

export const SEAM_DEFAULT_PROMPT: AgentPrompt = {
  name: 'seam',
  description: "Seam's own prompt, used when the workspace has no agent prompt.",
  body: [
    'You are the assistant inside Seam, a tool that reads a FastAPI backend (Pydantic schemas,',
    'SQLAlchemy or SQLModel models, Alembic migrations) and a TypeScript frontend without running',
    'them, and reports where the two disagree.',
    'Each question arrives with what Seam indexed from the user: the classes and types involved',
    'as source, the routes that join them and the current findings with their rule codes.',
    'Answer about those actual models, not about generic examples. Cite code as `path:line`.',
    'When the context lacks something you need, say what is missing instead of guessing.',
    'Keep answers short, and give code the user can paste into the file it belongs to.',
  ].join('\n'),
};

export interface AgentPromptDiscovery {
  /** Every readable prompt: the explicit file first, then the workspace's, by file name. */
  prompts: AgentPrompt[];
  /** The prompt from the explicit file option, when it could be read. */
  explicit?: AgentPrompt;
  problems: string[];
}

export interface DiscoveryOptions {
  /** A file set by the user (`--agent`, `seam.chat.agentFile`): absolute or relative to root. */
  agentFile?: string;
}

export function discoverAgentPrompts(
  root: string,
  options: DiscoveryOptions = {},
): AgentPromptDiscovery {
  const problems: string[] = [];
  const explicit = options.agentFile ? readAgentFile(root, options.agentFile, problems) : undefined;
  const found = listAgentFiles(root, problems)
    .filter((file) => !explicit || file !== explicit.file)
    .map((file) => readAgentFile(root, file, problems))
    .filter((prompt): prompt is AgentPrompt => !!prompt);
  return { prompts: explicit ? [explicit, ...found] : found, explicit, problems };
}

function listAgentFiles(root: string, problems: string[]): string[] {
  let names: string[];
  try {
    names = readdirSync(join(root, AGENTS_FOLDER));
  } catch (error) {
    // No agents folder is the common case and not a problem; anything else is.
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT')
      problems.push(`${AGENTS_FOLDER}: cannot be listed (${messageOf(error)})`);
    return [];
  }
  return names
    .filter((name) => name.toLowerCase().endsWith('.md'))
    .sort()
    .map((name) => `${AGENTS_FOLDER}/${name}`);
}

/** Reads and parses one file; `file` is relative to root or absolute. */
function readAgentFile(root: string, file: string, problems: string[]): AgentPrompt | undefined {
  const path = isAbsolute(file) ? file : join(root, file);
  const shown = displayPath(root, path);
  let text: string;
  try {
    if (statSync(path).size > MAX_AGENT_FILE_BYTES) {
      problems.push(`${shown}: larger than ${MAX_AGENT_FILE_BYTES} bytes, so not read`);
      return undefined;
    }
    text = readFileSync(path, 'utf8');
  } catch (error) {
    problems.push(`${shown}: cannot be read (${messageOf(error)})`);
    return undefined;
  }
  const parsed = parseAgentPrompt(text, shown);
  problems.push(...parsed.problems);
  return parsed.prompt;
}

/** Relative to the root with forward slashes when inside it, else the path as given. */
function displayPath(root: string, path: string): string {
  const inside = relative(root, path);
  if (inside && !inside.startsWith('..') && !isAbsolute(inside))
    return inside.split('\\').join('/');
  return path;
}

const DATABASE_WORDS = [
  'database',
  'schema',
  'sqlalchemy',
  'sqlmodel',
  'pydantic',
  'migration',
  'alembic',
  'orm',
  'sql',
  'sqlite',
  'postgres',
  'fastapi',
];

/**
 * How strongly a prompt is about database architecture: distinct database words in its name
 * count three times, in its description once. Words match by prefix (`schemas`, `migrations`).
 */
export function databasePreference(prompt: AgentPrompt): number {
  return 3 * databaseWordCount(prompt.name) + databaseWordCount(prompt.description);
}

function databaseWordCount(text: string): number {
  const words = text.toLowerCase().match(/[a-z0-9]+/g) ?? [];
  return DATABASE_WORDS.filter((key) => words.some((word) => word.startsWith(key))).length;
}

/** The prompts, the most database-minded first; ties keep alphabetical order by name. */
export function rankAgentPrompts(prompts: readonly AgentPrompt[]): AgentPrompt[] {
  return [...prompts].sort(
    (a, b) => databasePreference(b) - databasePreference(a) || a.name.localeCompare(b.name),
  );
}

/**
 * The prompt to use: the explicit file when given, else the one `pick` returns from the ranked
 * list (a quick pick, a name the user chose), else the best ranked, else Seam's default.
 */
export function chooseAgentPrompt(
  discovery: AgentPromptDiscovery,
  pick?: (ranked: AgentPrompt[]) => AgentPrompt | undefined,
): AgentPrompt {
  if (discovery.explicit) return discovery.explicit;
  const ranked = rankAgentPrompts(discovery.prompts);
  if (ranked.length > 1 && pick) {
    const picked = pick(ranked);
    if (picked) return picked;
  }
  return ranked[0] ?? SEAM_DEFAULT_PROMPT;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message.split('\n')[0] : String(error);
}
