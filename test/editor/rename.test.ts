// Rename across layers on the shop fixture: each case renames the field under the cursor and
// lists the edits as `file:line newText`, in any order.
import { describe, expect, it } from 'vitest';
import { prepareRename, rename, RenameRejected } from '../../server/src/features/rename';
import { markCursor, workspaceWithCursor } from '../helpers/cursor';
import { SHOP } from './shop-fixture';

const TYPES = 'frontend/src/types.ts';
const FORMS = 'frontend/src/forms.ts';
const SCHEMAS = 'backend/app/schemas.py';
const MODELS = 'backend/app/models.py';

const SUPPLIERS: Record<string, string> = {
  'backend/app/schemas.py': `
    from pydantic import BaseModel, ConfigDict
    from pydantic.alias_generators import to_camel


    class SupplierResponse(BaseModel):
        model_config = ConfigDict(alias_generator=to_camel, populate_by_name=True)

        id: int
        lead_time_days: int
        contact_email: str
  `,
  'frontend/src/types.ts': `
    export interface Supplier {
      id: number;
      leadTimeDays: number;
      contactEmail: string;
    }
  `,
};

async function renameAt(
  files: Record<string, string>,
  file: string,
  needle: string,
  newName: string,
): Promise<string[] | null> {
  const workspace = await workspaceWithCursor(markCursor(files, file, needle));
  try {
    const { uri, position } = workspace.cursor;
    const edit = rename(workspace.session, uri, position, newName);
    if (!edit) return null;
    const lines: string[] = [];
    for (const [target, edits] of Object.entries(edit.changes ?? {})) {
      const path = workspace.normalise(decodeURIComponent(target)).replace('file:///<root>/', '');
      for (const e of edits) lines.push(`${path}:${e.range.start.line + 1} ${e.newText}`);
    }
    return lines.sort();
  } finally {
    workspace.dispose();
  }
}

const cases: [string, Record<string, string>, string, string, string, string[] | null][] = [
  [
    'a schema field: the ORM attribute and every TS field and zod key mirroring it',
    SHOP,
    SCHEMAS,
    'description: str',
    'details',
    [
      `${FORMS}:6 details`,
      `${MODELS}:14 details`,
      `${SCHEMAS}:6 details`,
      `${TYPES}:10 details`,
      `${TYPES}:4 details`,
    ],
  ],
  [
    'an aliased field: the wire key stays, so its TS mirror stays; a sibling schema follows',
    SHOP,
    SCHEMAS,
    'location_id: int |',
    'place_id',
    [
      `${MODELS}:15 place_id`,
      `${SCHEMAS}:11 place_id`,
      `${SCHEMAS}:18 place_id`,
      `${TYPES}:11 place_id`,
    ],
  ],
  [
    'an ORM attribute: the schemas built on the model and their mirrors',
    SHOP,
    MODELS,
    'name: Mapped',
    'title',
    [
      `${FORMS}:5 title`,
      `${MODELS}:13 title`,
      `${SCHEMAS}:5 title`,
      `${TYPES}:3 title`,
      `${TYPES}:9 title`,
    ],
  ],
  [
    'an unpaired schema field renames only itself',
    SHOP,
    SCHEMAS,
    'actor',
    'user',
    [`${SCHEMAS}:22 user`],
  ],
  [
    'an alias generator: the camelCase TS key follows the new name',
    SUPPLIERS,
    SCHEMAS,
    'lead_time_days',
    'delivery_days',
    [`${SCHEMAS}:9 delivery_days`, `${TYPES}:3 deliveryDays`],
  ],
  ['a TS field is left to tsserver', SHOP, TYPES, 'description: string;', 'details', null],
  ['a class name is not a field', SHOP, SCHEMAS, 'PartBase(', 'Other', null],
];

describe('rename across layers', () => {
  it.each(cases)('%s', async (_name, files, file, needle, newName, expected) => {
    expect(await renameAt(files, file, needle, newName)).toEqual(expected && [...expected].sort());
  });

  it('refuses a new name that is not a Python identifier', async () => {
    await expect(renameAt(SHOP, SCHEMAS, 'description: str', 'not valid')).rejects.toThrow(
      RenameRejected,
    );
  });

  it('prepares on a Python field with its name as the placeholder, not on a TS field', async () => {
    const python = await workspaceWithCursor(markCursor(SHOP, SCHEMAS, 'description: str'));
    const typescript = await workspaceWithCursor(markCursor(SHOP, TYPES, 'description: string'));
    try {
      const { uri, position } = python.cursor;
      expect(prepareRename(python.session, uri, position)).toEqual({
        range: { start: { line: 5, character: 4 }, end: { line: 5, character: 15 } },
        placeholder: 'description',
      });
      const ts = typescript.cursor;
      expect(prepareRename(typescript.session, ts.uri, ts.position)).toBeNull();
    } finally {
      python.dispose();
      typescript.dispose();
    }
  });
});
