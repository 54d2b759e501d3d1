// Builds the grounding context of a chat question: what Seam knows about the active file or
// selection, cut to a token budget by leaving out the least relevant blocks first.
import { collectRelevantParts, type ContextFocus, type ContextSources } from './context-items';
import {
  activeFileBlock,
  renderBlocks,
  SECTION_TITLES,
  span,
  type ContextBlock,
  type ContextSection,
} from './context-render';
import { estimateTokens } from './messages';

export type { ContextFocus, ContextSources } from './context-items';

export interface GroundingContext {
  /** The text sent to the model. */
  text: string;
  tokens: number;
  /** Labels of the blocks sent, most relevant first. */
  included: string[];
  /** Labels of the blocks left out to fit the budget, most relevant first. */
  omitted: string[];
  /** The label of a block sent shortened because even it alone did not fit. */
  shortened?: string;
}

const SECTION_ORDER: ContextSection[] = ['focus', 'counterparts', 'routes', 'findings'];

/** A shortened block below this size says too little to be worth sending. */
const MIN_SHORTENED_CHARS = 200;

export function buildGroundingContext(
  sources: ContextSources,
  focus: ContextFocus,
  budgetTokens: number,
): GroundingContext {
  const parts = collectRelevantParts(sources, focus);
  const blocks = renderBlocks(parts, sources.readText, focus.file);
  const source =
    focus.file && !indexedSomething(parts, focus.file) ? focusSource(sources, focus) : [];
  const ordered = byRelevance([...source, ...blocks]);
  return fitToBudget(headerOf(focus), ordered, Math.max(0, Math.floor(budgetTokens)));
}

/** True when the index holds entities, routes or calls of the file. */
function indexedSomething(parts: ReturnType<typeof collectRelevantParts>, file: string): boolean {
  return (
    parts.entities.some((item) => item.entity.file === file) ||
    parts.routes.some((item) => item.route.file === file || item.calls.some((c) => c.file === file))
  );
}

function focusSource(sources: ContextSources, focus: ContextFocus): ContextBlock[] {
  const block = focus.file && activeFileBlock(focus.file, focus.selection, sources.readText);
  return block ? [block] : [];
}

function headerOf(focus: ContextFocus): string {
  const lines = [
    "Seam's index of this workspace, read statically (no code was run). Paths are relative to",
    'the workspace root; line numbers start at 1.',
  ];
  if (focus.file && focus.selection)
    lines.push(`Active file: ${span(focus.file, focus.selection)} (selection).`);
  else if (focus.file) lines.push(`Active file: ${focus.file}.`);
  else lines.push('No active file: the context covers the entities that have findings.');
  return lines.join('\n');
}

/** Most relevant first; equal relevance keeps the order the blocks were made in. */
function byRelevance(blocks: ContextBlock[]): ContextBlock[] {
  return blocks
    .map((block, index) => ({ block, index }))
    .sort((a, b) => a.block.relevance - b.block.relevance || a.index - b.index)
    .map(({ block }) => block);
}

function fitToBudget(header: string, blocks: ContextBlock[], budget: number): GroundingContext {
  let count = largestPrefixEstimate(header, blocks, budget);
  let context = assemble(header, blocks, count);
  while (count > 0 && context.tokens > budget) context = assemble(header, blocks, --count);
  if (count === 0 && blocks.length) return shortenFirst(header, blocks, budget) ?? context;
  return context;
}

/** A quick upper guess from block sizes, so that only a few assemblies are needed. */
function largestPrefixEstimate(header: string, blocks: ContextBlock[], budget: number): number {
  let chars = header.length + 200;
  for (let i = 0; i < blocks.length; i++) {
    chars += blocks[i].text.length + 2;
    if (Math.ceil(chars / 4) > budget) return i + 1;
  }
  return blocks.length;
}

function assemble(
  header: string,
  blocks: ContextBlock[],
  count: number,
  replaced?: ContextBlock,
): GroundingContext {
  const sent = blocks.slice(0, count);
  if (replaced) sent.push(replaced);
  const omitted = blocks.slice(sent.length);
  const sections = SECTION_ORDER.map((section) => sectionText(section, sent)).filter(Boolean);
  const note = omitted.length ? [omittedNote(omitted)] : [];
  const empty = blocks.length
    ? []
    : ['Seam found no models, schemas, types, routes or findings here.'];
  const text = [header, ...sections, ...empty, ...note].join('\n\n');
  return {
    text,
    tokens: estimateTokens(text),
    included: sent.map((block) => block.label),
    omitted: omitted.map((block) => block.label),
  };
}

function sectionText(section: ContextSection, blocks: ContextBlock[]): string {
  const inSection = blocks.filter((block) => block.section === section);
  if (!inSection.length) return '';
  return [`## ${SECTION_TITLES[section]}`, ...inSection.map((block) => block.text)].join('\n\n');
}

/** One line saying what was left out, so the model knows the picture is partial. */
function omittedNote(omitted: ContextBlock[]): string {
  const entities = omitted.filter((block) => block.key.startsWith('entity:'));
  const routes = omitted.filter((block) => block.key.startsWith('route:')).length;
  const findings = omitted.filter((block) => block.key.startsWith('finding:')).length;
  const source = omitted.some((block) => block.key.startsWith('source:'));
  const parts = [
    source ? "the active file's source" : '',
    entities.length ? `${entities.length} classes or types (${namesOf(entities)})` : '',
    routes ? `${routes} routes` : '',
    findings ? `${findings} findings` : '',
  ].filter(Boolean);
  return `(Left out to stay within the size budget: ${parts.join(', ')}.)`;
}

function namesOf(blocks: ContextBlock[]): string {
  const names = blocks.slice(0, 6).map((block) => block.label);
  return blocks.length > 6 ? `${names.join(', ')}, …` : names.join(', ');
}

/** When even the most relevant block is too big, it is sent cut at a line boundary. */
function shortenFirst(
  header: string,
  blocks: ContextBlock[],
  budget: number,
): GroundingContext | undefined {
  const first = blocks[0];
  const without = assemble(header, blocks, 0);
  const headingChars = SECTION_TITLES[first.section].length + 8;
  const room = budget * 4 - without.text.length - headingChars - 80;
  if (room < MIN_SHORTENED_CHARS) return undefined;

  const shortened = { ...first, text: cutAtLine(first.text, room) };
  const context = assemble(header, blocks, 0, shortened);
  if (context.tokens > budget) return undefined;
  return { ...context, shortened: first.label };
}

/** Keeps whole lines up to `maxChars`, closes an open code fence, and says how much was cut. */
export function cutAtLine(text: string, maxChars: number): string {
  const lines = text.split('\n');
  const kept: string[] = [];
  let length = 0;
  let openFence: string | undefined;
  for (const line of lines) {
    if (length + line.length + 1 > maxChars) break;
    kept.push(line);
    length += line.length + 1;
    const fence = /^(`{3,})/.exec(line)?.[1];
    if (fence) openFence = openFence && fence.length >= openFence.length ? undefined : fence;
  }
  const cut = lines.length - kept.length;
  if (openFence) kept.push(openFence);
  kept.push(`(${cut} more lines cut to stay within the size budget)`);
  return kept.join('\n');
}
