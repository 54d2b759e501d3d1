import { describe, expect, it } from 'vitest';
import type { EntityFact, FieldFact, FileFacts, ShapeExpr } from '../server/src/core/facts';
import { dedent, factsOf } from './helpers/facts';

async function entitiesOf(code: string, file = 'src/types/part.ts'): Promise<EntityFact[]> {
  const facts = await factsOf(file, dedent(code));
  expect(facts.problems).toEqual([]);
  return facts.entities;
}

async function entityOf(code: string, name: string, file?: string): Promise<EntityFact> {
  const found = (await entitiesOf(code, file)).find((entity) => entity.name === name);
  if (!found) throw new Error(`no entity ${name}`);
  return found;
}

/** A field as `name`, `name?`, `name|null` or `name?|null`. */
function fieldMark(field: FieldFact): string {
  return `${field.name}${field.optional ? '?' : ''}${field.nullable ? '|null' : ''}`;
}

/** A shape without field details: objects list their field names. */
function shapeOutline(shape: ShapeExpr | undefined): unknown {
  if (!shape) return undefined;
  switch (shape.op) {
    case 'object':
      return { object: shape.fields.map((field) => field.name) };
    case 'ref':
      return shape.args.length ? { ref: shape.name, args: shape.args } : { ref: shape.name };
    case 'intersect':
      return { intersect: shape.parts.map(shapeOutline) };
    case 'partial':
    case 'required':
      return { [shape.op]: shapeOutline(shape.of) };
    case 'pick':
    case 'omit':
      return { [shape.op]: shapeOutline(shape.of), keys: shape.keys };
    case 'zod-infer':
      return { zodInfer: shape.name };
    case 'opaque':
      return 'opaque';
  }
}

const name = (text: string) => ({ kind: 'name', name: text, args: [] });

describe('TypeScript interfaces', () => {
  it('reads own property signatures and skips methods and index signatures', async () => {
    const part = await entityOf(
      `
        export interface Part {
          id: number;
          name?: string | null;
          readonly sku: string;
          'created-at': string;
          note: string | undefined;
          refresh(): void;
          [key: string]: unknown;
        }
      `,
      'Part',
    );
    expect(part).toMatchObject({
      id: 'src/types/part.ts#Part',
      kind: 'ts-interface',
      language: 'typescript',
      file: 'src/types/part.ts',
      exported: true,
      generated: false,
      bases: [],
      typeParams: [],
    });
    expect(part.fields.map(fieldMark)).toEqual(['id', 'name?|null', 'sku', 'created-at', 'note?']);
    expect(part.fields[1]).toMatchObject({
      type: 'string | null',
      typeExpr: { kind: 'union', members: [name('string'), { kind: 'literal', value: null }] },
      hasDefault: false,
    });
    expect(part.shape).toEqual({ op: 'object', fields: part.fields });
  });

  it('keeps bases and type parameters, and derives the shape from them', async () => {
    const page = await entityOf(
      `
        export interface Page<T, Meta extends object = {}> extends Base<T>, Omit<Audit, 'id'> {
          items: T[];
        }
      `,
      'Page',
    );
    expect(page.typeParams).toEqual(['T', 'Meta']);
    expect(page.bases).toEqual(['Base<T>', "Omit<Audit, 'id'>"]);
    expect(shapeOutline(page.shape)).toEqual({
      intersect: [
        { ref: 'Base', args: [name('T')] },
        { omit: { ref: 'Audit' }, keys: ['id'] },
        { object: ['items'] },
      ],
    });
  });

  it('gives the name as range and the statement, export included, as full range', async () => {
    const part = await entityOf('// types\nexport interface Part {\n  id: number;\n}\n', 'Part');
    expect(part.range).toEqual({
      start: { line: 1, character: 17 },
      end: { line: 1, character: 21 },
    });
    expect(part.fullRange).toEqual({
      start: { line: 1, character: 0 },
      end: { line: 3, character: 1 },
    });
  });

  const found: [string, string, string, boolean][] = [
    ['a declared interface', 'declare interface Window { api: string }', 'Window', false],
    ['an exported declared interface', 'export declare interface P { a: string }', 'P', true],
    ['a default export', 'export default interface Props { a: string }', 'Props', true],
  ];
  it.each(found)('finds %s', async (_, code, expected, exported) => {
    const entity = await entityOf(code, expected, 'src/types/global.d.ts');
    expect([entity.kind, entity.exported, entity.fields.map(fieldMark)]).toEqual([
      'ts-interface',
      exported,
      [entity.fields[0].name],
    ]);
  });

  // Nested interfaces are local to their function or namespace and may reuse a module-level
  // name, so only top-level ones are entities.
  const notFound: [string, string][] = [
    ['an interface inside a function', 'function f() { interface Local { a: string } }'],
    ['an interface inside a namespace', 'namespace Api { export interface Inner { a: string } }'],
    ['an interface in a declared module', "declare module 'lib' { interface Opts { a: string } }"],
    ['an interface in declare global', 'declare global { interface Window { api: string } }'],
    ['a class', 'export class PartModel { id!: number }'],
  ];
  it.each(notFound)('ignores %s', async (_, code) => {
    expect(await entitiesOf(code)).toEqual([]);
  });
});

