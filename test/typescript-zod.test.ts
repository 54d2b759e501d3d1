import { describe, expect, it } from 'vitest';
import type { EntityFact, FieldFact, ShapeExpr, TypeExpr } from '../server/src/core/facts';
import { dedent, factsOf } from './helpers/facts';

const ZOD_IMPORT = "import { z } from 'zod';\n";

async function schemasOf(code: string, file = 'src/schemas/part.ts'): Promise<EntityFact[]> {
  const facts = await factsOf(file, dedent(code));
  expect(facts.problems).toEqual([]);
  return facts.entities.filter((entity) => entity.kind === 'zod-schema');
}

async function schemaOf(code: string, name: string): Promise<EntityFact> {
  const found = (await schemasOf(code)).find((entity) => entity.name === name);
  if (!found) throw new Error(`no schema ${name}`);
  return found;
}

/** The one field of `const S = z.object({ f: <expression> })`. */
async function fieldOf(expression: string, prelude = ''): Promise<FieldFact> {
  const code = `${ZOD_IMPORT}${prelude}\nconst S = z.object({ f: ${expression} });`;
  const [field] = (await schemaOf(code, 'S')).fields;
  return field;
}

/** A shape without field details: objects list their field names. */
function shapeOutline(shape: ShapeExpr | undefined): unknown {
  if (!shape) return undefined;
  switch (shape.op) {
    case 'object':
      return { object: shape.fields.map((field) => field.name) };
    case 'ref':
      return { ref: shape.name };
    case 'intersect':
      return { intersect: shape.parts.map(shapeOutline) };
    case 'partial':
    case 'required':
      return { [shape.op]: shapeOutline(shape.of) };
    case 'pick':
    case 'omit':
      return { [shape.op]: shapeOutline(shape.of), keys: shape.keys };
    default:
      return shape.op;
  }
}

const name = (text: string, args: TypeExpr[] = []): TypeExpr => ({
  kind: 'name',
  name: text,
  args,
});
const literal = (value: string | number | boolean | null): TypeExpr => ({ kind: 'literal', value });
const union = (...members: TypeExpr[]): TypeExpr => ({ kind: 'union', members });
const array = (element: TypeExpr): TypeExpr => ({ kind: 'array', element });
const STRING = name('string');
const NUMBER = name('number');

