// Code actions on the shop fixture: the titles offered at a cursor (with the diagnostics on its
// line, as the editor sends them), and what applying one does to the file.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CodeAction } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { codeActions } from '../../server/src/features/code-actions';
import { diagnosticsByFile } from '../../server/src/features/diagnostics';
import { markCursor, workspaceWithCursor, type CursorWorkspace } from '../helpers/cursor';
import { SHOP } from './shop-fixture';

const TYPES = 'frontend/src/types.ts';
const FORMS = 'frontend/src/forms.ts';
const SCHEMAS = 'backend/app/schemas.py';
const MODELS = 'backend/app/models.py';

async function withActions<T>(
  file: string,
  needle: string,
  use: (actions: CodeAction[], workspace: CursorWorkspace) => T,
  files = SHOP,
): Promise<T> {
  const workspace = await workspaceWithCursor(markCursor(files, file, needle));
  try {
    const { uri, position } = workspace.cursor;
    const root = workspace.session.roots[0];
    const { findings } = workspace.session.check(root);
    const diagnostics = (
      diagnosticsByFile(root.path, findings).get(join(root.path, file)) ?? []
    ).filter((d) => d.range.start.line === position.line);
    const actions = codeActions(workspace.session, uri, position, { diagnostics });
    return use(actions, workspace);
  } finally {
    workspace.dispose();
  }
}

/** The lines an action changes in `file`, after applying its edit there. */
function changedLines(workspace: CursorWorkspace, action: CodeAction, file: string): string[] {
  const before = workspace.text(file);
  const edits = action.edit?.changes?.[workspace.uri(file)] ?? [];
  const after = TextDocument.applyEdits(TextDocument.create('', '', 0, before), edits);
  const unmatched = new Map<string, number>();
  for (const line of before.split('\n')) unmatched.set(line, (unmatched.get(line) ?? 0) + 1);
  return after.split('\n').filter((line) => {
    const count = unmatched.get(line) ?? 0;
    unmatched.set(line, count - 1);
    return count <= 0;
  });
}

const offered: [string, string, string, string[]][] = [
  [
    'a nullability finding with the fix its rule carries',
    TYPES,
    'description: string;',
    ['Add `| null`', 'Ignore field-nullability here (seam-ignore with a reason)'],
  ],
  [
    'an optional request field the schema requires',
    TYPES,
    'location_id?',
    [
      'Ignore request-field-required here (seam-ignore with a reason)',
      'Make it required (remove `?`)',
    ],
  ],
  [
    'a foreign key without an index',
    MODELS,
    'location_id',
    [
      'Add index=True',
      'Ignore foreign-key-index here (seam-ignore with a reason)',
      'Keep the column name "location_id" stable: mapped_column("location_id", …)',
    ],
  ],
  ['a schema header', SCHEMAS, 'PartResponse(', ['Generate TS interface from PartResponse']],
  [
    'a schema field without an alias',
    SCHEMAS,
    'name: str',
    ['Keep the wire name "name" stable: add alias="name"'],
  ],
  ['a schema field that has an alias', SCHEMAS, 'location_id: int |', []],
  ['a TS line without findings', TYPES, 'name: string;', []],
  [
    'a zod schema with unsent fields (no insert fix for zod)',
    FORMS,
    'partSchema',
    ['Ignore response-field-unused here (seam-ignore with a reason)'],
  ],
];

describe('code actions offered', () => {
  it.each(offered)('%s', async (_name, file, needle, titles) => {
    const offeredTitles = await withActions(file, needle, (actions) =>
      actions.map((a) => a.title).sort(),
    );
    expect(offeredTitles).toEqual(titles);
  });
});