describe('TypeScript type aliases', () => {
  const found: [string, string, unknown, string[]][] = [
    [
      'an object type',
      'type Part = { id: number; name?: string }',
      { object: ['id', 'name'] },
      ['id', 'name?'],
    ],
    [
      'an intersection',
      'type Part = Base & { extra: string } & Pick<Audit, "createdAt">',
      {
        intersect: [
          { ref: 'Base' },
          { object: ['extra'] },
          { pick: { ref: 'Audit' }, keys: ['createdAt'] },
        ],
      },
      ['extra'],
    ],
    ['Partial', 'type Part = Partial<PartBase>', { partial: { ref: 'PartBase' } }, []],
    ['Required', 'type Part = Required<PartBase>', { required: { ref: 'PartBase' } }, []],
    ['Readonly, which keeps the fields', 'type Part = Readonly<PartBase>', { ref: 'PartBase' }, []],
    [
      'Pick with a union of keys',
      "type Part = Pick<PartBase, 'id' | 'name'>",
      { pick: { ref: 'PartBase' }, keys: ['id', 'name'] },
      [],
    ],
    ['Omit', "type Part = Omit<PartBase, 'id'>", { omit: { ref: 'PartBase' }, keys: ['id'] }, []],
    [
      'nested utility types',
      "type PartUpdate = Partial<Omit<Part, 'id'>>",
      { partial: { omit: { ref: 'Part' }, keys: ['id'] } },
      [],
    ],
    ['a plain reference', 'type Part = PartResponse', { ref: 'PartResponse' }, []],
    [
      'a generic reference',
      'type PartPage = Page<Part>',
      { ref: 'Page', args: [name('Part')] },
      [],
    ],
    ['a parenthesised object type', 'type Part = ({ id: number })', { object: ['id'] }, ['id']],
    ['an empty object type', 'type Empty = {}', { object: [] }, []],
  ];
  it.each(found)('finds %s', async (_, code, outline, fields) => {
    const [entity] = await entitiesOf(code);
    expect(entity.kind).toBe('ts-type');
    expect(shapeOutline(entity.shape)).toEqual(outline);
    expect(entity.fields.map(fieldMark)).toEqual(fields);
  });

  it('keeps the type parameters of a generic alias', async () => {
    const entity = await entityOf(
      'type ApiResponse<T> = { data: T; message: string }',
      'ApiResponse',
    );
    expect(entity.typeParams).toEqual(['T']);
    expect(entity.fields.map((field) => [field.name, field.typeExpr])).toEqual([
      ['data', name('T')],
      ['message', name('string')],
    ]);
  });

  it('keeps a string-literal union as an enum-like entity with its values', async () => {
    const entity = await entityOf("export type Status = 'draft' | \"active\" | 'nrnd';", 'Status');
    expect(entity).toMatchObject({ kind: 'ts-type', exported: true, fields: [] });
    expect(entity.shape).toEqual({ op: 'opaque', text: `'draft' | "active" | 'nrnd'` });
    expect(entity.values?.map((value) => [value.name, value.value])).toEqual([
      ['draft', 'draft'],
      ['active', 'active'],
      ['nrnd', 'nrnd'],
    ]);
    expect(entity.values?.[0].range).toEqual({
      start: { line: 0, character: 21 },
      end: { line: 0, character: 28 },
    });
  });

  const zodInfer: [string, string][] = [
    ['z.infer', 'z.infer<typeof PartSchema>'],
    ['z.input', 'z.input<typeof PartSchema>'],
    ['z.output', 'z.output<typeof PartSchema>'],
    ['z.TypeOf', 'z.TypeOf<typeof PartSchema>'],
  ];
  it.each(zodInfer)('reads %s as the fields of a zod schema', async (_, type) => {
    const imports = "import { z } from 'zod';\nimport { PartSchema } from './schemas';";
    const code = `${imports}\ntype Part = ${type};`;
    const entity = await entityOf(code, 'Part');
    expect(entity.shape).toEqual({ op: 'zod-infer', name: 'PartSchema' });
  });

  it('reads zod inference under other utility types', async () => {
    const code =
      "import * as z from 'zod';\ntype PartUpdate = Partial<z.infer<typeof PartSchema>>;";
    expect((await entityOf(code, 'PartUpdate')).shape).toEqual({
      op: 'partial',
      of: { op: 'zod-infer', name: 'PartSchema' },
    });
  });

  const notFound: [string, string][] = [
    ['a function type', 'type Handler = (part: Part) => void;'],
    ['a primitive alias', 'type Id = string;'],
    ['an array alias', 'type Parts = Part[];'],
    ['an Array reference', 'type Parts = Array<Part>;'],
    ['a Record', 'type PartsById = Record<string, Part>;'],
    ['a nullable alias', 'type MaybePart = Part | null;'],
    ['a union of models', 'type Shape = Circle | Square;'],
    ['a union mixing strings and numbers', "type Code = 'a' | 1;"],
    ['a union of numbers', 'type Level = 1 | 2 | 3;'],
    ['a branded primitive', "type PartId = string & { readonly __brand: 'PartId' };"],
    ['keyof', 'type PartKey = keyof Part;'],
    ['typeof a value', 'type Config = typeof config;'],
    ['a conditional type', 'type Unwrap<T> = T extends Promise<infer U> ? U : T;'],
    ['a dictionary object type', 'type Counts = { [status: string]: number };'],
    ['a mapped type', 'type Flags<T> = { [K in keyof T]: boolean };'],
    ['a namespaced generic', 'type Props = React.ComponentProps<typeof Button>;'],
    ['a React helper', 'type Props = ComponentProps<"button">;'],
    ['a Promise', 'type Pending = Promise<Part>;'],
    ['a tuple', 'type Pair = [Part, Part];'],
    ['a Date', 'type When = Date;'],
    ['an indexed access', "type Part = components['schemas']['Part'];"],
    [
      'z.infer when z is not zod',
      'const z = { infer: 1 };\ntype Part = z.infer<typeof PartSchema>;',
    ],
    ['an alias inside a function', 'function f() { type Local = { a: string }; }'],
  ];
  it.each(notFound)('ignores %s', async (_, code) => {
    expect(await entitiesOf(code)).toEqual([]);
  });
});

