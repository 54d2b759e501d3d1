// The requests behind the language-model tools (`seam/findingsForTool`, `seam/schemaLookup`),
// called as plain handlers on a session over the example workspace, without a connection.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { findingsForTool, schemaLookup } from '../server/src/features/chat-tools';
import { reviewMigration } from '../server/src/features/migration-review';
import type { FindingsForToolResult, SchemaLookupResult } from '../server/src/protocol';
import { SeamSession } from '../server/src/session/seam-session';

const root = join(__dirname, '..', 'examples', 'inventory');
const PART_TS = 'frontend/src/types/part.ts';
const PART_SCHEMAS = 'backend/app/schemas/part.py';

let session: SeamSession;

beforeAll(async () => {
  session = new SeamSession();
  await session.addRoot(root);
});

afterEach(() => {
  session.applySettings({ enable: true });
});

/** `code@file:line`, lines from 1 as a reader cites them. */
function places(result: FindingsForToolResult): string[] {
  return result.findings.map((f) => `${f.code}@${f.file}:${f.range.start.line + 1}`);
}

describe('findings for a tool', () => {
  it('lists the findings of one file with their rule ids and places', () => {
    const result = findingsForTool(session, { file: PART_TS });
    expect(result.file).toBe(PART_TS);
    expect(places(result)).toEqual([
      `enum-values@${PART_TS}:1`,
      `response-field-unused@${PART_TS}:4`,
      `field-nullability@${PART_TS}:9`,
      `field-type-mismatch@${PART_TS}:14`,
      `response-field-missing@${PART_TS}:19`,
      `request-field-required@${PART_TS}:36`,
    ]);
    expect(result.total).toBe(6);
    expect(result.problems).toEqual([]);
    expect(result.findings[3].uri).toBe(pathToFileURL(join(root, PART_TS)).toString());
    expect(result.findings[3].pair).toEqual({
      frontend: `${PART_TS}#Part`,
      backend: `${PART_SCHEMAS}#PartResponse`,
    });
    expect(result.text).toContain(`- \`field-type-mismatch\` error at ${PART_TS}:14 (pair `);
  });

  it('keeps the most severe findings when a limit cuts the list, and counts the rest', () => {
    const result = findingsForTool(session, { file: PART_TS, limit: 2 });
    expect(places(result)).toEqual([
      `field-type-mismatch@${PART_TS}:14`,
      `request-field-required@${PART_TS}:36`,
    ]);
    expect(result.total).toBe(6);
    expect(result.text).toContain('(4 less severe findings are not listed;');
  });

  it('takes a folder, a file:// URI and an absolute path', () => {
    expect(places(findingsForTool(session, { file: 'backend/' }))).toEqual([
      'foreign-key-index@backend/app/models/part.py:37',
      'schema-orm-field@backend/app/schemas/category.py:25',
    ]);
    const uri = pathToFileURL(join(root, PART_TS)).toString();
    expect(findingsForTool(session, { file: uri }).total).toBe(6);
    expect(findingsForTool(session, { file: join(root, PART_TS) }).total).toBe(6);
    expect(findingsForTool(session, { file: `./${PART_TS}` }).total).toBe(6);
  });

  it('covers the whole workspace without a file', () => {
    const result = findingsForTool(session, {});
    expect(result.file).toBeUndefined();
    expect(result.total).toBe(11);
    expect(new Set(result.findings.map((f) => f.file)).size).toBe(5);
    expect(result.text).toMatch(/^Seam reports 11 findings in the workspace \(5 files\)\./);
  });

  it('says why for a path outside the workspace or one that does not exist', () => {
    const outside = findingsForTool(session, { file: '/etc/passwd' });
    expect(outside.findings).toEqual([]);
    expect(outside.problems).toEqual([
      '`/etc/passwd` is outside the workspace folders Seam checks.',
    ]);
    const escaping = findingsForTool(session, { file: '../../etc/passwd' });
    expect(escaping.findings).toEqual([]);
    expect(escaping.problems).toHaveLength(1);
    const missing = findingsForTool(session, { file: 'frontend/src/nope.ts' });
    expect(missing.findings).toEqual([]);
    expect(missing.problems).toEqual(['`frontend/src/nope.ts` does not exist.']);
  });

  it('reports nothing from the workspace while Seam is switched off', () => {
    session.applySettings({ enable: false });
    const result = findingsForTool(session, { file: PART_TS });
    expect(result.findings).toEqual([]);
    expect(result.problems).toHaveLength(1);
    expect(result.text).toContain('`seam.enable`');
    expect(result.text).not.toContain('unit_price');
  });

  it("adds the migration review's findings once the review ran, as the editor does", async () => {
    const revision = 'backend/alembic/versions/e9a05b6d21f3_widen_category_name.py';
    expect(places(findingsForTool(session, { file: revision }))).toEqual([]);
    await reviewMigration(session, { uri: pathToFileURL(join(root, revision)).toString() });
    try {
      const listed = places(findingsForTool(session, { file: revision }));
      expect(listed).toContain(`migration-downgrade@${revision}:30`);
    } finally {
      session.roots[0].migrationFindings = undefined;
    }
  });
});

