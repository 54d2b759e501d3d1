// seam.json is described three times: by the parser, by the JSON schema VS Code validates the
// file with (schemas/seam.schema.json), and by the `seam.rules` setting. They name the same keys
// and rules, and the README's example passes the parser without a problem.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KNOWN_KEYS, parseSeamConfig } from '../server/src/core/config/seam-config';
import { RULES } from '../server/src/core/rules/registry';

const repo = join(__dirname, '..');
const readJson = (file: string) => JSON.parse(readFileSync(join(repo, file), 'utf8'));
const schema = readJson('schemas/seam.schema.json');
const manifest = readJson('package.json');
const ruleIds = RULES.map((rule) => rule.id).sort();

describe('the seam.json schema', () => {
  it('has the keys the parser reads', () => {
    expect(Object.keys(schema.properties).sort()).toEqual([...KNOWN_KEYS].sort());
  });

  it('lists every rule, as the rules setting does', () => {
    const settingRules = manifest.contributes.configuration.properties['seam.rules'].properties;
    expect(Object.keys(schema.properties.rules.properties).sort()).toEqual(ruleIds);
    expect(Object.keys(settingRules).sort()).toEqual(ruleIds);
  });

  it('is what VS Code validates seam.json with, and ships in the extension', () => {
    expect(manifest.contributes.jsonValidation).toEqual([
      { fileMatch: 'seam.json', url: './schemas/seam.schema.json' },
    ]);
    expect(manifest.files).toContain('schemas/seam.schema.json');
  });

  it("accepts the README's example", () => {
    const readme = readFileSync(join(repo, 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('## Configuration: `seam.json`'));
    const example = /```json\n([\s\S]*?)```/.exec(section)?.[1] ?? '';
    const { config, problems } = parseSeamConfig(example);
    expect(problems).toEqual([]);
    expect(config.sqliteMinVersion).toBe('3.31');
    for (const key of Object.keys(JSON.parse(example)))
      expect(schema.properties).toHaveProperty(key);
  });
});