describe('TypeScript enums', () => {
  const found: [string, string, [string, string | number | boolean | null][]][] = [
    [
      'string initialisers',
      'export enum Status { Draft = \'draft\', Active = "active" }',
      [
        ['Draft', 'draft'],
        ['Active', 'active'],
      ],
    ],
    [
      'numbers counting on from the start',
      'enum Level { Low, Mid, High }',
      [
        ['Low', 0],
        ['Mid', 1],
        ['High', 2],
      ],
    ],
    [
      'numbers counting on from an initialiser, negatives too',
      'enum Code { A = 10, B, C = -1, D }',
      [
        ['A', 10],
        ['B', 11],
        ['C', -1],
        ['D', 0],
      ],
    ],
    ['a const enum', 'const enum Flag { On = 1 }', [['On', 1]]],
    ['a declared enum', 'declare enum Mode { Fast }', [['Fast', 0]]],
    ['quoted member names', "enum Header { 'content-type' = 'ct' }", [['content-type', 'ct']]],
    ['a template initialiser', 'enum Path { Root = `/` }', [['Root', '/']]],
    [
      'a computed member, which stops the counting',
      "enum Size { Big = 'big'.length, Next, Small = 1 }",
      [
        ['Big', null],
        ['Next', null],
        ['Small', 1],
      ],
    ],
  ];
  it.each(found)('reads %s', async (_, code, values) => {
    const [entity] = await entitiesOf(code);
    expect(entity.kind).toBe('ts-enum');
    expect(entity.values?.map((value) => [value.name, value.value])).toEqual(values);
  });

  it('gives each member the range of its name', async () => {
    const entity = await entityOf('enum Status {\n  Draft = "draft",\n}', 'Status');
    expect(entity.values?.[0].range).toEqual({
      start: { line: 1, character: 2 },
      end: { line: 1, character: 7 },
    });
  });
});

