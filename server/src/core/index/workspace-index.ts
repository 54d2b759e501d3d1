// The workspace index: the facts of every file, replaced file by file as files change, and a
// joined view (resolved entities, routes with full paths, completed calls) built on demand and
// kept until the next change.
import type { EntityFact, FileFacts, ImportFact, TypeAliasFact } from '../facts';
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
  /**
   * Increases when files come or go, or a file's imports or top-level names change: what module
   * and name resolution read. An edit inside a class body leaves it, and the next view keeps the
   * module maps and the names they already resolved.
   */
  private surfaceVersion = 0;
  private modules: (Modules & { surfaceVersion: number }) | undefined;

  setFile(facts: FileFacts): void {
    const previous = this.files.get(facts.file);
    if (!previous || !sameSurface(previous, facts)) this.surfaceVersion++;
    this.files.set(facts.file, facts);
    this.changed();
  }

  removeFile(file: string): void {
    if (!this.files.delete(file)) return;
    this.surfaceVersion++;
    this.changed();
  }

  setTsConfigs(configs: TsPathConfig[]): void {
    this.tsConfigs = configs;
    this.surfaceVersion++;
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
    const files = new Map(this.files);
    const view = yield* buildView(files, this.modulesFor(files));
    if (this.version === version) this.cachedView = view;
    return view;
  }

  /**
   * The module maps, kept while no surface changed. Kept maps read an older copy of the file
   * map, which differs from the current one only in what they do not read.
   */
  private modulesFor(files: ReadonlyMap<string, FileFacts>): Modules {
    if (this.modules?.surfaceVersion !== this.surfaceVersion) {
      this.modules = {
        surfaceVersion: this.surfaceVersion,
        python: new PythonModules(files),
        typescript: new TypeScriptModules(files, this.tsConfigs),
      };
    }
    return this.modules;
  }

  private changed(): void {
    this.version++;
    this.cachedView = undefined;
  }
}

interface Modules {
  python: PythonModules;
  typescript: TypeScriptModules;
}

function* buildView(files: ReadonlyMap<string, FileFacts>, modules: Modules): Pausable<IndexView> {
  const declared = new Map<string, EntityFact>();
  for (const facts of files.values()) {
    if (isMigrationScript(facts)) continue;
    for (const entity of facts.entities) declared.set(`${entity.file}#${entity.name}`, entity);
  }
  const lookup = (file: string, name: string) => declared.get(`${file}#${name}`);
  const { python: pythonModules, typescript: typescriptModules } = modules;
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

/** Whether two versions of a file import and declare the same names (see `surfaceVersion`). */
function sameSurface(a: FileFacts, b: FileFacts): boolean {
  return (
    a.language === b.language &&
    sameList(a.imports, b.imports, sameImport) &&
    sameNames(a.entities, b.entities, (entity) => entity.name) &&
    sameNames(a.routers, b.routers, (router) => router.varName) &&
    sameNames(a.tables ?? [], b.tables ?? [], (table) => table.variable) &&
    sameNames(a.constants, b.constants, (constant) => constant.name) &&
    sameNames(a.wrappers, b.wrappers, (wrapper) => wrapper.name) &&
    sameNames(a.typeAliases ?? [], b.typeAliases ?? [], (alias) => alias.name)
  );
}

function sameImport(a: ImportFact, b: ImportFact): boolean {
  return (
    a.module === b.module &&
    a.namespace === b.namespace &&
    a.reexport === b.reexport &&
    sameList(a.names, b.names, (x, y) => x.name === y.name && x.alias === y.alias)
  );
}

function sameNames<T>(a: readonly T[], b: readonly T[], name: (item: T) => string | undefined) {
  return sameList(a, b, (x, y) => name(x) === name(y));
}

function sameList<T>(a: readonly T[], b: readonly T[], same: (x: T, y: T) => boolean): boolean {
  return a.length === b.length && a.every((item, i) => same(item, b[i]));
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
