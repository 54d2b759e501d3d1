// Expected findings written beside the code: a comment line right below the offending line,
//   `  # ^^^^ seam: rule-id — why`  /  `//^^^^ seam: rule-id`  /  `-- ^^^^ seam: rule-id`
// The carets start under the first character of the finding's range. A marker whose comment
// starts in column 0 with one space before the carets may not reach that far left; it then
// checks the line only.
import { fdir } from 'fdir';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Finding } from '../../server/src/core/findings/finding';

export interface ExpectedFinding {
  file: string;
  line: number;
  character?: number;
  code: string;
}

const MARKER = /^(\s*)(#|\/\/|--)\s*(\^+)\s*seam:\s*([\w-]+)/;

export function readMarkers(root: string): ExpectedFinding[] {
  const files = new fdir()
    .withRelativePaths()
    .withPathSeparator('/')
    .exclude((name) => name === 'node_modules' || name.startsWith('.'))
    .filter((path) => /\.(py|ts|tsx|sql)$/.test(path))
    .crawl(root)
    .sync()
    .sort();
  return files.flatMap((file) => markersInText(file, readFileSync(join(root, file), 'utf8')));
}

export function markersInText(file: string, text: string): ExpectedFinding[] {
  const lines = text.split(/\r?\n/);
  const expected: ExpectedFinding[] = [];
  let target = -1;
  lines.forEach((line, index) => {
    const match = MARKER.exec(line);
    if (!match) {
      target = index;
      return;
    }
    const caret = line.indexOf('^');
    const flushLeft = match[1].length === 0;
    expected.push({
      file,
      line: target,
      code: match[4],
      ...(flushLeft ? {} : { character: caret }),
    });
    if (flushLeft && caret > match[2].length + 1) {
      expected[expected.length - 1].character = caret;
    }
  });
  return expected;
}

/** Findings as `file:line:col code` strings, comparable with markers. */
export function findingKeys(findings: Finding[]): string[] {
  return findings
    .map((f) => `${f.file}:${f.range.start.line + 1}:${f.range.start.character} ${f.code}`)
    .sort();
}

/** Markers as the same strings; a marker without a column takes the finding's column if one matches. */
export function markerKeys(expected: ExpectedFinding[], findings: Finding[]): string[] {
  return expected
    .map((marker) => {
      const column =
        marker.character ??
        findings.find(
          (f) =>
            f.file === marker.file && f.range.start.line === marker.line && f.code === marker.code,
        )?.range.start.character ??
        '?';
      return `${marker.file}:${marker.line + 1}:${column} ${marker.code}`;
    })
    .sort();
}