describe('JSDoc on TypeScript declarations', () => {
  const tagged: [string, string, string | undefined, string | undefined][] = [
    [
      'a tag under a description',
      [
        '/**',
        ' * A part in the bin.',
        ' * @seam backend/app/schemas.py#PartResponse',
        ' */',
        'export interface Part { id: number }',
      ].join('\n'),
      'backend/app/schemas.py#PartResponse',
      'A part in the bin.',
    ],
    [
      'a one-line tag',
      '/** @seam backend/app/schemas.py#PartResponse */\ntype Part = { id: number };',
      'backend/app/schemas.py#PartResponse',
      undefined,
    ],
    [
      'a tag after the description on the same line',
      '/** The part. @seam app/schemas.py#PartRead */\ntype Part = { id: number };',
      'app/schemas.py#PartRead',
      'The part.',
    ],
    [
      'other tags',
      '/**\n * The part.\n * @deprecated use PartV2\n */\ninterface Part { id: number }',
      undefined,
      'The part.',
    ],
    [
      'a line comment',
      '// @seam app/schemas.py#PartRead\ninterface Part { id: number }',
      undefined,
      undefined,
    ],
    [
      'a JSDoc separated by a blank line',
      '/** @seam app/schemas.py#PartRead */\n\ninterface Part { id: number }',
      undefined,
      undefined,
    ],
  ];
  it.each(tagged)('reads %s', async (_, code, seamTag, docstring) => {
    const entity = await entityOf(code, 'Part');
    expect([entity.seamTag, entity.docstring]).toEqual([seamTag, docstring]);
  });
});

