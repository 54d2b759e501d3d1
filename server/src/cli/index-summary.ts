// The human summary printed by `seam index` without --json.
import type { LoadedWorkspace } from '../workspace/load-workspace';

export function indexSummary(workspace: LoadedWorkspace): string {
  const view = workspace.index.view();
  const count = (predicate: (kind: string) => boolean) =>
    view.entities.filter((e) => !e.abstract && predicate(e.kind)).length;
  const python = workspace.files.filter((f) => f.endsWith('.py')).length;
  const lines = [
    `Indexed ${workspace.files.length} files (${python} Python, ` +
      `${workspace.files.length - python} TypeScript) in ${Math.round(workspace.milliseconds)} ms`,
    `  Pydantic schemas   ${count((k) => k === 'pydantic-model' || k === 'sqlmodel-model')}`,
    `  ORM models         ${count((k) => k === 'sqlmodel-table' || k === 'sqlalchemy-model')}`,
    `  Python enums       ${count((k) => k === 'enum')}`,
    `  TS types           ${count((k) => k === 'ts-interface' || k === 'ts-type' || k === 'ts-enum')}`,
    `  zod schemas        ${count((k) => k === 'zod-schema')}`,
    `  routes             ${view.routes.length}`,
    `  API calls          ${view.calls.length}`,
  ];
  if (workspace.skipped.length) lines.push(`  skipped files      ${workspace.skipped.length}`);
  return lines.join('\n');
}