describe('zod object schemas', () => {
  it('reads a schema object into fields', async () => {
    const code = `
      import { z } from 'zod';

      export const PartSchema = z.object({
        id: z.number().int(),
        name: z.string().min(1).max(120),
        'created-at': z.string().datetime(),
        is_low_stock: z.boolean(),
      });
    `;
    const schema = await schemaOf(code, 'PartSchema');
    expect(schema).toMatchObject({
      id: 'src/schemas/part.ts#PartSchema',
      kind: 'zod-schema',
      language: 'typescript',
      exported: true,
      generated: false,
    });
    expect(schema.fields.map((field) => [field.name, field.typeExpr])).toEqual([
      ['id', NUMBER],
      ['name', STRING],
      ['created-at', STRING],
      ['is_low_stock', name('boolean')],
    ]);
    expect(schema.fields[1]).toMatchObject({
      type: 'z.string().min(1).max(120)',
      optional: false,
      nullable: false,
      hasDefault: false,
      constraints: { min: '1', max: '120' },
      range: { start: { line: 4, character: 2 }, end: { line: 4, character: 6 } },
    });
    expect(schema.shape).toEqual({ op: 'object', fields: schema.fields });
    expect(schema.range).toEqual({
      start: { line: 2, character: 13 },
      end: { line: 2, character: 23 },
    });
    expect(schema.fullRange.start).toEqual({ line: 2, character: 0 });
  });

  it('reads schemas that are not exported, and z.strictObject', async () => {
    const code = `${ZOD_IMPORT}const A = z.object({ a: z.string() });
      const B = z.strictObject({ b: z.string() });`;
    const schemas = await schemasOf(code);
    expect(schemas.map((schema) => [schema.name, schema.exported])).toEqual([
      ['A', false],
      ['B', false],
    ]);
  });

  const fieldTypes: [string, string, TypeExpr][] = [
    ['z.string()', 'z.string()', STRING],
    ['a string format', 'z.string().email()', STRING],
    ['a uuid', 'z.string().uuid()', STRING],
    ['a zod 4 top-level format', 'z.email()', STRING],
    ['an ISO datetime', 'z.iso.datetime()', STRING],
    ['z.number().int()', 'z.number().int().positive()', NUMBER],
    ['a coerced number', 'z.coerce.number()', NUMBER],
    ['z.boolean()', 'z.boolean()', name('boolean')],
    ['z.date()', 'z.date()', name('Date')],
    ['z.any()', 'z.any()', name('any')],
    ['z.unknown()', 'z.unknown()', name('unknown')],
    ['z.array()', 'z.array(z.string())', array(STRING)],
    ['.array()', 'z.number().array()', array(NUMBER)],
    ['z.enum of values', "z.enum(['draft', 'active'])", union(literal('draft'), literal('active'))],
    ['z.enum of a TS enum', 'z.enum(Status)', name('Status')],
    ['z.nativeEnum', 'z.nativeEnum(Status)', name('Status')],
    ['z.literal', "z.literal('part')", literal('part')],
    ['a numeric literal', 'z.literal(-1)', literal(-1)],
    ['z.union', 'z.union([z.string(), z.number()])', union(STRING, NUMBER)],
    ['.or()', 'z.string().or(z.number())', union(STRING, NUMBER)],
    [
      'a discriminated union',
      "z.discriminatedUnion('kind', [Cat, Dog])",
      union(name('Cat'), name('Dog')),
    ],
    [
      'z.record(key, value)',
      'z.record(z.string(), z.number())',
      { kind: 'object', fields: [], indexValue: NUMBER },
    ],
    [
      'z.record(value)',
      'z.record(z.boolean())',
      { kind: 'object', fields: [], indexValue: name('boolean') },
    ],
    ['z.tuple', 'z.tuple([z.string(), z.number()])', { kind: 'tuple', elements: [STRING, NUMBER] }],
    ['another schema', 'CategorySchema', name('CategorySchema')],
    ['another schema, lazily', 'z.lazy(() => CategorySchema)', name('CategorySchema')],
    ['an instance check', 'z.instanceof(File)', name('File')],
    ['z.preprocess', 'z.preprocess((v) => Number(v), z.number())', NUMBER],
    // FIXME: .transform() changes the output type; the field keeps the input type.
    ['.transform()', 'z.string().transform((s) => s.length)', STRING],
  ];
  it.each(fieldTypes)('maps %s', async (_, expression, typeExpr) => {
    const field = await fieldOf(expression);
    expect(field.typeExpr).toEqual(typeExpr);
    expect(field.type).toBe(expression);
  });

  it('maps an inline object to an object type with its own fields', async () => {
    const field = await fieldOf('z.object({ city: z.string(), zip: z.string().optional() })');
    expect(field.typeExpr.kind).toBe('object');
    const inner = field.typeExpr.kind === 'object' ? field.typeExpr.fields : [];
    expect(inner.map((f) => [f.name, f.optional])).toEqual([
      ['city', false],
      ['zip', true],
    ]);
  });

  const modifiers: [string, string, Partial<FieldFact>][] = [
    ['.optional()', 'z.string().optional()', { optional: true, nullable: false, typeExpr: STRING }],
    [
      '.nullable()',
      'z.string().nullable()',
      { optional: false, nullable: true, typeExpr: union(STRING, literal(null)) },
    ],
    [
      '.nullish()',
      'z.string().nullish()',
      { optional: true, nullable: true, typeExpr: union(STRING, literal(null)) },
    ],
    [
      '.default()',
      'z.number().default(0)',
      { optional: true, hasDefault: true, defaultText: '0', typeExpr: NUMBER },
    ],
    ['z.optional()', 'z.optional(z.string())', { optional: true, typeExpr: STRING }],
    [
      'z.nullable()',
      'z.nullable(z.number())',
      { nullable: true, typeExpr: union(NUMBER, literal(null)) },
    ],
    [
      'a union with null',
      'z.union([z.string(), z.null()])',
      { nullable: true, typeExpr: union(STRING, literal(null)) },
    ],
    [
      'modifiers before refinements',
      'z.string().nullable().optional().describe("x")',
      { optional: true, nullable: true },
    ],
    [
      '.optional() on an array element',
      'z.string().optional().array()',
      { optional: false, typeExpr: array(STRING) },
    ],
    ['constraints', 'z.string().email().max(50)', { constraints: { email: '', max: '50' } }],
  ];
  it.each(modifiers)('reads %s', async (_, expression, expected) => {
    expect(await fieldOf(expression)).toMatchObject(expected);
  });

  it('reads local helpers and local non-object schemas in place', async () => {
    const prelude = `
      const blankToUndefined = (value: unknown) => (value === '' ? undefined : value);
      const optionalText = (max: number) =>
        z.preprocess(blankToUndefined, z.string().trim().max(max).optional());
      const optionalId = z.preprocess(blankToUndefined, z.coerce.number().int().optional());
      const Address = z.object({ city: z.string() });
      const AddressUpdate = Address.partial();
    `;
    const code = `${ZOD_IMPORT}${dedent(prelude)}
      const Form = z.object({
        note: optionalText(100),
        location_id: optionalId,
        address: Address,
        update: AddressUpdate.optional(),
      });`;
    const form = await schemaOf(code, 'Form');
    expect(form.fields.map((field) => [field.name, field.typeExpr, field.optional])).toEqual([
      ['note', STRING, true],
      ['location_id', NUMBER, true],
      ['address', name('Address'), false],
      ['update', name('AddressUpdate'), true],
    ]);
  });

  it('takes the JSDoc @seam tag and description of the constant', async () => {
    const code = `${ZOD_IMPORT}
      /**
       * What the part form sends.
       * @seam backend/app/schemas.py#PartCreate
       */
      export const PartForm = z.object({ name: z.string() });`;
    const schema = await schemaOf(code, 'PartForm');
    expect([schema.seamTag, schema.docstring]).toEqual([
      'backend/app/schemas.py#PartCreate',
      'What the part form sends.',
    ]);
  });

  it('keeps a top-level z.enum as an enum-like schema with its values', async () => {
    const schema = await schemaOf(
      `${ZOD_IMPORT}export const Status = z.enum(['draft', 'active']);`,
      'Status',
    );
    expect(schema.values?.map((value) => value.value)).toEqual(['draft', 'active']);
    expect(schema.fields).toEqual([]);
  });

  it('reads a file written in .tsx', async () => {
    const code = `${ZOD_IMPORT}const Form = z.object({ n: z.number() });
      export const View = <T,>(p: T) => <div>{String(p)}</div>;`;
    const schemas = await schemasOf(code, 'src/components/Form.tsx');
    expect(schemas.map((schema) => schema.name)).toEqual(['Form']);
  });
});