describe('generated TypeScript clients', () => {
  const generatedHeaders: [string, string][] = [
    ['openapi-typescript', '/**\n * This file was auto-generated by openapi-typescript.\n */'],
    ['hey-api', '// This file is auto-generated by @hey-api/openapi-ts'],
    ['orval', '/**\n * Generated by orval v6.31.0 🍺\n * Do not edit manually.\n */'],
    [
      'pydantic2ts',
      [
        '/* tslint:disable */',
        '/**',
        '/* This file was automatically generated from pydantic models by running pydantic2ts.',
        '/* Do not modify it by hand - just update the pydantic models and then re-run the script',
        '*/',
      ].join('\n'),
    ],
    ['an @generated marker', '// @generated'],
    ['DO NOT EDIT', '// Code generated by a script. DO NOT EDIT.'],
    ['autogenerated', '// autogenerated from the OpenAPI schema'],
  ];
  it.each(generatedHeaders)('recognises the %s header', async (_, header) => {
    const facts = await factsOf(
      'src/api/models.ts',
      `${header}\nexport interface Part { id: number }\n`,
    );
    expect(facts.generated).toBe(true);
    expect(facts.entities.map((entity) => [entity.name, entity.generated])).toEqual([
      ['Part', true],
    ]);
  });

  const generatedPaths = [
    'src/client/types.gen.ts',
    'src/generated/api.ts',
    'generated/models.ts',
    'src/__generated__/graphql.ts',
    'src/api/openapi-types.ts',
  ];
  it.each(generatedPaths)('recognises the path %s', async (file) => {
    expect((await factsOf(file, 'export type Part = { id: number };')).generated).toBe(true);
  });

  const handWritten: [string, string, string][] = [
    ['a plain file', 'src/types/part.ts', 'export interface Part { id: number }'],
    [
      'a generator-like folder name',
      'src/generators/part.ts',
      'export interface Part { id: number }',
    ],
    [
      'the word in code, not in a comment',
      'src/types/part.ts',
      "export const note = 'auto-generated';\nexport interface Part { id: number }",
    ],
    [
      'a marker below the first lines',
      'src/types/part.ts',
      `${'// notes\n'.repeat(12)}// DO NOT EDIT this block\nexport interface Part { id: number }`,
    ],
    [
      'a comment about regeneration',
      'src/types/part.ts',
      '// regenerated by hand\ntype A = { a: 1 };',
    ],
  ];
  it.each(handWritten)('does not mark %s', async (_, file, code) => {
    const facts = await factsOf(file, code);
    expect(facts.generated).toBe(false);
    expect(facts.entities.every((entity) => !entity.generated)).toBe(true);
  });
});

describe('openapi-typescript output', () => {
  const openApiFile = `
    /**
     * This file was auto-generated by openapi-typescript.
     * Do not make direct changes to the file.
     */

    export interface paths {
      "/parts/{part_id}": {
        get: operations["read_part"];
      };
    }
    export type webhooks = Record<string, never>;
    export interface components {
      schemas: {
        /**
         * PartResponse
         * @description A part as the API sends it.
         */
        PartResponse: {
          /** Id */
          id: number;
          name: string;
          location?: components["schemas"]["Location"] | null;
          tags: components["schemas"]["Tag"][];
        };
        /** @enum {string} */
        PartStatus: "active" | "obsolete" | "nrnd";
        PartList: components["schemas"]["PartResponse"][];
        PartDetail: components["schemas"]["PartResponse"] & { notes: string };
      };
      responses: never;
      parameters: never;
    }
    export type $defs = Record<string, never>;
    export interface operations {
      read_part: { parameters: { path: { part_id: number } } };
    }
  `;

  async function openApiFacts(): Promise<FileFacts> {
    return factsOf('src/api/schema.d.ts', dedent(openApiFile));
  }

  it('makes one entity per schema and none for the containers', async () => {
    const facts = await openApiFacts();
    expect(facts.generated).toBe(true);
    expect(facts.entities.map((entity) => [entity.kind, entity.name, entity.generated])).toEqual([
      ['ts-type', 'PartResponse', true],
      ['ts-type', 'PartStatus', true],
      ['ts-type', 'PartDetail', true],
    ]);
  });

  it('reads a schema object with references resolved to schema names', async () => {
    const part = (await openApiFacts()).entities[0];
    expect(part).toMatchObject({ id: 'src/api/schema.d.ts#PartResponse', exported: true });
    expect(part.fields.map(fieldMark)).toEqual(['id', 'name', 'location?|null', 'tags']);
    expect(part.fields[2].typeExpr).toEqual({
      kind: 'union',
      members: [name('Location'), { kind: 'literal', value: null }],
    });
    expect(part.fields[3].typeExpr).toEqual({ kind: 'array', element: name('Tag') });
    expect(part.docstring).toBe('PartResponse');
    expect(part.range).toEqual({
      start: { line: 17, character: 4 },
      end: { line: 17, character: 16 },
    });
  });

  it('reads enum-like schemas and intersections with other schemas', async () => {
    const [, status, detail] = (await openApiFacts()).entities;
    expect(status.values?.map((value) => value.value)).toEqual(['active', 'obsolete', 'nrnd']);
    expect(shapeOutline(detail.shape)).toEqual({
      intersect: [{ ref: 'PartResponse' }, { object: ['notes'] }],
    });
  });

  it('reads the type-alias form of components without a header', async () => {
    const code = `
      export type components = {
        schemas: { Tag: { id: number; label: string } };
      };
      export type paths = { "/tags": { get: never } };
    `;
    const facts = await factsOf('src/api/schema.ts', dedent(code));
    expect(facts.generated).toBe(true);
    expect(facts.entities.map((entity) => [entity.name, entity.fields.map(fieldMark)])).toEqual([
      ['Tag', ['id', 'label']],
    ]);
  });

  it('keeps an interface named components that has no schemas', async () => {
    const code = 'export interface components { header: string }';
    const facts = await factsOf('src/ui/types.ts', code);
    expect([facts.generated, facts.entities.map((entity) => entity.name)]).toEqual([
      false,
      ['components'],
    ]);
  });
});

