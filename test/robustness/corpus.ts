// The files the fuzz tests start from: every source file of examples/inventory and the synthetic
// files in fixtures/corpus, all from this repository, so the suite runs the same in CI.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { discoverFiles } from '../../server/src/workspace/discover';

export interface SourceFile {
  /** Workspace-relative path with forward slashes; its extension picks the grammar. */
  file: string;
  text: string;
}

export const EXAMPLE_ROOT = join(__dirname, '..', '..', 'examples', 'inventory');
const SYNTHETIC_FOLDER = join(__dirname, 'fixtures', 'corpus');

/** Where each synthetic file sits in the fuzzed workspace, so its imports can resolve. */
const SYNTHETIC_PLACES: Record<string, string> = {
  'backend_models.py.txt': 'shop/app/models.py',
  'backend_schemas.py.txt': 'shop/app/schemas.py',
  'backend_routes.py.txt': 'shop/app/routes.py',
  'migration_0001.py.txt': 'shop/alembic/versions/0001abcd_create_orders.py',
  'frontend_types.ts.txt': 'shop/web/types.ts',
  'frontend_api.ts.txt': 'shop/web/api.ts',
  'frontend_view.tsx.txt': 'shop/web/Orders.tsx',
};

export function exampleFiles(): SourceFile[] {
  return discoverFiles(EXAMPLE_ROOT).sources.map((file) => ({
    file,
    text: readFileSync(join(EXAMPLE_ROOT, file), 'utf8'),
  }));
}

export function syntheticFiles(): SourceFile[] {
  const names = readdirSync(SYNTHETIC_FOLDER).filter((name) => name in SYNTHETIC_PLACES);
  return names.sort().map((name) => ({
    file: SYNTHETIC_PLACES[name],
    text: readFileSync(join(SYNTHETIC_FOLDER, name), 'utf8'),
  }));
}

/** The whole fuzz corpus: the example workspace plus the synthetic files beside it. */
export function corpusFiles(): SourceFile[] {
  return [...exampleFiles(), ...syntheticFiles()];
}
