// Checks that every position a result reports lies inside the text it points into. Facts are
// walked generically (any `{ line, character }` object is a position), so new fact kinds are
// covered without changing this file.
import type { FileFacts, Position, Range } from '../../server/src/core/facts';
import type { Finding } from '../../server/src/core/findings/finding';

/** Line lengths in UTF-16 units, lines split at `\n` as tree-sitter counts rows. */
export function lineLengths(text: string): number[] {
  return text.split('\n').map((line) => line.length);
}

/** Why a position is outside the text, or undefined when it is inside. */
export function positionProblem(position: Position, lines: number[]): string | undefined {
  const { line, character } = position;
  if (!Number.isInteger(line) || !Number.isInteger(character)) return 'not an integer';
  if (line < 0 || character < 0) return 'negative';
  if (line >= lines.length) return `line ${line} past the last line ${lines.length - 1}`;
  if (character > lines[line]) return `character ${character} past the line end ${lines[line]}`;
  return undefined;
}

export function rangeProblem(range: Range, lines: number[]): string | undefined {
  const problem = positionProblem(range.start, lines) ?? positionProblem(range.end, lines);
  if (problem) return problem;
  const { start, end } = range;
  const ordered =
    start.line < end.line || (start.line === end.line && start.character <= end.character);
  return ordered ? undefined : 'start after end';
}

/** Every position in the facts that lies outside `text`, as `path: problem` lines. */
export function factRangeProblems(facts: FileFacts, text: string): string[] {
  const lines = lineLengths(text);
  const problems: string[] = [];
  walkPositions(facts, 'facts', (path, position) => {
    const problem = positionProblem(position, lines);
    if (problem) problems.push(`${facts.file} ${path}: ${problem}`);
  });
  walkRanges(facts, 'facts', (path, range) => {
    const problem = rangeProblem(range, lines);
    if (problem) problems.push(`${facts.file} ${path}: ${problem}`);
  });
  return problems;
}

/** Every finding, related location or fix edit that points outside its file's text. */
export function findingRangeProblems(findings: Finding[], texts: Map<string, string>): string[] {
  const problems: string[] = [];
  const check = (file: string, range: Range, what: string) => {
    const text = texts.get(file);
    if (text === undefined) return problems.push(`${what}: unknown file ${file}`);
    const problem = rangeProblem(range, lineLengths(text));
    if (problem) problems.push(`${what} in ${file} ${JSON.stringify(range)}: ${problem}`);
  };
  for (const finding of findings) {
    check(finding.file, finding.range, finding.code);
    for (const related of finding.related)
      check(related.file, related.range, `${finding.code} related`);
    for (const fix of finding.fixes ?? [])
      for (const edit of fix.edits) check(edit.file, edit.range, `${finding.code} fix`);
  }
  return problems;
}

type Visit<T> = (path: string, value: T) => void;

function walkPositions(value: unknown, path: string, visit: Visit<Position>): void {
  walk(value, path, (at, object) => {
    if (typeof object.line === 'number' && typeof object.character === 'number')
      visit(at, object as unknown as Position);
  });
}

function walkRanges(value: unknown, path: string, visit: Visit<Range>): void {
  walk(value, path, (at, object) => {
    if (isPositionLike(object.start) && isPositionLike(object.end))
      visit(at, object as unknown as Range);
  });
}

function isPositionLike(value: unknown): boolean {
  return typeof value === 'object' && value !== null && 'line' in value && 'character' in value;
}

/** Visits every object inside `value` once, depth first, with an iterative stack. */
function walk(value: unknown, path: string, visit: Visit<Record<string, unknown>>): void {
  const stack: [unknown, string][] = [[value, path]];
  while (stack.length) {
    const [current, at] = stack.pop()!;
    if (typeof current !== 'object' || current === null) continue;
    visit(at, current as Record<string, unknown>);
    for (const [key, child] of Object.entries(current)) stack.push([child, `${at}.${key}`]);
  }
}