describe('TypeScript declarations in unfinished and JSX files', () => {
  it('keeps an interface whose last field is being typed', async () => {
    const [entity] = await entitiesOf('interface A { id: number; name: ');
    expect([entity.name, entity.kind, entity.fields.map(fieldMark)]).toEqual([
      'A',
      'ts-interface',
      ['id'],
    ]);
  });

  it('keeps a type alias left open, with its JSDoc', async () => {
    const code = '/** @seam app/schemas.py#A */\nexport type A = {\n  id: number;\n  name: ';
    const [entity] = await entitiesOf(code);
    expect(entity).toMatchObject({
      name: 'A',
      kind: 'ts-type',
      exported: true,
      seamTag: 'app/schemas.py#A',
    });
    expect(entity.fields.map(fieldMark)).toEqual(['id']);
  });

  it('keeps declarations after an unclosed brace', async () => {
    const code = `
      interface A { id: number; name: string

      export interface B { x: string }
      export enum E { A = "a"
    `;
    const entities = await entitiesOf(code);
    expect(entities.map((entity) => entity.name)).toContain('B');
  });

  it('keeps declarations after a broken statement', async () => {
    const code = `
      const broken = {;
      export interface Part { id: number }
      export type Status = 'a' | 'b';
    `;
    const entities = await entitiesOf(code);
    expect(entities.map((entity) => [entity.name, entity.exported])).toEqual([
      ['Part', true],
      ['Status', true],
    ]);
  });

  it('reads a .tsx file with JSX and generic arrow functions', async () => {
    const code = `
      import type { Part } from '../types/part';

      export interface PartRowProps { part: Part; onSelect?: (id: number) => void }
      type Row = { id: number; label: string | null };
      const first = <T,>(items: T[]) => items[0];

      export function PartRow({ part }: PartRowProps) {
        interface Local { a: string }
        return <tr onClick={() => first([part])}><td>{part.name}</td></tr>;
      }
    `;
    const entities = await entitiesOf(code, 'src/components/PartRow.tsx');
    expect(
      entities.map((entity) => [entity.kind, entity.name, entity.fields.map(fieldMark)]),
    ).toEqual([
      ['ts-interface', 'PartRowProps', ['part', 'onSelect?']],
      ['ts-type', 'Row', ['id', 'label|null']],
    ]);
  });

  it('never throws on a file of fragments', async () => {
    const code = 'export interface { } type = ; enum { , } import { from ; export { as }';
    const facts = await factsOf('src/broken.ts', code);
    expect(facts.problems).toEqual([]);
  });
});
