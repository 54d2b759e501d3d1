// Where frontend code reads a property: built once per check, and given again while the
// frontend's facts are the same objects (a Python edit re-checks everything but changes none).
import { beforeAll, describe, expect, it } from 'vitest';
import { extractFacts } from '../server/src/core/extract';
import { finish } from '../server/src/core/pausable';
import { PropertyReads } from '../server/src/core/rules/property-reads';
import { initSyntax } from '../server/src/core/syntax/parser';

beforeAll(() => initSyntax());

const facts = (file: string, text: string) => extractFacts(file, text).facts;
const entity = { name: 'Part', file: 'web/types.ts' } as Parameters<PropertyReads['whereRead']>[0];

describe('PropertyReads.build', () => {
  it('gives the reads built last while the frontend facts are the same objects', () => {
    const view = facts('web/view.ts', "import { Part } from './types';\nshow(part.sku);\n");
    const types = facts('web/types.ts', 'export interface Part { sku: string }\n');
    const before = facts('api/models.py', 'class Part:\n    sku: str\n');
    const after = facts('api/models.py', 'class Part:\n    sku: str\n    name: str\n');
    const first = finish(PropertyReads.build([types, view, before]));
    expect(first.whereRead(entity, 'sku')).toBe('web/view.ts');
    expect(finish(PropertyReads.build([types, view, after]))).toBe(first);
  });

  it('builds again when a frontend file changed', () => {
    const types = facts('web/types.ts', 'export interface Part { sku: string }\n');
    const view = facts('web/view.ts', 'show(part.sku);\n');
    const first = finish(PropertyReads.build([types, view]));
    const edited = facts('web/view.ts', 'show(part.name);\n');
    const second = finish(PropertyReads.build([types, edited]));
    expect(second).not.toBe(first);
    expect(second.whereRead(entity, 'name')).toBe('web/view.ts');
    expect(second.whereRead(entity, 'sku')).toBeUndefined();
  });
});
