// Fuzzes extractFacts with damaged copies of real files (the example workspace and the synthetic
// corpus): no exception may escape or be caught inside, and every position must lie in its file.
// Deterministic: case n is drawn from seed n, so a failure names the seed that replays it.
import { beforeAll, describe, expect, it } from 'vitest';
import { initSyntax } from '../../server/src/core/syntax/parser';
import { corpusFiles, type SourceFile } from './corpus';
import { describeFailure, failed, makeCase, runExtractCase } from './fuzz-harness';

/** 7,500 random cases in chunks of 500, each chunk one test so a slow chunk is easy to spot. */
const RANDOM_CASES = 7500;
const CHUNK = 500;
const FIRST_SEED = 1;

let corpus: SourceFile[];

beforeAll(async () => {
  await initSyntax();
  corpus = corpusFiles();
});

describe('extractFacts on random damage', () => {
  for (let from = 0; from < RANDOM_CASES; from += CHUNK) {
    const seeds = [FIRST_SEED + from, FIRST_SEED + from + CHUNK - 1];
    it(`seeds ${seeds[0]}..${seeds[1]}`, () => {
      const failures: string[] = [];
      for (let seed = seeds[0]; seed <= seeds[1]; seed++) {
        const fuzzCase = makeCase(corpus, seed);
        const outcome = runExtractCase(fuzzCase.file, fuzzCase.text);
        if (failed(outcome)) failures.push(describeFailure(fuzzCase, outcome));
      }
      expect(failures).toEqual([]);
    }, 120_000);
  }
});

describe('extractFacts on edge inputs', () => {
  const python = () => corpus.find((source) => source.file === 'shop/app/schemas.py')!.text;
  const typescript = () => corpus.find((source) => source.file === 'shop/web/types.ts')!.text;
  const inputs: { title: string; file: string; text: () => string; problem?: RegExp }[] = [
    { title: 'an empty Python file', file: 'a.py', text: () => '' },
    { title: 'an empty TS file', file: 'a.ts', text: () => '' },
    { title: 'an empty TSX file', file: 'a.tsx', text: () => '' },
    { title: 'only a byte order mark', file: 'a.py', text: () => '\ufeff' },
    { title: 'only blank CRLF lines', file: 'a.ts', text: () => '\r\n'.repeat(500) },
    { title: 'only a backslash', file: 'a.py', text: () => '\\' },
    { title: 'only tabs and form feeds', file: 'a.py', text: () => '\t\f\v\t\n'.repeat(100) },
    { title: 'a NUL byte', file: 'a.py', text: () => 'x = 1\u0000\n', problem: /binary/ },
    {
      title: 'a 5 MB Python file',
      file: 'big.py',
      text: () => python().repeat(Math.ceil(5e6 / python().length)),
      problem: /larger than/,
    },
    {
      title: 'a 5 MB TS file',
      file: 'big.ts',
      text: () => typescript().repeat(Math.ceil(5e6 / typescript().length)),
      problem: /larger than/,
    },
    {
      title: 'a Python file just under the size limit',
      file: 'almost.py',
      text: () => python().repeat(Math.floor(1.9e6 / python().length)),
    },
    { title: 'one 1 MB line', file: 'line.ts', text: () => `const s = '${'a'.repeat(1e6)}';` },
    { title: 'one 1 MB comment', file: 'line.py', text: () => `# ${'é'.repeat(5e5)}\nx = 1\n` },
    { title: '20,000 empty classes', file: 'many.py', text: () => 'class A: pass\n'.repeat(2e4) },
  ];
  for (const { title, file, text, problem } of inputs) {
    it(`survives ${title}`, () => {
      const source = text();
      const outcome = runExtractCase(file, source);
      expect(outcome.escaped).toBeUndefined();
      expect(outcome.caught).toEqual([]);
      expect(outcome.outside).toEqual([]);
      if (problem) expect(outcome.skipped).toMatch(problem);
    }, 60_000);
  }
});
