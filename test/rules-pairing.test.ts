// The rule fixtures of the pairing, field, ORM and envelope rules: each small workspace in
// test/fixtures/rules/<rule-id>/ marks the lines its rule must report, beside look-alikes that
// must stay silent, and runs through the real loader, index, pairing and rules. The quick fixes
// of the rules that offer them are applied to the fixture text and the fixed line compared.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../server/src/core/findings/finding';
import { applyEdits, checkFixture, fixtureDir, type FixtureResult } from './helpers/rule-fixtures';

const RULE_IDS = [
  'response-field-missing',
  'response-field-unused',
  'request-field-unknown',
  'request-field-required',
  'field-type-mismatch',
  'field-nullability',
  'field-optionality',
  'enum-values',
  'alias-mismatch',
  'schema-orm-field',
  'relationship-back-populates',
  'foreign-key-index',
  'envelope-mismatch',
];

interface KnownWrong {
  /**
   * Marked lines the rule does not report today, as `file:line code`: a flush-left marker has
   * no column of its own when no finding is on its line.
   */
  missed: string[];
  /** Findings the rule reports today on a look-alike that must stay silent. */
  wrong: string[];
}

/**
 * Rules that do not yet behave as their doc says on a fixture case. The fixtures keep the right
 * markers; the loop below expects today's result, and each case has its own FIXME test pinning
 * the exact current findings of its file, so fixing the rule makes these fail and be removed.
 */
const KNOWN_WRONG: Record<string, KnownWrong> = {};

const results = new Map<string, Promise<FixtureResult>>();

/** Each fixture is loaded once for all the tests that read it. */
function fixture(ruleId: string): Promise<FixtureResult> {
  let result = results.get(ruleId);
  if (!result) {
    result = checkFixture(fixtureDir(ruleId));
    results.set(ruleId, result);
  }
  return result;
}

/** `file:line:column code` → `file:line code`. */
function withoutColumn(key: string): string {
  return key.replace(/:(\d+|\?) /, ' ');
}

function expectedToday(ruleId: string, result: FixtureResult): string[] {
  const known = KNOWN_WRONG[ruleId] ?? { missed: [], wrong: [] };
  const kept = result.expected.filter((key) => !known.missed.includes(withoutColumn(key)));
  return [...kept, ...known.wrong].sort();
}

function keysInFile(result: FixtureResult, file: string): string[] {
  return result.actual.filter((key) => key.startsWith(`${file}:`));
}

describe('rule fixtures', () => {
  it.each(RULE_IDS)('%s reports exactly the marked lines', async (ruleId) => {
    const result = await fixture(ruleId);
    expect(result.actual).toEqual(expectedToday(ruleId, result));
  });

  it('lists only real markers and real findings as known misbehaviours', async () => {
    for (const [ruleId, known] of Object.entries(KNOWN_WRONG)) {
      const result = await fixture(ruleId);
      const marked = result.expected.map(withoutColumn);
      for (const key of known.missed) expect(marked).toContain(key);
      for (const key of known.wrong) expect(result.expected).not.toContain(key);
    }
  });
});

/** The finding of `ruleId` on the first line of `file` whose text is `line`. */
function findingOnLine(result: FixtureResult, ruleId: string, file: string, line: string) {
  const text = readFileSync(join(fixtureDir(ruleId), file), 'utf8').split('\n');
  const index = text.indexOf(line);
  const found = result.findings.find(
    (finding: Finding) => finding.file === file && finding.range.start.line === index,
  );
  return { index, found };
}

describe('quick fixes', () => {
  it.each([
    ['alias-mismatch', '  parent_id: number | null;', '  parentId: number | null;'],
    ['response-field-missing', '  manufactuer: string | null;', '  manufacturer: string | null;'],
    ['request-field-unknown', '  quantiy: number;', '  quantity: number;'],
    ['field-type-mismatch', '  unit_price: number;', '  unit_price: string;'],
    ['field-nullability', '  description: string;', '  description: string | null;'],
  ])('%s turns `%s` into `%s`', async (ruleId, before, after) => {
    const file = 'frontend/src/types.ts';
    const result = await fixture(ruleId);
    const { index, found } = findingOnLine(result, ruleId, file, before);
    const fix = found?.fixes?.[0];
    expect(fix).toBeDefined();
    const fixed = applyEdits(fixtureDir(ruleId), file, fix?.edits ?? []).split('\n');
    expect(fixed[index]).toBe(after);
  });

  it('response-field-unused adds the missing field to the interface', async () => {
    const file = 'frontend/src/types.ts';
    const result = await fixture('response-field-unused');
    const found = result.findings.find((finding) => finding.message.includes('`updated_at`'));
    const fixed = applyEdits(
      fixtureDir('response-field-unused'),
      file,
      found?.fixes?.[0]?.edits ?? [],
    );
    expect(fixed).toContain('  quantity: number;\n  updated_at: string;\n}');
  });

  it('gives no fix for a field with no close backend name', async () => {
    const result = await fixture('response-field-missing');
    const { found } = findingOnLine(
      result,
      'response-field-missing',
      'frontend/src/types.ts',
      '  location_name: string;',
    );
    expect(found?.severity).toBe('warning');
    expect(found?.fixes).toEqual([]);
  });
});

describe('severities and wording', () => {
  it.each([
    ['response-field-missing', '  location_name: string;', 'warning'],
    ['response-field-missing', '  manufactuer: string | null;', 'hint'],
    ['response-field-missing', '  phone?: string;', 'hint'],
    ['request-field-unknown', '  id: number;', 'hint'],
    ['request-field-unknown', '  location_id: number | null;', 'warning'],
    ['request-field-unknown', '  note?: string;', 'error'],
    ['field-type-mismatch', '  unit_price: number;', 'error'],
    ['field-type-mismatch', '  restocked_at: Date;', 'warning'],
    ['field-type-mismatch', '  quantity?: string;', 'warning'],
  ])('%s on `%s` is a %s', async (ruleId, line, severity) => {
    const result = await fixture(ruleId);
    const { found } = findingOnLine(result, ruleId, 'frontend/src/types.ts', line);
    expect(found?.severity).toBe(severity);
  });

  it('response-field-unused lists a computed field and leaves an excluded one out', async () => {
    const result = await fixture('response-field-unused');
    const category = result.findings.find((finding) => finding.message.startsWith('`Category`'));
    expect(category?.message).toContain('`slug`');
    expect(category?.message).not.toContain('internal_notes');
  });

  it('response-field-unused leaves SkipJsonSchema fields out for a generated client', async () => {
    const result = await fixture('response-field-unused');
    const generated = result.findings.find((finding) =>
      finding.message.startsWith('`LocationResponse`'),
    );
    expect(generated?.message).toContain('`capacity`');
    expect(generated?.message).not.toContain('legacy_code');
  });
});
