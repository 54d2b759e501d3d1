// The workspace index: the facts of every file, replaced file by file as files change, and a
// joined view (resolved entities, routes with full paths, completed calls) built on demand and
// kept until the next change.
import type { EntityFact, FileFacts, TypeAliasFact } from '../facts';
import { finish, type Pausable } from '../pausable';
import { CallResolver } from './calls';
import { PythonEntityResolver } from './python-entities';
import { PythonModules } from './python-modules';
import type { IndexView, ResolvedEntity } from './resolved';
import { RouteResolver } from './routes';
import { TypeScriptEntityResolver } from './typescript-entities';
import { TypeScriptModules, type TsPathConfig } from './typescript-modules';

export class WorkspaceIndex {
  private readonly files = new Map<string, FileFacts>();
  private tsConfigs: TsPathConfig[] = [];
  private cachedView: IndexView | undefined;
  /** Increases with every change; consumers compare it to know whether their results are stale. */
  version = 0;

  setFile(facts: FileFacts): void {
    this.files.set(facts.file, facts);
    this.changed();
  }

  removeFile(file: string): void {
    if (this.files.delete(file)) this.changed();
  }

  setTsConfigs(configs: TsPathConfig[]): void {
    this.tsConfigs = configs;
    this.changed();
  }

  get tsPathConfigs(): TsPathConfig[] {
    return this.tsConfigs;
  }

  fileFacts(file: string): FileFacts | undefined {
    return this.files.get(file);
  }

  allFacts(): IterableIterator<FileFacts> {
    return this.files.values();
  }

  get fileCount(): number {
    return this.files.size;
  }

  /** The joined view of the whole workspace, built once per version. */
  view(): IndexView {
    return finish(this.viewWork());
  }

  /**
   * The view as pausable work (see core/pausable.ts). It is built over a copy of the file map, so
   * files that change during a pause do not reach it; it is kept only when none did.
   */
  *viewWork(): Pausable<IndexView> {
    if (this.cachedView) return this.cachedView;
    const version = this.version;
    const view = yield* buildView(new Map(this.files), this.tsConfigs);
    if (this.version === version) this.cachedView = view;
    return view;
  }

  private changed(): void {
    this.version++;
    this.cachedView = undefined;
  }
}

function* buildView(
  files: ReadonlyMap<string, FileFacts>,
  tsConfigs: TsPathConfig[],
): Pausable<IndexView> {
  const declared = new Map<string, EntityFact>();
  for (const facts of files.values()) {
    if (isMigrationScript(facts)) continue;
    for (const entity of facts.entities) declared.set(`${entity.file}#${entity.name}`, entity);
  }
  const lookup = (file: string, name: string) => declared.get(`${file}#${name}`);
  const pythonModules = new PythonModules(files);
  const typescriptModules = new TypeScriptModules(files, tsConfigs);
  const python = new PythonEntityResolver(pythonModules, lookup);
  const typescript = new TypeScriptEntityResolver(typescriptModules, lookup);

  const entities: ResolvedEntity[] = [];
  const entityById = new Map<string, ResolvedEntity>();
  for (const entity of declared.values()) {
    const resolved =
      entity.language === 'python' ? python.resolve(entity) : typescript.resolve(entity);
    if (!resolved) continue;
    entities.push(resolved);
    entityById.set(resolved.id, resolved);
    yield;
  }

  // Every field's type names are resolved again by each rule that reads it; imports are followed
  // once per name and file.
  const resolved = new Map<string, ResolvedEntity | null>();
  const resolveEntity = (file: string, name: string): ResolvedEntity | undefined => {
    const key = `${file}\0${name}`;
    let entity = resolved.get(key);
    if (entity === undefined) {
      const resolver = file.endsWith('.py') ? python : typescript;
      const declared = resolver.entityNamed(file, name);
      entity = (declared && entityById.get(declared.id)) ?? null;
      resolved.set(key, entity);
    }
    return entity ?? undefined;
  };
  const routes = yield* new RouteResolver(files, pythonModules, resolveEntity).resolveAll();
  const calls = yield* new CallResolver(files, typescriptModules).resolveAll();
  const resolveTypeAlias = typeAliasResolver(files, typescriptModules);
  return { entities, entityById, routes, calls, resolveEntity, resolveTypeAlias };
}

function typeAliasResolver(
  files: ReadonlyMap<string, FileFacts>,
  modules: TypeScriptModules,
): IndexView['resolveTypeAlias'] {
  // Gathered on the first question, not with every view: only names that are no entity ask.
  let aliases: Map<string, TypeAliasFact> | undefined;
  return (file, name) => {
    if (file.endsWith('.py')) return undefined;
    aliases ??= aliasesByName(files);
    if (!aliases.size) return undefined;
    const symbol = modules.resolveDotted(file, name);
    if (symbol.kind !== 'name') return undefined;
    const alias = aliases.get(`${symbol.file}#${symbol.name}`);
    return alias && { file: symbol.file, alias };
  };
}

function aliasesByName(files: ReadonlyMap<string, FileFacts>): Map<string, TypeAliasFact> {
  const aliases = new Map<string, TypeAliasFact>();
  for (const facts of files.values())
    for (const alias of facts.typeAliases ?? []) aliases.set(`${facts.file}#${alias.name}`, alias);
  return aliases;
}

/**
 * Alembic revisions sometimes declare throwaway copies of tables for data migrations; those are
 * not the application's models, and the migration review reads revisions on its own.
 */
export function isMigrationScript(facts: FileFacts): boolean {
  return (
    facts.language === 'python' &&
    /(^|\/)(alembic|migrations)\/versions\/[^/]+\.py$/.test(facts.file)
  );
}
