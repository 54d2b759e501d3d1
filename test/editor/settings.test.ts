// The editor's settings: validated like seam.json, merged under it (seam.json wins per key), bad
// values reported with their default used, and `seam.enable: false` silencing Seam.
import { describe, expect, it } from 'vitest';
import { hover } from '../../server/src/features/hover';
import { parseClientSettings } from '../../server/src/session/client-settings';
import { markCursor, workspaceWithCursor } from '../helpers/cursor';
import { SHOP } from './shop-fixture';

const TYPES = 'frontend/src/types.ts';

const parsed: [string, unknown, Record<string, unknown>, string[]][] = [
  ['no settings', undefined, { enable: true, threshold: 0.6, rules: {} }, []],
  [
    'valid settings',
    { enable: false, rules: { 'field-nullability': 'error' }, pairing: { threshold: 0.5 } },
    { enable: false, threshold: 0.5, rules: { 'field-nullability': 'error' } },
    [],
  ],
  [
    'a threshold out of range',
    { pairing: { threshold: 3 } },
    { threshold: 0.6 },
    ['settings (seam.*): pairing.threshold: expected a number between 0 and 1'],
  ],
  [
    'an unknown rule and a bad severity',
    { rules: { 'no-such-rule': 'error', 'field-nullability': 'loud' } },
    { rules: {} },
    [
      'settings (seam.*): rules.no-such-rule: unknown rule, ignored',
      'settings (seam.*): rules.field-nullability: expected one of ' +
        'error, warning, information, hint, off',
    ],
  ],
  [
    'enable that is not a boolean',
    { enable: 'yes' },
    { enable: true },
    ['settings (seam.*): enable: expected true or false'],
  ],
  [
    'globs that are not strings',
    { include: [1] },
    { include: [] },
    ['settings (seam.*): include: expected an array of glob strings'],
  ],
];

describe('parsing the seam settings', () => {
  it.each(parsed)('%s', (_name, raw, expected, problems) => {
    const result = parseClientSettings(raw);
    const flat = { enable: result.settings.enable, ...result.settings.config };
    expect(flat).toMatchObject(expected);
    expect(result.problems).toEqual(problems);
  });
});

async function codesWith(settings: unknown, seamJson?: object): Promise<string[]> {
  const files = seamJson ? { ...SHOP, 'seam.json': JSON.stringify(seamJson) } : SHOP;
  const workspace = await workspaceWithCursor(files, settings);
  try {
    const { findings } = workspace.session.check(workspace.session.roots[0]);
    return findings.map((f) => `${f.code}:${f.severity}`).sort();
  } finally {
    workspace.dispose();
  }
}

describe('settings under seam.json', () => {
  it('applies per-rule severities from the settings', async () => {
    const codes = await codesWith({ rules: { 'field-nullability': 'error' } });
    expect(codes).toContain('field-nullability:error');
  });

  it('lets seam.json override a rule the settings also set', async () => {
    const codes = await codesWith(
      { rules: { 'field-nullability': 'error', 'foreign-key-index': 'off' } },
      { rules: { 'field-nullability': 'off' } },
    );
    expect(codes.filter((c) => /nullability|foreign-key/.test(c))).toEqual([]);
  });

  it('takes the threshold from the settings unless seam.json sets one', async () => {
    expect(await codesWith({ pairing: { threshold: 0.9 } })).toEqual([
      'foreign-key-index:information',
    ]);
    expect(
      await codesWith({ pairing: { threshold: 0.9 } }, { pairing: { threshold: 0.6 } }),
    ).toContain('field-nullability:warning');
  });

  it('re-checks with settings applied after indexing', async () => {
    const workspace = await workspaceWithCursor(SHOP);
    try {
      const root = workspace.session.roots[0];
      expect(workspace.session.check(root).findings.length).toBeGreaterThan(0);
      const applied = workspace.session.applySettings({ rules: { 'field-nullability': 'off' } });
      expect(applied).toEqual({ problems: [], filtersChanged: false });
      const codes = workspace.session.check(root).findings.map((f) => f.code);
      expect(codes).not.toContain('field-nullability');
      expect(workspace.session.applySettings({ exclude: ['frontend/**'] }).filtersChanged).toBe(
        true,
      );
      await workspace.session.reindexRoot(root);
      const languages = root.index.view().entities.map((e) => e.language);
      expect(new Set(languages)).toEqual(new Set(['python']));
    } finally {
      workspace.dispose();
    }
  });

  it('switches Seam off with enable: false', async () => {
    expect(await codesWith({ enable: false })).toEqual([]);
    const marked = markCursor(SHOP, TYPES, 'Part {');
    const workspace = await workspaceWithCursor(marked, { enable: false });
    try {
      expect(hover(workspace.session, workspace.cursor.uri, workspace.cursor.position)).toBeNull();
    } finally {
      workspace.dispose();
    }
  });
});
