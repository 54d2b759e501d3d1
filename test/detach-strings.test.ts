// Facts keep copies of the strings they take from a file's text, equal in content: the index
// must not hold whole source files alive through one annotation (see core/detach-strings.ts).
import { describe, expect, it } from 'vitest';
import { detachStrings } from '../server/src/core/detach-strings';
import { extractFacts } from '../server/src/core/extract';
import { initSyntax } from '../server/src/core/syntax/parser';

describe('detachStrings', () => {
  it('keeps the shape and the content of nested facts', () => {
    const source = `class PartResponse(BaseModel):\n    name: Optional[str] = None\n`;
    const value = {
      name: source.slice(6, 18),
      fields: [{ type: source.slice(40, 53), optional: true, line: 2 }, null],
      short: 'id',
    };
    const expected = structuredClone(value);
    expect(detachStrings(value)).toBe(value);
    expect(value).toEqual(expected);
  });

  it('leaves extracted facts equal to a structured copy of themselves', async () => {
    await initSyntax();
    const text = 'from pydantic import BaseModel\n\nclass PartResponse(BaseModel):\n    sku: str\n';
    const { facts } = extractFacts('app/schemas.py', text);
    expect(facts.entities.map((entity) => entity.name)).toEqual(['PartResponse']);
    expect(detachStrings(structuredClone(facts))).toEqual(facts);
  });
});
