// Turns the relevant entities, routes and findings into the text blocks of the chat context.
// Paths are workspace-relative and lines 1-based, as a reader would cite them.
import type { Range } from '../facts';
import type { Finding } from '../findings/finding';
import type { ResolvedEntity } from '../index/resolved';
import { RELEVANCE, routeName, type RelevantParts } from './context-items';
import { entitySource } from './context-source';

export type ContextSection = 'focus' | 'counterparts' | 'routes' | 'findings';

export const SECTION_TITLES: Record<ContextSection, string> = {
  focus: 'In the active file',
  counterparts: 'Related classes and types',
  routes: 'Routes and the calls that reach them',
  findings: 'Findings',
};

export interface ContextBlock {
  key: string;
  section: ContextSection;
  relevance: number;
  /** Names the block in the "left out" note. */
  label: string;
  text: string;
}

export const KIND_LABELS: Record<ResolvedEntity['kind'], string> = {
  'pydantic-model': 'Pydantic schema',
  'sqlmodel-table': 'SQLModel table',
  'sqlmodel-model': 'SQLModel schema',
  'sqlalchemy-model': 'SQLAlchemy model',
  enum: 'Python enum',
  'ts-interface': 'TypeScript interface',
  'ts-type': 'TypeScript type',
  'ts-enum': 'TypeScript enum',
  'zod-schema': 'zod schema',
};

export function renderBlocks(
  parts: RelevantParts,
  readText: ((file: string) => string | undefined) | undefined,
  activeFile: string | undefined,
): ContextBlock[] {
  const entities = parts.entities.map((item) => ({
    key: `entity:${item.entity.id}`,
    section: sectionOfEntity(item.entity, item.relevance, activeFile),
    relevance: item.relevance,
    label: `${KIND_LABELS[item.entity.kind]} ${item.entity.name}`,
    text: renderEntity(item.entity, item.reasons, readText),
  }));
  const routes = parts.routes.map((item) => ({
    key: `route:${item.route.file}#${item.route.functionName}#${routeName(item.route)}`,
    section: 'routes' as const,
    relevance: item.relevance,
    label: `route ${routeName(item.route)}`,
    text: renderRoute(item),
  }));
  const findings = parts.findings.map((item, i) => ({
    key: `finding:${i}`,
    section: 'findings' as const,
    relevance: item.relevance,
    label: `finding ${item.finding.code} at ${place(item.finding.file, item.finding.range)}`,
    text: renderFinding(item.finding),
  }));
  return [...entities, ...routes, ...findings];
}

function sectionOfEntity(
  entity: ResolvedEntity,
  relevance: number,
  activeFile: string | undefined,
): ContextSection {
  if (activeFile ? entity.file === activeFile : relevance === RELEVANCE.focus) return 'focus';
  return 'counterparts';
}

function renderEntity(
  entity: ResolvedEntity,
  reasons: string[],
  readText: ((file: string) => string | undefined) | undefined,
): string {
  const where = span(entity.file, entity.fullRange);
  const heading = `### ${KIND_LABELS[entity.kind]} \`${entity.name}\` — ${where}`;
  const why = reasons.map((reason) => `- ${reason}`);
  const language = entity.language === 'python' ? 'python' : 'ts';
  return [heading, ...why, fenced(language, entitySource(entity, readText))].join('\n');
}

function renderRoute(item: RelevantParts['routes'][number]): string {
  const { route } = item;
  const lines = [
    `### ${routeName(route)} — \`${route.functionName}\` in ${place(route.file, route.range)}`,
  ];
  if (route.requestTypeText) lines.push(`- request body: \`${route.requestTypeText}\``);
  if (route.responseTypeText) lines.push(`- response: \`${route.responseTypeText}\``);
  if (route.returnedDictKeys !== undefined)
    lines.push(`- returns a dict with keys: ${dictKeys(route.returnedDictKeys)}`);
  if (route.statusCode) lines.push(`- status code ${route.statusCode}`);
  if (route.unknownPrefix) lines.push('- part of its URL prefix is only known at run time');
  if (!route.mounted) lines.push('- its router is not included anywhere Seam can see');
  for (const call of item.calls) {
    const type = call.responseTypeText ? `, expects \`${call.responseTypeText}\`` : '';
    const body = call.requestTypeText ? `, sends \`${call.requestTypeText}\`` : '';
    lines.push(`- called from ${place(call.file, call.range)} via \`${call.via}\`${type}${body}`);
  }
  return lines.join('\n');
}

function dictKeys(keys: string[] | null): string {
  return keys === null ? '(not all literal)' : keys.map((key) => `"${key}"`).join(', ');
}

export function renderFinding(finding: Finding): string {
  const pair = finding.pair ? ` (pair ${finding.pair.frontend} ↔ ${finding.pair.backend})` : '';
  const related = finding.related.map((r) => `\n  - see ${place(r.file, r.range)}: ${r.message}`);
  return (
    `- \`${finding.code}\` ${finding.severity} at ${place(finding.file, finding.range)}${pair}: ` +
    `${finding.message}${related.join('')}`
  );
}

/**
 * The active file's own text (or the selected lines), for files the index holds nothing about,
 * such as an Alembic revision under review. Undefined when the file cannot be read.
 */
export function activeFileBlock(
  file: string,
  selection: Range | undefined,
  readText: ((file: string) => string | undefined) | undefined,
): ContextBlock | undefined {
  let text: string | undefined;
  try {
    text = readText?.(file);
  } catch {
    return undefined;
  }
  if (text === undefined) return undefined;
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const first = selection ? Math.min(selection.start.line, lines.length - 1) : 0;
  const last = selection ? Math.min(selection.end.line, lines.length - 1) : lines.length - 1;
  const shown = lines.slice(first, last + 1).join('\n');
  const range = { start: { line: first, character: 0 }, end: { line: last, character: 0 } };
  const language = file.endsWith('.py') ? 'python' : file.endsWith('.ts') ? 'ts' : '';
  return {
    key: `source:${file}`,
    section: 'focus',
    relevance: RELEVANCE.focus,
    label: `source of ${file}`,
    text: `### Source of ${span(file, range)}\n${fenced(language, shown)}`,
  };
}

export function place(file: string, range: Range): string {
  return `${file}:${range.start.line + 1}`;
}

export function span(file: string, range: Range): string {
  const first = range.start.line + 1;
  const last = range.end.line + 1;
  return first === last ? `${file}:${first}` : `${file}:${first}-${last}`;
}

/** A code fence longer than any backtick run inside the code, so the code cannot close it. */
export function fenced(language: string, code: string): string {
  const longest = Math.max(2, ...(code.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  return `${fence}${language}\n${code}\n${fence}`;
}
