import { describe, expect, it } from 'vitest';
import { extractFacts } from '../server/src/core/extract';
import { initSyntax, parseText } from '../server/src/core/syntax/parser';

describe('syntax', () => {
  it('parses Python, TypeScript and TSX with positions in UTF-16 code units', async () => {
    await initSyntax();
    const tree = parseText('python', 'x = "é😀"; y = 1\n')!;
    const y = tree.rootNode.descendantForIndex(11)!;
    expect(y.text).toBe('y');
    expect(y.startPosition).toEqual({ row: 0, column: 11 });
    tree.delete();
    expect(parseText('typescript', 'interface A { a: string }')!.rootNode.type).toBe('program');
    expect(parseText('tsx', 'const a = <div/>;')!.rootNode.hasError).toBe(false);
  });

  it('skips binary and oversized files with a reason instead of failing', async () => {
    await initSyntax();
    expect(extractFacts('a.py', 'x\u0000y').facts.problems[0].message).toMatch(/binary/);
    expect(extractFacts('a.ts', 'x'.repeat(3 * 1024 * 1024)).facts.problems[0].message).toMatch(
      /larger/,
    );
  });
});
