// Optional, local: the fuzz run over real public projects cloned outside the repository
// (SEAM_REAL_PROJECTS, default /work/real). Nothing of theirs is copied into the repo: files are
// read at run time. For each project: the whole check on the project as it is, with every
// finding's range checked against the file on disk; then a seeded sample of its files, damaged
// many times each, through extractFacts; then, for the three small projects, the whole check with
// damaged files. Run: npx vitest run --config test/robustness/vitest.real.config.mts
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../server/src/core/config/seam-config';
import { checkWorkspace } from '../../server/src/core/findings/check';
import { initSyntax } from '../../server/src/core/syntax/parser';
import { loadWorkspace } from '../../server/src/workspace/load-workspace';
import type { SourceFile } from './corpus';
import { describeFailure, failed, FuzzWorkspace, makeCase, runExtractCase } from './fuzz-harness';
import { seededRandom } from './prng';
import { findingRangeProblems } from './ranges';

const REAL = process.env.SEAM_REAL_PROJECTS ?? '/work/real';
const SAMPLE_FILES = 12;
const CASES_PER_FILE = 80;
/** Projects small enough to check whole after every damaged file. */
const CHECK_CASES = 150;
const SMALL_PROJECTS = [
  'full-stack-fastapi-template',
  'logictics-fastapi-reactjs',
  'storage-management',
];

const projects = existsSync(REAL)
  ? readdirSync(REAL).filter((name) => existsSync(join(REAL, name, '.git')))
  : [];

beforeAll(() => initSyntax());

describe(`real projects under ${REAL}`, () => {
  it('exist', () => {
    expect(projects.length).toBeGreaterThan(0);
  });

  for (const project of projects) {
    describe(project, () => {
      const root = join(REAL, project);
      let files: SourceFile[] = [];

      it('checks as it is, with every finding inside its file', async () => {
        const workspace = await loadWorkspace(root);
        files = workspace.files.map((file) => ({ file, text: readText(root, file) }));
        const texts = new Map(files.map(({ file, text }) => [file, text]));
        const { findings } = checkWorkspace(
          workspace.index.view(),
          workspace.index.allFacts(),
          DEFAULT_CONFIG,
        );
        console.log(`${project}: ${files.length} files, ${findings.length} findings`);
        expect(findingRangeProblems(findings, texts)).toEqual([]);
      });

      it(`survives ${SAMPLE_FILES} sampled files damaged ${CASES_PER_FILE} times each`, () => {
        const random = seededRandom(project.length * 7919);
        const sample = Array.from({ length: SAMPLE_FILES }, () => random.pick(files));
        const failures: string[] = [];
        let cases = 0;
        for (const [i, source] of sample.entries()) {
          for (let n = 0; n < CASES_PER_FILE; n++, cases++) {
            const fuzzCase = makeCase([source], i * 100_000 + n);
            const outcome = runExtractCase(fuzzCase.file, fuzzCase.text);
            if (failed(outcome)) failures.push(describeFailure(fuzzCase, outcome));
          }
        }
        console.log(`${project}: ${cases} extract cases, ${failures.length} failures`);
        expect(failures).toEqual([]);
      });

      if (!SMALL_PROJECTS.includes(project)) return;
      it('checks whole with damaged files', () => {
        const workspace = new FuzzWorkspace(files);
        const failures: string[] = [];
        for (let seed = 1; seed <= CHECK_CASES; seed++) {
          const fuzzCase = makeCase(files, seed);
          const original = workspace.texts.get(fuzzCase.file)!;
          const caught = workspace.setText(fuzzCase.file, fuzzCase.text);
          const outcome = workspace.check();
          outcome.caught.push(...caught);
          workspace.setText(fuzzCase.file, original);
          if (failed(outcome)) failures.push(describeFailure(fuzzCase, outcome));
        }
        console.log(`${project}: ${CHECK_CASES} check cases, ${failures.length} failures`);
        expect(failures).toEqual([]);
      });
    });
  }
});

function readText(root: string, file: string): string {
  try {
    return readFileSync(join(root, file), 'utf8').replace(/^\ufeff/, '');
  } catch {
    return '';
  }
}
