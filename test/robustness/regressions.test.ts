// Every input that once made Seam fail (fixtures/regressions, described in its README) runs
// through extractFacts and the whole check again; some also have their facts checked by name.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { extractFacts } from '../../server/src/core/extract';
import { initSyntax } from '../../server/src/core/syntax/parser';
import { corpusFiles } from './corpus';
import { FuzzWorkspace, runExtractCase } from './fuzz-harness';
import { lineLengths, rangeProblem } from './ranges';

const FOLDER = join(__dirname, 'fixtures', 'regressions');
const fixtures = readdirSync(FOLDER)
  .filter((name) => name.endsWith('.fixture'))
  .sort()
  .map((name) => ({
    name,
    file: `regressions/${name.replace(/\.fixture$/, '')}`,
    text: readFileSync(join(FOLDER, name), 'utf8'),
  }));

let workspace: FuzzWorkspace;

beforeAll(async () => {
  await initSyntax();
  workspace = new FuzzWorkspace(corpusFiles());
});

describe('regression fixtures', () => {
  it('are all here', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(8);
  });

  for (const { name, file, text } of fixtures) {
    it(`${name}: extracts without an exception and with every range inside`, () => {
      const outcome = runExtractCase(file, text);
      expect(outcome.escaped).toBeUndefined();
      expect(outcome).toMatchObject({ caught: [], outside: [] });
    });

    it(`${name}: checks beside the example workspace`, () => {
      const caught = workspace.setText(file, text);
      const outcome = workspace.check();
      workspace.index.removeFile(file);
      workspace.texts.delete(file);
      expect(caught).toEqual([]);
      expect(outcome.escaped).toBeUndefined();
      expect(outcome).toMatchObject({ caught: [], outside: [] });
    });
  }
});

describe('what the fixed fixtures still give', () => {
  const factsOf = (name: string) => {
    const fixture = fixtures.find((f) => f.name === name)!;
    return extractFacts(fixture.file, fixture.text).facts;
  };

  it('keeps the entities around a type nested 2,000 deep', () => {
    const facts = factsOf('deep-object-type.ts.fixture');
    expect(facts.entities.map((entity) => entity.name)).toEqual(['Deep', 'After']);
    expect(facts.entities[0].fields.map((field) => field.name)).toEqual(['id', 'nested']);
  });

  it('keeps the schemas around a zod object nested 2,000 deep', () => {
    const facts = factsOf('deep-zod-object.ts.fixture');
    expect(facts.entities.map((entity) => entity.name)).toEqual(['deepSchema', 'afterSchema']);
  });

  it('reads all 5,000 members of a literal union', () => {
    const union = factsOf('long-literal-union.ts.fixture').entities[0];
    expect(union.name).toBe('IconName');
    expect(union.values).toHaveLength(5000);
  });

  it('reads a 5,000-part intersection', () => {
    const all = factsOf('long-intersection.ts.fixture').entities.find((e) => e.name === 'All');
    expect(all?.shape?.op).toBe('intersect');
    expect(all?.shape?.op === 'intersect' && all.shape.parts).toHaveLength(5000);
  });

  it('puts everything of a file with lone CR line endings on one row', () => {
    const fixture = fixtures.find((f) => f.name === 'lone-cr-line-endings.py.fixture')!;
    const part = factsOf(fixture.name).entities.find((entity) => entity.name === 'Part')!;
    // FIXME: tree-sitter only counts `\n` as a row break, so `Part` sits on row 0 at character
    // 39, while an editor (and LSP) breaks lines at a lone `\r` too and shows it on line 2.
    // Diagnostics in such files land at the end of line 0. Lone CR files are rare (classic Mac);
    // fixing it means translating positions for such files in extractFacts.
    expect(part.range.start).toEqual({ line: 0, character: 38 });
    const editorLines = fixture.text.split(/\r\n|\r|\n/).map((line) => line.length);
    expect(rangeProblem(part.range, lineLengths(fixture.text))).toBeUndefined();
    expect(rangeProblem(part.range, editorLines)).toMatch(/past the line end/);
  });
});
