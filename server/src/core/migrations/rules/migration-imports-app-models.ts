// migration-imports-app-models: a revision imports the application's ORM models. It then runs
// against today's models, not the schema at its point in the chain: once a model gains a column,
// the migration queries a column that does not exist yet and fails on a fresh database.
import type { Finding } from '../../findings/finding';
import type { IndexView, ResolvedEntity } from '../../index/resolved';
import type { ImportSpec, MigrationSource } from '../types';
import { finding, type MigrationRule, type MigrationRuleContext } from './rule';

const ORM_KINDS = new Set(['sqlmodel-table', 'sqlalchemy-model']);

export const migrationImportsAppModels: MigrationRule = {
  id: 'migration-imports-app-models',
  doc: 'A revision that imports the application ORM models.',
  defaultSeverity: 'warning',
  check(context) {
    const findings: Finding[] = [];
    const migrationFiles = new Set(context.sources.map((source) => source.file));
    for (const source of context.sources) {
      if (source.kind !== 'revision' || !context.reviewed(source.file)) continue;
      for (const spec of source.imports) {
        const models = importedModels(context, source, spec, migrationFiles);
        if (!models.length) continue;
        findings.push(importFinding(this, source, spec, models));
      }
    }
    return findings;
  },
};

function importedModels(
  context: MigrationRuleContext,
  source: MigrationSource,
  spec: ImportSpec,
  migrationFiles: Set<string>,
): ResolvedEntity[] {
  const isAppModel = (entity: ResolvedEntity | undefined): entity is ResolvedEntity =>
    !!entity && ORM_KINDS.has(entity.kind) && !entity.abstract && !migrationFiles.has(entity.file);
  const named = spec.names.map((name) => context.view.resolveEntity(source.file, name));
  const models = named.filter(isAppModel);
  if (models.length) return models;
  // `import app.models` or `from app import models`: a module that defines models.
  const modules = spec.names.length
    ? spec.names.map((name) => `${spec.module}.${name}`)
    : [spec.module];
  return modules.flatMap((module) => modelsInModule(context.view, module).filter(isAppModel));
}

function modelsInModule(view: IndexView, module: string): ResolvedEntity[] {
  if (module.startsWith('.')) return [];
  const path = module.split('.').join('/');
  const inModule = (file: string) =>
    file === `${path}.py` ||
    file.startsWith(`${path}/`) ||
    file.endsWith(`/${path}.py`) ||
    file.includes(`/${path}/`);
  return view.entities.filter((entity) => inModule(entity.file));
}

function importFinding(
  rule: MigrationRule,
  source: MigrationSource,
  spec: ImportSpec,
  models: ResolvedEntity[],
): Finding {
  const names = [...new Set(models.map((model) => `\`${model.name}\``))].slice(0, 3).join(', ');
  return finding(
    rule,
    source.file,
    spec.range,
    `Imports the application model${models.length > 1 ? 's' : ''} ${names}. The migration then ` +
      `uses today's model, not the schema at this revision: once the model gains a column, ` +
      `this migration queries a column that does not exist yet and fails on a fresh database. ` +
      `Declare the few columns it needs with \`sa.table(...)\` inside the migration.`,
    models
      .slice(0, 3)
      .map((model) => ({ file: model.file, range: model.range, message: 'the model' })),
  );
}
