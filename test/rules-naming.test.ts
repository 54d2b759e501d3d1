// Rules are named one way everywhere, as typescript-eslint holds its rules to their names: a
// kebab-case id, a file server/src/core/rules/<id>.ts that opens by naming the rule and exports
// it under the camelCase id, a one-line doc, and a fixture test/fixtures/rules/<id>/ that marks
// at least one finding of the rule.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULES } from '../server/src/core/rules/registry';
import type { Rule } from '../server/src/core/rules/rule';
import { readMarkers } from './helpers/markers';
import { fixtureDir } from './helpers/rule-fixtures';

const RULES_DIR = join(__dirname, '..', 'server', 'src', 'core', 'rules');
const FIXTURES_DIR = join(__dirname, 'fixtures', 'rules');

/** `response-field-missing` → `responseFieldMissing`. */
function camelCase(id: string): string {
  return id.replace(/-([a-z0-9])/g, (_, letter: string) => letter.toUpperCase());
}

describe.each(RULES.map((rule): [string, Rule] => [rule.id, rule]))('rule %s', (id, rule) => {
  it('has a kebab-case id', () => {
    expect(id).toMatch(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/);
  });

  it('lives in a file named after its id, exported under the camelCase id', async () => {
    const file = join(RULES_DIR, `${id}.ts`);
    expect(existsSync(file)).toBe(true);
    const module = (await import(file)) as Record<string, unknown>;
    expect(module[camelCase(id)]).toBe(rule);
  });

  it('opens its file with a comment naming the rule', () => {
    const firstLine = readFileSync(join(RULES_DIR, `${id}.ts`), 'utf8').split('\n')[0];
    expect(firstLine.startsWith(`// ${id}: `)).toBe(true);
  });

  it('has a one-line doc', () => {
    expect(rule.doc.trim()).not.toBe('');
    expect(rule.doc).toBe(rule.doc.trim());
    expect(rule.doc).not.toMatch(/\n/);
  });

  it('has a fixture that marks at least one finding of the rule', () => {
    const dir = fixtureDir(id);
    expect(existsSync(dir)).toBe(true);
    const markers = readMarkers(dir).filter((marker) => marker.code === id);
    expect(markers.length).toBeGreaterThan(0);
  });
});

describe('the rule registry', () => {
  it('has no two rules with the same id', () => {
    const ids = RULES.map((rule) => rule.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('has a rule for every fixture folder', () => {
    const ids = new Set(RULES.map((rule) => rule.id));
    const folders = readdirSync(FIXTURES_DIR, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name);
    expect(folders.filter((name) => !ids.has(name))).toEqual([]);
  });
});
