import { describe, expect, it } from 'vitest';
import type { ImportFact } from '../server/src/core/facts';
import { dedent, factsOf } from './helpers/facts';

type ImportWithoutRange = Omit<ImportFact, 'range'>;

async function modulesOf(code: string, file = 'src/api/parts.ts') {
  const facts = await factsOf(file, dedent(code));
  const imports = facts.imports.map(({ range, ...rest }) => (void range, rest));
  return { imports, exports: facts.exports, facts };
}

const name = (imported: string, alias = imported) => ({ name: imported, alias });

/** Each statement is read from its text; the ones with a comment inside go through the tree. */
const imports: [string, string, ImportWithoutRange[]][] = [
  [
    'named imports with an alias',
    "import { A, B as C } from './x';",
    [{ module: './x', names: [name('A'), name('B', 'C')] }],
  ],
  [
    'a type-only import',
    "import type { Part, PartCreate } from '@/types/part'",
    [{ module: '@/types/part', names: [name('Part'), name('PartCreate')] }],
  ],
  [
    'inline type modifiers',
    "import { type Part, api } from './api';",
    [{ module: './api', names: [name('Part'), name('api')] }],
  ],
  ['a default import', "import D from './d';", [{ module: './d', names: [name('default', 'D')] }]],
  [
    'a default import beside named ones',
    'import React, { useState as useLocalState } from "react";',
    [{ module: 'react', names: [name('default', 'React'), name('useState', 'useLocalState')] }],
  ],
  [
    'a namespace import',
    "import * as api from './api';",
    [{ module: './api', names: [], namespace: 'api' }],
  ],
  ['a side-effect import', "import './styles.css';", [{ module: './styles.css', names: [] }]],
  [
    'a default import named type',
    "import type from './type';",
    [{ module: './type', names: [name('default', 'type')] }],
  ],
  [
    'a type-only default import',
    "import type Client from './client';",
    [{ module: './client', names: [name('default', 'Client')] }],
  ],
  [
    'an import spread over several lines',
    `
      import {
        getParts,
        createPart as create,
      } from '../services/parts';
    `,
    [{ module: '../services/parts', names: [name('getParts'), name('createPart', 'create')] }],
  ],
  [
    'an import with a comment inside (read from the tree)',
    "import /* the client */ api, { get as fetchIt } from './api';",
    [{ module: './api', names: [name('default', 'api'), name('get', 'fetchIt')] }],
  ],
  [
    'a namespace import with a comment inside (read from the tree)',
    "import * as z /* v3 */ from 'zod';",
    [{ module: 'zod', names: [], namespace: 'z' }],
  ],
  [
    'import = require',
    "import fs = require('fs');",
    [{ module: 'fs', names: [], namespace: 'fs' }],
  ],
  [
    'a JSON import with attributes',
    "import data from './data.json' with { type: 'json' };",
    [{ module: './data.json', names: [name('default', 'data')] }],
  ],
];

const reexports: [string, string, ImportWithoutRange[], string[]][] = [
  [
    'a named re-export',
    "export { A, B as C } from './a';",
    [{ module: './a', names: [name('A'), name('B', 'C')], reexport: true }],
    ['A', 'C'],
  ],
  [
    'a star re-export',
    "export * from './b';",
    [{ module: './b', names: [name('*')], reexport: true }],
    [],
  ],
  [
    'a namespace re-export',
    "export * as ns from './c';",
    [{ module: './c', names: [], namespace: 'ns', reexport: true }],
    ['ns'],
  ],
  [
    'a type-only re-export',
    "export type { Part } from './part';",
    [{ module: './part', names: [name('Part')], reexport: true }],
    ['Part'],
  ],
  [
    'a default re-exported under a name',
    "export { default as PartTable } from './PartTable';",
    [{ module: './PartTable', names: [name('default', 'PartTable')], reexport: true }],
    ['PartTable'],
  ],
  [
    'a re-export with a comment inside (read from the tree)',
    "export { A /* old */ as B } from './a';",
    [{ module: './a', names: [name('A', 'B')], reexport: true }],
    ['B'],
  ],
  [
    'a star re-export with a comment inside (read from the tree)',
    "export * /* all */ from './b';",
    [{ module: './b', names: [name('*')], reexport: true }],
    [],
  ],
];

