// Test helper for rule fixtures. A fixture is a small workspace in test/fixtures/rules/<rule-id>/
// whose expected findings are marked beside their lines, as in test/helpers/markers.ts:
//
//     for part in parts:
//         print(part.category.name)
//         #     ^^^^ seam: n-plus-one — why this one is expected
//
// `checkFixture(dir)` loads the folder through the real discovery, parser and index, runs every
// rule with the default configuration, and keeps the findings and markers whose code starts
// with the folder's name (the rule id), so other rules may fire in a fixture without breaking
// it. Compare `actual` with `expected`; `findings` carries the messages and quick fixes. A
// fixture must mark at least one finding, so a misnamed folder cannot pass by comparing nothing.
//
//     const result = await checkFixture(fixtureDir('unindexed-filter'));
//     expect(result.actual).toEqual(result.expected);
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { DEFAULT_CONFIG } from '../../server/src/core/config/seam-config';
import { checkWorkspace } from '../../server/src/core/findings/check';
import type { Finding, FindingEdit } from '../../server/src/core/findings/finding';
import { loadWorkspace } from '../../server/src/workspace/load-workspace';
import { findingKeys, markerKeys, readMarkers } from './markers';

export interface FixtureResult {
  /** Findings of the fixture's rule as `file:line:column code`, sorted. */
  actual: string[];
  /** The markers of the fixture's rule in the same form. */
  expected: string[];
  findings: Finding[];
}

/** The folder of the fixture for `ruleId` (test/fixtures/rules/<ruleId>). */
export function fixtureDir(ruleId: string): string {
  return join(__dirname, '..', 'fixtures', 'rules', ruleId);
}

/** Checks a fixture folder; the rule id is the folder's name unless given. */
export async function checkFixture(dir: string, ruleId = basename(dir)): Promise<FixtureResult> {
  const workspace = await loadWorkspace(dir);
  const index = workspace.index;
  const { findings: all } = checkWorkspace(index.view(), index.allFacts(), DEFAULT_CONFIG);
  const findings = all.filter((finding) => finding.code.startsWith(ruleId));
  const markers = readMarkers(dir).filter((marker) => marker.code.startsWith(ruleId));
  // A misspelt folder would otherwise compare nothing with nothing and pass.
  if (!markers.length) throw new Error(`no \`seam: ${ruleId}\` marker under ${dir}`);
  return { actual: findingKeys(findings), expected: markerKeys(markers, findings), findings };
}

/** A fixture file's text with a quick fix's edits for that file applied. */
export function applyEdits(dir: string, file: string, edits: FindingEdit[]): string {
  const lines = readFileSync(join(dir, file), 'utf8').split('\n');
  const offsets: number[] = [];
  lines.reduce((offset, line, index) => ((offsets[index] = offset), offset + line.length + 1), 0);
  let text = lines.join('\n');
  const ordered = edits
    .filter((edit) => edit.file === file)
    .map((edit) => ({
      start: offsets[edit.range.start.line] + edit.range.start.character,
      end: offsets[edit.range.end.line] + edit.range.end.character,
      newText: edit.newText,
    }))
    .sort((a, b) => b.start - a.start);
  for (const edit of ordered)
    text = text.slice(0, edit.start) + edit.newText + text.slice(edit.end);
  return text;
}