const applied: [string, string, string, string, string[]][] = [
  ['Add `| null`', TYPES, 'description: string;', 'Add', ['  description: string | null;']],
  ['remove ?', TYPES, 'location_id?', 'Make it required', ['  location_id: number;']],
  [
    'seam-ignore above a TS field',
    TYPES,
    'description: string;',
    'Ignore',
    ['  // seam-ignore field-nullability: <reason>'],
  ],
  [
    'index=True',
    MODELS,
    'location_id',
    'Add index=True',
    ['    location_id: Mapped[int | None] = mapped_column(ForeignKey("locations.id"), index=True)'],
  ],
  [
    'seam-ignore above a Python field',
    MODELS,
    'location_id',
    'Ignore',
    ['    # seam-ignore foreign-key-index: <reason>'],
  ],
  [
    'pin the column name',
    MODELS,
    'location_id',
    'Keep the column name',
    [
      '    location_id: Mapped[int | None] = ' +
        'mapped_column("location_id", ForeignKey("locations.id"))',
    ],
  ],
  [
    'pin the wire name',
    SCHEMAS,
    'name: str',
    'Keep the wire name',
    ['    name: str = Field(min_length=1, max_length=120, alias="name")'],
  ],
  [
    'pin the wire name of a field with a plain default',
    SCHEMAS,
    'description: str',
    'Keep the wire name',
    ['    description: str | None = Field(default=None, alias="description")'],
  ],
];

describe('code actions applied', () => {
  it.each(applied)('%s', async (_name, file, needle, titleStart, lines) => {
    const changed = await withActions(file, needle, (actions, workspace) => {
      const action = actions.find((a) => a.title.startsWith(titleStart));
      return action ? changedLines(workspace, action, file) : ['(no action)'];
    });
    expect(changed).toEqual(lines);
  });

  it('runs the generate command with the class id', async () => {
    const command = await withActions(SCHEMAS, 'PartResponse(', (actions) => actions[0].command);
    expect(command?.command).toBe('seam.generateTsInterface');
    expect(command?.arguments?.[0]).toMatchObject({ entity: `${SCHEMAS}#PartResponse` });
  });

  it('keeps a JSDoc attached: the seam-ignore goes at the end of the line instead', async () => {
    const documented = SHOP[TYPES].replace(
      '  description: string;',
      '  /** Shown in the list. */\n      description: string;',
    );
    const changed = await withActions(
      TYPES,
      'description: string;',
      (actions, workspace) => {
        const ignore = actions.find((a) => a.title.startsWith('Ignore'));
        return ignore ? changedLines(workspace, ignore, TYPES) : [];
      },
      { ...SHOP, [TYPES]: documented },
    );
    expect(changed).toEqual(['  description: string; // seam-ignore field-nullability: <reason>']);
  });
});

describe('code action kinds', () => {
  const cases: [string, string, string[], string[]][] = [
    ['quick fixes only', MODELS, ['quickfix'], ['quickfix', 'quickfix']],
    ['refactors only', MODELS, ['refactor'], ['refactor.rewrite']],
    ['one refactor kind', MODELS, ['refactor.rewrite'], ['refactor.rewrite']],
    ['another kind', MODELS, ['source.organizeImports'], []],
  ];
  it.each(cases)('%s', async (_name, file, only, kinds) => {
    const workspace = await workspaceWithCursor(markCursor(SHOP, file, 'location_id'));
    try {
      const { uri, position } = workspace.cursor;
      const root = workspace.session.roots[0];
      const { findings } = workspace.session.check(root);
      const diagnostics = (
        diagnosticsByFile(root.path, findings).get(join(root.path, file)) ?? []
      ).filter((d) => d.range.start.line === position.line);
      const actions = codeActions(workspace.session, uri, position, { diagnostics, only });
      expect(actions.map((a) => a.kind)).toEqual(kinds);
    } finally {
      workspace.dispose();
    }
  });
});

describe('missing request fields', () => {
  it('adds the required fields a payload lacks, with their wire types', async () => {
    const payload = SHOP[TYPES].replace(
      '      name: string;\n      description?',
      '      description?',
    );
    const changed = await withActions(
      TYPES,
      'PartCreatePayload',
      (actions, workspace) => {
        const add = actions.find((a) => a.title.startsWith('Add the required field'));
        return add ? [add.title, ...changedLines(workspace, add, TYPES)] : [];
      },
      { ...SHOP, [TYPES]: payload },
    );
    expect(changed).toEqual(['Add the required field `name`', '  name: string;']);
  });
});