const exported: [string, string, string[]][] = [
  ['an interface', 'export interface Part { id: number }', ['Part']],
  ['a type alias', "export type Status = 'a' | 'b';", ['Status']],
  ['an enum and a const enum', 'export enum A { X }\nexport const enum B { Y }', ['A', 'B']],
  ['constants, one destructured', 'export const a = 1, { b, c: d } = obj;', ['a', 'b', 'd']],
  ['a function and a class', 'export function f() {}\nexport class K {}', ['f', 'K']],
  ['an abstract class', 'export abstract class Base {}', ['Base']],
  ['a declared constant', 'export declare const version: string;', ['version']],
  ['a list of locals with an alias', 'const a = 1, b = 2;\nexport { a, b as c };', ['a', 'c']],
  ['a list with a comment (read from the tree)', 'const a = 1;\nexport { a /* x */ };', ['a']],
  ['a default identifier', 'const api = {};\nexport default api;', ['default']],
  ['a default function', 'export default function App() {}', ['default']],
  ['a default interface', 'export default interface Props { a: string }', ['default']],
  ['a default expression', 'export default { a: 1 };', ['default']],
  ['a namespace', 'export namespace Api { export const x = 1; }', ['Api']],
];

describe('TypeScript imports', () => {
  it.each(imports)('reads %s', async (_, code, expected) => {
    expect((await modulesOf(code)).imports).toEqual(expected);
  });

  it('gives each import the range of its statement', async () => {
    const { facts } = await modulesOf("// header\nimport { A } from './a';\n");
    expect(facts.imports[0].range).toEqual({
      start: { line: 1, character: 0 },
      end: { line: 1, character: 24 },
    });
  });

  it('ignores dynamic imports and require calls', async () => {
    const code = `
      const lazy = import('./lazy');
      const fs = require('fs');
      async function load() { await import('./later'); }
    `;
    expect((await modulesOf(code)).imports).toEqual([]);
  });
});

describe('TypeScript re-exports', () => {
  it.each(reexports)('reads %s', async (_, code, expectedImports, expectedExports) => {
    const { imports: found, exports } = await modulesOf(code);
    expect(found).toEqual(expectedImports);
    expect(exports).toEqual(expectedExports);
  });
});

describe('TypeScript exports', () => {
  it.each(exported)('lists %s', async (_, code, expected) => {
    expect((await modulesOf(code)).exports).toEqual(expected);
  });

  it('does not list names exported inside a namespace or a declared module', async () => {
    const code = `
      namespace Api { export const inner = 1; }
      declare module 'lib' { export interface Options { a: string } }
      function f() { const local = 1; return local; }
    `;
    expect((await modulesOf(code)).exports).toEqual([]);
  });

  it('marks an interface exported by a later list or default export', async () => {
    const code = `
      interface Part { id: number }
      interface Hidden { id: number }
      interface Shown { id: number }
      export { Part as PartType };
      export default Shown;
    `;
    const { facts } = await modulesOf(code);
    const flags = facts.entities.map((entity) => [entity.name, entity.exported]);
    expect(flags).toEqual([
      ['Part', true],
      ['Hidden', false],
      ['Shown', true],
    ]);
  });
});

describe('TypeScript modules in unfinished files', () => {
  it('keeps the statements the parser could read', async () => {
    const code = `
      import { A } from './a';
      export { A };
      import { B, from './b';
      export interface Part { name:
    `;
    const { imports: found, exports, facts } = await modulesOf(code);
    expect(found).toEqual([{ module: './a', names: [name('A')] }]);
    expect(exports).toEqual(['A']);
    expect(facts.entities.map((entity) => [entity.name, entity.exported])).toEqual([
      ['Part', true],
    ]);
  });

  it('reads imports of a .tsx file with JSX and generic arrow functions', async () => {
    const code = `
      import { useState } from 'react';
      import type { Part } from '../types/part';
      const identity = <T,>(value: T) => value;
      export function PartList({ parts }: { parts: Part[] }) {
        return <ul>{parts.map((p) => <li key={p.id}>{p.name}</li>)}</ul>;
      }
    `;
    const { imports: found, exports } = await modulesOf(code, 'src/components/PartList.tsx');
    expect(found.map((fact) => fact.module)).toEqual(['react', '../types/part']);
    expect(exports).toEqual(['PartList']);
  });
});
