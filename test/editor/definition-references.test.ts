// Definition and references across the seam on the shop fixture. Each case puts the cursor on
// one spot and lists the places expected as `file:line` (1-based), in any order.
import { describe, expect, it } from 'vitest';
import type { Location } from 'vscode-languageserver/node';
import { definition } from '../../server/src/features/definition';
import { references } from '../../server/src/features/references';
import { markCursor, workspaceWithCursor } from '../helpers/cursor';
import { SHOP } from './shop-fixture';

const TYPES = 'frontend/src/types.ts';
const FORMS = 'frontend/src/forms.ts';
const SCHEMAS = 'backend/app/schemas.py';
const MODELS = 'backend/app/models.py';

type Feature = 'definition' | 'references';

async function placesAt(feature: Feature, file: string, needle: string): Promise<string[]> {
  const workspace = await workspaceWithCursor(markCursor(SHOP, file, needle));
  try {
    const { uri, position } = workspace.cursor;
    const locations =
      feature === 'definition'
        ? definition(workspace.session, uri, position)
        : references(workspace.session, uri, position, true);
    return locations.map((location) => place(workspace.root, location)).sort();
  } finally {
    workspace.dispose();
  }
}

function place(root: string, location: Location): string {
  const file = decodeURIComponent(location.uri).replace(`file://${root}/`, '');
  return `${file}:${location.range.start.line + 1}`;
}

const cases: [string, Feature, string, string, string[]][] = [
  ['TS field → Python field', 'definition', TYPES, 'description: string;', [`${SCHEMAS}:6`]],
  ['aliased TS field → Python field', 'definition', TYPES, 'locationId', [`${SCHEMAS}:18`]],
  ['zod key → Python field', 'definition', FORMS, 'description:', [`${SCHEMAS}:6`]],
  ['TS type → backend class', 'definition', TYPES, 'Part {', [`${SCHEMAS}:14`]],
  [
    'Python field → every TS field and zod key (not the possible mirror)',
    'definition',
    SCHEMAS,
    'description: str',
    [`${FORMS}:6`, `${TYPES}:10`, `${TYPES}:4`],
  ],
  ['class → TS types', 'definition', SCHEMAS, 'PartResponse(', [`${FORMS}:3`, `${TYPES}:1`]],
  ['a type name used in code is left to tsserver', 'definition', TYPES, 'Part): string', []],
  ['a field of an unpaired type', 'definition', TYPES, 'total', []],
  ['a field of a possible mirror only', 'definition', TYPES, 'weight', []],
  ['an ORM attribute (no schema pairs with a model)', 'definition', MODELS, 'description', []],
  [
    'references of a TS field: the Python field and its other mirrors',
    'references',
    TYPES,
    'description: string;',
    [`${FORMS}:6`, `${SCHEMAS}:6`, `${TYPES}:10`, `${TYPES}:4`],
  ],
  [
    'references of a Python field',
    'references',
    SCHEMAS,
    'description: str',
    [`${FORMS}:6`, `${SCHEMAS}:6`, `${TYPES}:10`, `${TYPES}:4`],
  ],
  ['references of a TS type', 'references', TYPES, 'Part {', [`${SCHEMAS}:14`, `${TYPES}:1`]],
];

describe('definition and references across the seam', () => {
  it.each(cases)('%s', async (_name, feature, file, needle, expected) => {
    expect(await placesAt(feature, file, needle)).toEqual([...expected].sort());
  });
});
