// Hover across the seam on the shop fixture: each case puts the cursor on one spot and expects
// the markdown, written once as an inline snapshot; look-alikes must give no hover.
import { describe, expect, it } from 'vitest';
import { hover } from '../../server/src/features/hover';
import { markCursor, workspaceWithCursor } from '../helpers/cursor';
import { SHOP } from './shop-fixture';

const TYPES = 'frontend/src/types.ts';
const FORMS = 'frontend/src/forms.ts';
const SCHEMAS = 'backend/app/schemas.py';
const MODELS = 'backend/app/models.py';

async function hoverAt(file: string, needle: string, offset = 0): Promise<string | null> {
  const workspace = await workspaceWithCursor(markCursor(SHOP, file, needle, offset));
  try {
    const { uri, position } = workspace.cursor;
    const result = hover(workspace.session, uri, position);
    if (!result) return null;
    return workspace.normalise((result.contents as { value: string }).value);
  } finally {
    workspace.dispose();
  }
}

describe('hover on the TS side', () => {
  it('shows the backend class of a TS interface, as Python, with its ORM model', async () => {
    expect(await hoverAt(TYPES, 'Part {', 1)).toMatchInlineSnapshot(`
      "**Seam** · mirrors [PartResponse](file:///<root>/backend/app/schemas.py#L14) · response · score 0.8

      \`\`\`python
      class PartResponse(PartBase):
          model_config = ConfigDict(from_attributes=True)
          # from PartBase
          name: str = Field(min_length=1, max_length=120)
          description: str | None = None
          """What the part is for."""
          # from PartResponse
          id: int
          location_id: int | None = Field(default=None, serialization_alias="locationId")
      \`\`\`

      ORM model [Part](file:///<root>/backend/app/models.py#L9) · table \`parts\`

      Paired by: name stem "part"; fields 4/4

      1 finding on this pair"
    `);
  });

  it('shows the backend field of a TS field with its DB column', async () => {
    expect(await hoverAt(TYPES, 'description: string;', 2)).toMatchInlineSnapshot(`
      "**Seam** · mirrors [PartResponse.description](file:///<root>/backend/app/schemas.py#L6) · response · score 0.8

      \`\`\`python
      class PartBase(BaseModel):
          description: str | None = None
          """What the part is for."""
      \`\`\`

      DB column \`parts.description\` · NULL allowed ([Part.description](file:///<root>/backend/app/models.py#L14))

      Wire key \`"description"\`: string | null

      Paired by: name stem "part"; fields 4/4"
    `);
  });

  it('shows the aliased backend field a camelCase TS field mirrors', async () => {
    expect(await hoverAt(TYPES, 'locationId')).toMatchInlineSnapshot(`
      "**Seam** · mirrors [PartResponse.location_id](file:///<root>/backend/app/schemas.py#L18) · response · score 0.8

      \`\`\`python
      class PartResponse(PartBase):
          location_id: int | None = Field(default=None, serialization_alias="locationId")
      \`\`\`

      DB column \`parts.location_id\` · NULL allowed · foreign key → locations.id ([Part.location_id](file:///<root>/backend/app/models.py#L15))

      Wire key \`"locationId"\`: integer | null

      Paired by: name stem "part"; fields 4/4"
    `);
  });

  it('shows the backend field of a zod key', async () => {
    expect(await hoverAt(FORMS, 'description:')).toMatchInlineSnapshot(`
      "**Seam** · mirrors [PartResponse.description](file:///<root>/backend/app/schemas.py#L6) · response · score 0.69

      \`\`\`python
      class PartBase(BaseModel):
          description: str | None = None
          """What the part is for."""
      \`\`\`

      DB column \`parts.description\` · NULL allowed ([Part.description](file:///<root>/backend/app/models.py#L14))

      Wire key \`"description"\`: string | null

      Paired by: name stem "part"; fields 3/4"
    `);
  });

  it('marks a pair below the threshold as a possible mirror', async () => {
    expect(await hoverAt(TYPES, 'PartData {')).toMatchInlineSnapshot(`
      "**Seam** · possible mirror of [PartResponse](file:///<root>/backend/app/schemas.py#L14) · score 0.57, below the pairing threshold 0.6, so Seam does not check it

      \`\`\`python
      class PartResponse(PartBase):
          model_config = ConfigDict(from_attributes=True)
          # from PartBase
          name: str = Field(min_length=1, max_length=120)
          description: str | None = None
          """What the part is for."""
          # from PartResponse
          id: int
          location_id: int | None = Field(default=None, serialization_alias="locationId")
      \`\`\`

      ORM model [Part](file:///<root>/backend/app/models.py#L9) · table \`parts\`

      Paired by: name stem "part"; fields 3/6"
    `);
  });

  it('works on a type name used in code, not only on its declaration', async () => {
    expect(await hoverAt(TYPES, 'Part): string', 2)).toContain('mirrors [PartResponse]');
  });
});

describe('hover on the Python side', () => {
  it('lists the TS types mirroring a schema', async () => {
    expect(await hoverAt(SCHEMAS, 'PartResponse(')).toMatchInlineSnapshot(`
      "**Seam** · \`PartResponse\` is mirrored by 2 frontend types
      - [Part](file:///<root>/frontend/src/types.ts#L1) in \`frontend/src/types.ts\` · response · score 0.8 · 1 finding
      - [partSchema](file:///<root>/frontend/src/forms.ts#L3) in \`frontend/src/forms.ts\` · response · score 0.69 · 1 finding
      - possible mirror: [PartData](file:///<root>/frontend/src/types.ts#L15) in \`frontend/src/types.ts\` · response · score 0.57"
    `);
  });

  it('lists the TS fields and zod keys mirroring an inherited field', async () => {
    expect(await hoverAt(SCHEMAS, 'description: str')).toMatchInlineSnapshot(`
      "**Seam** · \`PartBase.description\` is mirrored by 3 TS fields

      - [PartCreatePayload.description](file:///<root>/frontend/src/types.ts#L10): \`string | null\` · request via \`PartCreate\`
      - [Part.description](file:///<root>/frontend/src/types.ts#L4): \`string\` · response via \`PartResponse\`
      - [partSchema.description](file:///<root>/frontend/src/forms.ts#L6): \`z.string().nullable()\` · response via \`PartResponse\`
      - possible mirror: [PartData.description](file:///<root>/frontend/src/types.ts#L18): \`string | null\` · response via \`PartResponse\`

      DB column \`parts.description\` · NULL allowed (ORM model [Part](file:///<root>/backend/app/models.py#L9))"
    `);
  });

  it('lists the schemas built on an ORM model', async () => {
    expect(await hoverAt(MODELS, 'Part(Base)')).toMatchInlineSnapshot(
      `"**Seam** · schemas built on this ORM model: [PartBase](file:///<root>/backend/app/schemas.py#L4), [PartCreate](file:///<root>/backend/app/schemas.py#L10), [PartResponse](file:///<root>/backend/app/schemas.py#L14)"`,
    );
  });
});

describe('no hover where nothing mirrors', () => {
  const cases: [string, string, string][] = [
    ['a TS type no schema resembles', TYPES, 'Unrelated'],
    ['a field of that type', TYPES, 'total'],
    ['a schema no TS type mirrors', SCHEMAS, 'AuditEntry'],
    ['a field of that schema', SCHEMAS, 'actor'],
    ['a plain identifier in code', TYPES, 'describePart'],
    ['a docstring', SCHEMAS, 'What the part'],
  ];
  it.each(cases)('%s', async (_name, file, needle) => {
    expect(await hoverAt(file, needle)).toBeNull();
  });
});
