// Runs one fuzz case through the analysis core and says what went wrong: an exception that
// escaped, an exception the extractor caught and turned into a problem, or a position outside
// its file. The tests and the optional real-project run (fuzz-real-projects.ts) share it.
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_CONFIG } from '../../server/src/core/config/seam-config';
import { extractFacts } from '../../server/src/core/extract';
import type { FileFacts } from '../../server/src/core/facts';
import { checkWorkspace } from '../../server/src/core/findings/check';
import { WorkspaceIndex } from '../../server/src/core/index/workspace-index';
import type { Logger } from '../../server/src/core/log';
import type { SourceFile } from './corpus';
import { pickMutation } from './mutations';
import { seededRandom } from './prng';
import { factRangeProblems, findingRangeProblems } from './ranges';

export interface FuzzCase {
  seed: number;
  file: string;
  text: string;
  mutations: string[];
}

export interface CaseOutcome {
  /** An exception that left the core: always a failure. */
  escaped?: string;
  /**
   * Exceptions the core caught itself: `extraction failed: ...` problems of a file, or a rule
   * that failed (logged, its findings missing). Not a crash, but a bug all the same.
   */
  caught: string[];
  /** Positions outside their file. */
  outside: string[];
  /** Why the file was skipped (too large, binary), when it was. */
  skipped?: string;
  milliseconds: number;
}

/** Case `seed`: a corpus file with one to three mutations applied, all drawn from the seed. */
export function makeCase(corpus: SourceFile[], seed: number): FuzzCase {
  const random = seededRandom(seed);
  const source = random.pick(corpus);
  const mutations: string[] = [];
  let text = source.text;
  for (let n = random.between(1, 3); n > 0; n--) {
    const mutation = pickMutation(random);
    text = mutation.apply(text, random, source.file);
    mutations.push(mutation.name);
  }
  return { seed, file: source.file, text, mutations };
}

export function runExtractCase(file: string, text: string): CaseOutcome {
  const started = performance.now();
  try {
    const { facts } = extractFacts(file, text);
    return {
      skipped: facts.problems.find((problem) => problem.message.startsWith('skipped'))?.message,
      caught: caughtProblems(facts),
      outside: factRangeProblems(facts, text),
      milliseconds: performance.now() - started,
    };
  } catch (error) {
    return { escaped: describe(error), caught: [], outside: [], milliseconds: 0 };
  }
}

function caughtProblems(facts: FileFacts): string[] {
  return facts.problems
    .filter((problem) => problem.message.startsWith('extraction failed'))
    .map((problem) => problem.message.split('\n')[0]);
}

/**
 * A workspace held in memory for the whole-check fuzz: texts and facts per file, an index over
 * them, and a way to swap one file's text and re-check.
 */
export class FuzzWorkspace {
  readonly index = new WorkspaceIndex();
  readonly texts = new Map<string, string>();

  constructor(files: SourceFile[]) {
    for (const { file, text } of files) this.setText(file, text);
  }

  setText(file: string, text: string): string[] {
    this.texts.set(file, text);
    const { facts } = extractFacts(file, text);
    this.index.setFile(facts);
    return caughtProblems(facts);
  }

  /** Checks the whole workspace with the default configuration. */
  check(): CaseOutcome {
    const started = performance.now();
    const caught: string[] = [];
    const logger: Logger = {
      info: () => undefined,
      warn: () => undefined,
      error: (message, error) => caught.push(`${message}: ${describe(error).split('\n')[0]}`),
    };
    try {
      const view = this.index.view();
      const { findings } = checkWorkspace(view, this.index.allFacts(), DEFAULT_CONFIG, logger);
      return {
        caught,
        outside: findingRangeProblems(findings, this.texts),
        milliseconds: performance.now() - started,
      };
    } catch (error) {
      return { escaped: describe(error), caught: [], outside: [], milliseconds: 0 };
    }
  }
}

/** True when the outcome is a failure the suite must not accept. */
export function failed(outcome: CaseOutcome): boolean {
  return outcome.escaped !== undefined || outcome.outside.length > 0 || outcome.caught.length > 0;
}

/** One line per failure, for an assertion message that says how to replay the case. */
export function describeFailure(fuzzCase: FuzzCase, outcome: CaseOutcome): string {
  const what = outcome.escaped?.split('\n')[0] ?? [...outcome.caught, ...outcome.outside][0];
  const where = saveFailingInput(fuzzCase);
  const mutations = fuzzCase.mutations.join(', ');
  return `seed ${fuzzCase.seed} ${fuzzCase.file} [${mutations}]: ${what} (input: ${where})`;
}

/** Writes a failing input where a developer can pick it up as a regression fixture. */
export function saveFailingInput(fuzzCase: FuzzCase): string {
  const folder = join(tmpdir(), 'seam-fuzz-failures');
  mkdirSync(folder, { recursive: true });
  const name = `${fuzzCase.seed}-${fuzzCase.file.replace(/\//g, '_')}.fixture`;
  writeFileSync(join(folder, name), fuzzCase.text, 'utf8');
  return join(folder, name);
}

function describe(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}\n${error.stack ?? ''}`;
  return String(error);
}