describe('zod import forms', () => {
  const imports: [string, string, string][] = [
    ['a named import', "import { z } from 'zod';", 'z'],
    ['a namespace import', "import * as z from 'zod';", 'z'],
    ['a default import', "import z from 'zod';", 'z'],
    ['an aliased import', "import { z as zod } from 'zod';", 'zod'],
    ['zod 4 under its subpath', "import { z } from 'zod/v4';", 'z'],
  ];
  it.each(imports)('accepts %s', async (_, importLine, binding) => {
    const code = `${importLine}\nexport const S = ${binding}.object({ a: ${binding}.string() });`;
    const [schema] = await schemasOf(code);
    expect([schema.name, schema.fields[0].typeExpr]).toEqual(['S', STRING]);
  });

  const notZod: [string, string][] = [
    [
      'a local z',
      `const z = { object: (shape: object) => shape, string: () => 1 };
      const S = z.object({ a: z.string() });`,
    ],
    [
      'a z from another module',
      "import { z } from './validation';\nconst S = z.object({ a: z.string() });",
    ],
    ['a z never imported', 'const S = z.object({ a: z.string() });'],
    ['an object literal constant', `${ZOD_IMPORT}export const x = {};\nconst config = { a: 1 };`],
    ['a zod schema that is not an object', `${ZOD_IMPORT}const Id = z.string().uuid();`],
    ['an array of objects', `${ZOD_IMPORT}const Parts = z.array(z.object({ a: z.string() }));`],
    ['.array() of an object', `${ZOD_IMPORT}const Parts = z.object({ a: z.string() }).array();`],
    ['a union of objects', `${ZOD_IMPORT}const U = z.union([z.object({}), z.object({})]);`],
    [
      'a schema inside a function',
      `${ZOD_IMPORT}function f() { const S = z.object({ a: z.string() }); }`,
    ],
    [
      'a method chain on a plain object',
      `${ZOD_IMPORT}const base = { extend: (x: object) => x };\nconst S = base.extend({ a: 1 });`,
    ],
    [
      'a transformed schema',
      `${ZOD_IMPORT}import { A } from './a';\nconst B = A.transform((v) => v.a);`,
    ],
    [
      'other calls in a file that imports zod',
      `${ZOD_IMPORT}const api = axios.create({ baseURL: '/api' });
      const parts = useQuery({ queryKey: ['parts'] });`,
    ],
    // FIXME: functions imported by name from zod (`import { object, string } from 'zod'`) are not
    // followed; such schemas are rare and would need every zod export as a binding.
    [
      'named zod functions',
      "import { object, string } from 'zod';\nconst S = object({ a: string() });",
    ],
  ];
  it.each(notZod)('ignores %s', async (_, code) => {
    expect(await schemasOf(code)).toEqual([]);
  });
});

