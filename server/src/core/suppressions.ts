// `seam-ignore rule-id: reason` comments, found by scanning lines rather than the tree, so they
// work the same in Python, TypeScript and files that do not parse.
import type { SuppressionFact } from './facts';

const MARKER =
  /(?:#|\/\/|\/\*|--)\s*seam-ignore\s+([\w-]+(?:\s*,\s*[\w-]+)*)\s*(?::\s*(.*?))?\s*(?:\*\/)?\s*$/;

export function findSuppressions(text: string): SuppressionFact[] {
  if (!text.includes('seam-ignore')) return [];
  const suppressions: SuppressionFact[] = [];
  text.split(/\r?\n/).forEach((line, lineNumber) => {
    const match = MARKER.exec(line);
    if (!match) return;
    const start = line.indexOf(match[0]);
    suppressions.push({
      line: lineNumber,
      rules: match[1].split(',').map((rule) => rule.trim()),
      reason: (match[2] ?? '').trim(),
      range: {
        start: { line: lineNumber, character: start },
        end: { line: lineNumber, character: line.length },
      },
    });
  });
  return suppressions;
}
