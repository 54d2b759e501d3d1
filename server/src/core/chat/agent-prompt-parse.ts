// Reads one agent prompt file: YAML front matter (name, description, model, color) and the
// markdown body after it. Broken files give a prompt and problem strings, never an exception.
import { parseDocument } from 'yaml';

export interface AgentPrompt {
  /** From the front matter, else the file's base name. */
  name: string;
  description: string;
  /** The model the author asked for (`inherit`, `sonnet`...); Seam only shows it. */
  model?: string;
  color?: string;
  /** The prompt itself: everything after the front matter, trimmed. */
  body: string;
  /** Where it was read from; absent for Seam's own default prompt. */
  file?: string;
}

export interface ParsedAgentPrompt {
  /** Absent when the file holds no prompt text at all. */
  prompt?: AgentPrompt;
  problems: string[];
}

interface FrontMatterSplit {
  frontMatter?: string;
  body: string;
  problem?: string;
}

/** Parses the text of an agent file; `file` names it in problems and gives the fallback name. */
export function parseAgentPrompt(text: string, file: string): ParsedAgentPrompt {
  const split = splitFrontMatter(normaliseText(text));
  const problems = split.problem ? [`${file}: ${split.problem}`] : [];
  const fields: FrontMatterFields =
    split.frontMatter === undefined ? { values: {} } : readFrontMatter(split.frontMatter);
  if (fields.problem) problems.push(`${file}: ${fields.problem}`);

  const body = split.body.trim();
  if (!body)
    return { problems: [...problems, `${file}: the prompt after the front matter is empty`] };
  const prompt: AgentPrompt = {
    name: stringField(fields.values.name) ?? baseName(file),
    description: stringField(fields.values.description) ?? '',
    model: stringField(fields.values.model),
    color: stringField(fields.values.color),
    body,
    file,
  };
  return { prompt, problems };
}

/** Drops a byte order mark and turns CRLF and lone CR line ends into LF. */
function normaliseText(text: string): string {
  return text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
}

function splitFrontMatter(text: string): FrontMatterSplit {
  if (!/^---[ \t]*\n/.test(text)) return { body: text, problem: 'has no front matter' };
  const afterOpening = text.indexOf('\n') + 1;
  const closing = /^---[ \t]*$/m.exec(text.slice(afterOpening));
  if (!closing)
    return { body: text, problem: 'its front matter (opened with ---) is never closed' };

  const frontMatter = text.slice(afterOpening, afterOpening + closing.index);
  const body = text.slice(afterOpening + closing.index + closing[0].length);
  return { frontMatter, body };
}

interface FrontMatterFields {
  values: Record<string, unknown>;
  problem?: string;
}

/**
 * Agent files are often written by hand with colons inside unquoted descriptions, which YAML
 * rejects. Rather than lose the name and description, such files are read line by line.
 */
function readFrontMatter(source: string): FrontMatterFields {
  const document = parseDocument(source);
  const firstError = document.errors[0];
  if (!firstError) return valuesOf(document);
  const where = firstError.linePos?.[0];
  // The parser counts from 1 inside the front matter; the opening --- is line 1 of the file.
  const at = where ? ` (line ${where.line + 1})` : '';
  return {
    values: readKeysLineByLine(source),
    problem:
      `its front matter is not valid YAML${at}: ${firstMessageLine(firstError.message)}; ` +
      'Seam read its top-level keys line by line instead',
  };
}

/** Converting can still throw (too many aliases), so it is guarded like the parse. */
function valuesOf(document: ReturnType<typeof parseDocument>): FrontMatterFields {
  let values: unknown;
  try {
    values = document.toJS();
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { values: {}, problem: `its front matter could not be read: ${reason}` };
  }
  if (isRecord(values)) return { values };
  if (values === null || values === undefined) return { values: {} };
  return { values: {}, problem: 'its front matter is not a list of `key: value` lines' };
}

/** `key: value` lines at the left margin; indented lines continue the previous value. */
function readKeysLineByLine(source: string): Record<string, unknown> {
  const values: Record<string, string> = {};
  let current: string | undefined;
  for (const line of source.split('\n')) {
    const match = /^([A-Za-z_][\w-]*):(?:\s+(.*))?$/.exec(line);
    if (match) {
      current = match[1];
      values[current] = match[2] ?? '';
    } else if (current && /^\s+\S/.test(line)) {
      values[current] += ` ${line.trim()}`;
    }
  }
  for (const key of Object.keys(values)) values[key] = cleanLooseValue(values[key]);
  return values;
}

/** Strips matching quotes and turns the literal `\n` that hand-written files use into lines. */
function cleanLooseValue(value: string): string {
  const trimmed = value.trim();
  const quoted = /^(['"])(.*)\1$/s.exec(trimmed);
  const inner = quoted ? quoted[2] : trimmed;
  return inner.replace(/\\n/g, '\n').trim();
}

function firstMessageLine(message: string): string {
  return message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
}

function stringField(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() || undefined;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function baseName(file: string): string {
  const last = file.split(/[\\/]/).pop() ?? file;
  return last.replace(/\.md$/i, '');
}
