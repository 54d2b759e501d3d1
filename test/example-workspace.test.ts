// The bundled example: every planted bug is reported with the right code and place, and nothing
// else. The bugs are marked beside their lines in examples/inventory.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatMigrationMarkdown } from '../server/src/cli/formats/migration-markdown';
import { MIGRATION_RULES } from '../server/src/core/migrations/rules/registry';
import { listMigrations, reviewMigrations } from '../server/src/core/migrations/review';
import { RULES } from '../server/src/core/rules/registry';
import { analyzeWorkspace } from '../server/src/workspace/analyze-workspace';
import { loadWorkspace } from '../server/src/workspace/load-workspace';
import { findingKeys, markerKeys, readMarkers } from './helpers/markers';

const root = join(__dirname, '..', 'examples', 'inventory');

describe('examples/inventory', () => {
  it('reports exactly the planted bugs that the checks cover', async () => {
    const analyzed = await analyzeWorkspace(root);
    const ruleIds = new Set(RULES.map((rule) => rule.id));
    const markers = readMarkers(root);
    const checked = markers.filter((marker) => ruleIds.has(marker.code));
    expect(findingKeys(analyzed.findings)).toEqual(markerKeys(checked, analyzed.findings));
  });

  it('reports exactly the planted migration problems, in the backend or its versions', async () => {
    const { index } = await loadWorkspace(root);
    const migrationRuleIds = new Set(MIGRATION_RULES.map((rule) => rule.id));
    const planted = readMarkers(root).filter((marker) => migrationRuleIds.has(marker.code));
    for (const target of ['backend', 'backend/alembic/versions']) {
      const review = await reviewMigrations({ root, target: join(root, target), index });
      expect(findingKeys(review.findings)).toEqual(markerKeys(planted, review.findings));
    }
  });

  it('prints the review as a PR comment grouped by severity', async () => {
    const { index } = await loadWorkspace(root);
    const target = join(root, 'backend', 'alembic', 'versions');
    const markdown = formatMigrationMarkdown(await reviewMigrations({ root, target, index }));
    const headings = markdown.split('\n').filter((line) => line.startsWith('#'));
    expect(headings).toEqual([
      '## Seam migration review: `backend/alembic/versions`',
      '### Errors (3)',
      '### Warnings (1)',
    ]);
    const drift =
      '- **`migration-drift`** `backend/app/models/part.py:42`: Model `Part.datasheet_url`';
    expect(markdown).toContain(`${drift} has no migration`);
  });

  it('lists its migrations for a picker, newest last', async () => {
    const { index } = await loadWorkspace(root);
    const list = await listMigrations(root, index);
    expect(list.revisions.map((revision) => revision.id)).toEqual([
      '3f2a9c41d7e0',
      '8b1d5e07c2a4',
      'c47e1a9f3b58',
      'e9a05b6d21f3',
    ]);
    expect(list.heads).toEqual(['backend/alembic/versions/e9a05b6d21f3_widen_category_name.py']);
    expect(list.scripts).toEqual(['backend/scripts/migrate_add_product_url.py']);
  });
});