describe('derived zod schemas', () => {
  const base = `${ZOD_IMPORT}
    const A = z.object({ id: z.number(), name: z.string(), note: z.string().optional() });
    const C = z.object({ extra: z.boolean() });
  `;

  const derived: [string, string, unknown, string[]][] = [
    [
      '.extend()',
      'const B = A.extend({ sku: z.string() });',
      { intersect: [{ ref: 'A' }, { object: ['sku'] }] },
      ['sku'],
    ],
    ['.merge()', 'const B = A.merge(C);', { intersect: [{ ref: 'A' }, { ref: 'C' }] }, []],
    ['.and()', 'const B = A.and(C);', { intersect: [{ ref: 'A' }, { ref: 'C' }] }, []],
    [
      'z.intersection()',
      'const B = z.intersection(A, C);',
      { intersect: [{ ref: 'A' }, { ref: 'C' }] },
      [],
    ],
    ['.partial()', 'const B = A.partial();', { partial: { ref: 'A' } }, []],
    [
      '.partial() of some keys',
      'const B = A.partial({ name: true });',
      {
        intersect: [
          { omit: { ref: 'A' }, keys: ['name'] },
          { partial: { pick: { ref: 'A' }, keys: ['name'] } },
        ],
      },
      [],
    ],
    ['.required()', 'const B = A.required();', { required: { ref: 'A' } }, []],
    [
      '.pick()',
      'const B = A.pick({ id: true, name: true });',
      { pick: { ref: 'A' }, keys: ['id', 'name'] },
      [],
    ],
    ['.omit()', 'const B = A.omit({ id: true });', { omit: { ref: 'A' }, keys: ['id'] }, []],
    ['.strict()', 'const B = A.strict();', { ref: 'A' }, []],
    [
      'a chain',
      'const B = A.extend({ sku: z.string() }).omit({ id: true }).partial().strict();',
      { partial: { omit: { intersect: [{ ref: 'A' }, { object: ['sku'] }] }, keys: ['id'] } },
      ['sku?'],
    ],
    [
      'extends of extends, flattened',
      'const B = A.extend({ x: z.string() }).extend({ y: z.string() });',
      { intersect: [{ ref: 'A' }, { object: ['x'] }, { object: ['y'] }] },
      ['x', 'y'],
    ],
    [
      'an inline object with .strict()',
      'const B = z.object({ a: z.string() }).strict();',
      { object: ['a'] },
      ['a'],
    ],
    [
      'an inline object made partial, fields included',
      'const B = z.object({ a: z.string(), b: z.number() }).partial();',
      { partial: { object: ['a', 'b'] } },
      ['a?', 'b?'],
    ],
    [
      'an inline object picked, fields included',
      'const B = z.object({ a: z.string(), b: z.number() }).pick({ b: true });',
      { pick: { object: ['a', 'b'] }, keys: ['b'] },
      ['b'],
    ],
    [
      'spread shapes',
      'const B = z.object({ ...A.shape, ...C.shape, sku: z.string() });',
      { intersect: [{ ref: 'A' }, { ref: 'C' }, { object: ['sku'] }] },
      ['sku'],
    ],
    [
      'extend with another shape',
      'const B = A.extend(C.shape);',
      { intersect: [{ ref: 'A' }, { ref: 'C' }] },
      [],
    ],
  ];
  it.each(derived)('reads %s', async (_, code, outline, fields) => {
    const schema = await schemaOf(`${base}${code}`, 'B');
    expect(shapeOutline(schema.shape)).toEqual(outline);
    expect(schema.fields.map((field) => `${field.name}${field.optional ? '?' : ''}`)).toEqual(
      fields,
    );
  });

  it('derives from a schema imported from another module', async () => {
    const code =
      "import { PartSchema } from './part';\n" +
      'export const PartCreate = PartSchema.omit({ id: true });';
    const schema = await schemaOf(code, 'PartCreate');
    expect(shapeOutline(schema.shape)).toEqual({ omit: { ref: 'PartSchema' }, keys: ['id'] });
  });

  it('ignores a chain on an imported non-schema name when zod is not imported', async () => {
    const code =
      "import { defaults } from './config';\nexport const merged = defaults.merge(other);";
    expect(await schemasOf(code)).toEqual([]);
  });
});
