// Test helper: the facts of one in-memory file, through the real parser and extractors.
import { extractFacts } from '../../server/src/core/extract';
import type { FileFacts } from '../../server/src/core/facts';
import { initSyntax } from '../../server/src/core/syntax/parser';

export async function factsOf(file: string, text: string): Promise<FileFacts> {
  await initSyntax();
  return extractFacts(file, text).facts;
}

/** Removes indentation shared by all lines, so fixtures can be written indented in tables. */
export function dedent(text: string): string {
  const lines = text.replace(/^\n/, '').split('\n');
  const indents = lines.filter((l) => l.trim()).map((l) => /^ */.exec(l)![0].length);
  const cut = Math.min(...indents);
  return lines.map((l) => l.slice(cut)).join('\n');
}