/** `frontend ↔ backend direction score findings`, ids shortened to their names. */
function pairsOf(result: SchemaLookupResult, entity: string): string[] {
  const match = result.matches.find((m) => m.entity === entity);
  return (match?.pairs ?? []).map(
    (p) =>
      `${p.frontend.split('#')[1]} ↔ ${p.backend.split('#')[1]} ${p.direction} ${p.score}` +
      `${p.possible ? ' possible' : ''} findings=${p.findings}`,
  );
}

describe('schema lookup', () => {
  it('gives a backend schema, its TS pair with evidence, and both sides as code', () => {
    const result = schemaLookup(session, { name: 'PartResponse' });
    expect(result.matches.map((m) => m.entity)).toEqual([`${PART_SCHEMAS}#PartResponse`]);
    expect(pairsOf(result, `${PART_SCHEMAS}#PartResponse`)).toEqual([
      'Part ↔ PartResponse response 0.93 findings=5',
    ]);
    const pair = result.matches[0].pairs[0];
    expect(pair.evidence).toContain('route GET /api/parts/{part_id}');
    const text = result.text;
    expect(text).toContain(`## Pydantic schema \`PartResponse\` — ${PART_SCHEMAS}:42-53`);
    expect(text).toContain('class PartResponse(PartBase):');
    expect(text).toContain(`### Related: TypeScript interface \`Part\` — ${PART_TS}:4-25`);
    expect(text).toContain('export interface Part {');
    // The base it inherits its fields from, and the ORM model the schema is read from.
    expect(text).toContain('class PartBase(BaseModel):');
    expect(text).toContain('class Part(SQLModel, table=True):');
  });

  it('gives both entities of a shared name, the ORM model through the schemas read from it', () => {
    const result = schemaLookup(session, { name: 'Part' });
    expect(result.matches.map((m) => `${m.kind} ${m.entity}`)).toEqual([
      'sqlmodel-table backend/app/models/part.py#Part',
      `ts-interface ${PART_TS}#Part`,
    ]);
    expect(pairsOf(result, 'backend/app/models/part.py#Part')).toEqual([
      'PartCreatePayload ↔ PartCreate request 0.95 findings=1',
      'PartUpdatePayload ↔ PartUpdate request 0.95 findings=0',
      'Part ↔ PartResponse response 0.93 findings=5',
    ]);
    expect(pairsOf(result, `${PART_TS}#Part`)).toEqual([
      'Part ↔ PartResponse response 0.93 findings=5',
    ]);
  });

  it('gives a field with the fields it mirrors and the findings about it', () => {
    const result = schemaLookup(session, { name: 'Part.unit_price' });
    expect(result.matches.map((m) => `${m.entity}.${m.field}`)).toEqual([
      'backend/app/models/part.py#Part.unit_price',
      `${PART_TS}#Part.unit_price`,
    ]);
    expect(result.text).toContain(`Field \`Part.unit_price: number\` at ${PART_TS}:14.`);
    expect(result.text).toContain('- mirrors: `Part.unit_price` ↔ `PartResponse.unit_price`');
    expect(result.text).toContain(`- \`field-type-mismatch\` error at ${PART_TS}:14`);
  });

  it('finds a bare field name where entities declare it, paired ones first', () => {
    const result = schemaLookup(session, { name: 'unit_price', limit: 10 });
    const matched = result.matches.map((m) => m.entity.split('#')[1]);
    expect(matched).toEqual(expect.arrayContaining(['PartBase', 'PartUpdate', 'Part']));
    expect(result.matches.every((m) => m.field === 'unit_price')).toBe(true);
    // A base's field travels in the schemas built on it, so their pairs are its pairs.
    expect(pairsOf(result, `${PART_SCHEMAS}#PartBase`)).toEqual([
      'PartCreatePayload ↔ PartCreate request 0.95 findings=1',
      'Part ↔ PartResponse response 0.93 findings=5',
    ]);
  });

  it('takes an entity id with a field, and names what matched beyond the limit', () => {
    const byId = schemaLookup(session, { name: `${PART_SCHEMAS}#PartResponse.unit_price` });
    expect(byId.matches.map((m) => `${m.name}.${m.field}`)).toEqual(['PartResponse.unit_price']);
    const limited = schemaLookup(session, { name: 'unit_price', limit: 1 });
    expect(limited.matches).toHaveLength(1);
    expect(limited.more.length).toBeGreaterThan(2);
    expect(limited.text).toContain('Also matching, not shown:');
  });

  it('says when nothing matches and names entities that contain the word', () => {
    const result = schemaLookup(session, { name: 'Loc' });
    expect(result.matches).toEqual([]);
    expect(result.text).toContain('has no TypeScript type, Python class or field named `Loc`');
    expect(result.text).toContain('`LocationResponse` (backend/app/schemas/location.py)');
  });

  it('refuses an empty name, and answers nothing while Seam is switched off', () => {
    expect(schemaLookup(session, { name: '  ' }).problems).toEqual([
      'No name was given to look up.',
    ]);
    session.applySettings({ enable: false });
    const off = schemaLookup(session, { name: 'PartResponse' });
    expect(off.matches).toEqual([]);
    expect(off.text).not.toContain('class PartResponse');
  });
});
