// The workspace index: the facts of every file, replaced file by file as files change, and a
// joined view (resolved entities, routes with full paths, completed calls) built on demand and
// kept until the next change.
//
// The view is built in two halves, one per language: Python names resolve only to Python classes
// and TS names only to TS declarations, so an edit in one language leaves the other's half (its
// resolved entities, routes or calls, and the names already looked up) as it was, and the next
// view takes that half over, objects and all.
import type { EntityFact, FileFacts, ImportFact, Language, TypeAliasFact } from '../facts';
import { sameList } from '../objects';
import { finish, type Pausable } from '../pausable';
import { CallResolver } from './calls';
import { PythonEntityResolver } from './python-entities';
import { PythonModules } from './python-modules';
import type { IndexView, ResolvedCall, ResolvedEntity, ResolvedRoute } from './resolved';
import { RouteResolver } from './routes';
import { TypeScriptEntityResolver } from './typescript-entities';
import { TypeScriptModules, type TsPathConfig } from './typescript-modules';

type PerLanguage<T> = Record<Language, T>;

export class WorkspaceIndex {
  private readonly files = new Map<string, FileFacts>();
  private tsConfigs: TsPathConfig[] = [];
  private cachedView: IndexView | undefined;
  /** Increases with every change; consumers compare it to know whether their results are stale. */
  version = 0;
  /** Increases, per language, with every change to that language's files (or the tsconfigs). */
  private readonly contentVersions: PerLanguage<number> = { python: 0, typescript: 0 };
  /**
   * Increases, per language, when what module and name resolution read changes in a way its maps
   * cannot follow: files come or go, the tsconfigs change, or (TS only) a file's imports or
   * top-level names change. An edit inside a class body leaves it, and the next view keeps the
   * module maps and the names they already resolved; the Python maps also follow a changed
   * surface, forgetting only the names resolved through that file.
   */
  private readonly surfaceVersions: PerLanguage<number> = { python: 0, typescript: 0 };
  /** Python files whose surface changed since the Python module maps last saw them. */
  private readonly pythonSurfacesChanged = new Set<string>();
  private pythonModules: Kept<PythonModules> | undefined;
  private typescriptModules: Kept<TypeScriptModules> | undefined;
  private halves: Partial<Halves> = {};

  setFile(facts: FileFacts): void {
    const previous = this.files.get(facts.file);
    if (!previous) this.filesCameOrWent();
    else if (!sameSurface(previous, facts)) this.surfaceChanged(facts);
    this.files.set(facts.file, facts);
    this.changed(facts.language);
  }

  removeFile(file: string): void {
    const previous = this.files.get(file);
    if (!previous) return;
    this.files.delete(file);
    this.filesCameOrWent();
    this.changed(previous.language);
  }

  setTsConfigs(configs: TsPathConfig[]): void {
    this.tsConfigs = configs;
    this.surfaceVersions.typescript++;
    this.changed('typescript');
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
   * files that change during a pause do not reach it; it and its halves are kept only when none
   * did.
   */
  *viewWork(): Pausable<IndexView> {
    if (this.cachedView) return this.cachedView;
    const version = this.version;
    const versions = { ...this.contentVersions };
    const files = new Map(this.files);
    const halves: Halves = {
      python:
        this.keptHalf('python', versions) ??
        pythonHalf(files, this.pythonModulesFor(files), this.halves.python),
      typescript:
        this.keptHalf('typescript', versions) ??
        typescriptHalf(files, this.typescriptModulesFor(files)),
    };
    const view = yield* buildView(files, halves);
    if (this.version === version) {
      this.cachedView = view;
      this.halves = halves;
      halves.python.version = versions.python;
      halves.typescript.version = versions.typescript;
    }
    return view;
  }

  private keptHalf<L extends Language>(language: L, versions: PerLanguage<number>) {
    const half = this.halves[language];
    return half?.version === versions[language] ? half : undefined;
  }

  /**
   * The module maps, kept while no surface of their language changed. Kept maps read an older
   * copy of the file map, which differs from the current one only in what they do not read.
   */
  private pythonModulesFor(files: ReadonlyMap<string, FileFacts>): PythonModules {
    if (this.pythonModules?.surfaceVersion !== this.surfaceVersions.python) {
      this.pythonModules = {
        surfaceVersion: this.surfaceVersions.python,
        value: new PythonModules(files),
      };
    } else if (this.pythonSurfacesChanged.size) {
      this.pythonModules.value.refresh(files, this.pythonSurfacesChanged);
    }
    this.pythonSurfacesChanged.clear();
    return this.pythonModules.value;
  }

  private typescriptModulesFor(files: ReadonlyMap<string, FileFacts>): TypeScriptModules {
    if (this.typescriptModules?.surfaceVersion !== this.surfaceVersions.typescript) {
      this.typescriptModules = {
        surfaceVersion: this.surfaceVersions.typescript,
        value: new TypeScriptModules(files, this.tsConfigs),
      };
    }
    return this.typescriptModules.value;
  }

  /**
   * A Python file's imports or top-level names changed: the Python module maps forget what they
   * resolved through it. TS module maps are rebuilt.
   */
  private surfaceChanged(facts: FileFacts): void {
    if (facts.language === 'python') this.pythonSurfacesChanged.add(facts.file);
    else this.surfaceVersions.typescript++;
  }

  /** A file that comes or goes may be what an import of either language names: rare enough. */
  private filesCameOrWent(): void {
    for (const language of ['python', 'typescript'] as const) {
      this.surfaceVersions[language]++;
      this.contentVersions[language]++;
    }
  }

  private changed(language: Language): void {
    this.version++;
    this.contentVersions[language]++;
    this.cachedView = undefined;
  }
}

interface Kept<T> {
  surfaceVersion: number;
  value: T;
}

interface Half {
  /** The content version of its language it was built from; set once its view is kept. */
  version?: number;
  /** Its language's classes or declarations per file, in the order the view lists them. */
  byFile: Map<string, EntityFact[]>;
  resolver: PythonEntityResolver | TypeScriptEntityResolver;
  /** What names used in its files resolved to, by file and name. */
  names: Map<string, ResolvedEntity | null>;
}

interface PythonHalf extends Half {
  resolver: PythonEntityResolver;
  modules: PythonModules;
  routes?: ResolvedRoute[];
}

interface TypeScriptHalf extends Half {
  modules: TypeScriptModules;
  calls?: ResolvedCall[];
  resolveTypeAlias: IndexView['resolveTypeAlias'];
}

interface Halves {
  python: PythonHalf;
  typescript: TypeScriptHalf;
}

/**
 * `previous`: the half before; this one takes over its classes where nothing they read changed.
 */
function pythonHalf(
  files: ReadonlyMap<string, FileFacts>,
  modules: PythonModules,
  previous: PythonHalf | undefined,
): PythonHalf {
  const { lookup, byFile } = declaredIn(files, 'python');
  const resolver = new PythonEntityResolver(modules, lookup, previous?.resolver.resolutions);
  return { byFile, resolver, modules, names: new Map() };
}

function typescriptHalf(
  files: ReadonlyMap<string, FileFacts>,
  modules: TypeScriptModules,
): TypeScriptHalf {
  const { lookup, byFile } = declaredIn(files, 'typescript');
  const resolver = new TypeScriptEntityResolver(modules, lookup);
  const resolveTypeAlias = typeAliasResolver(files, modules);
  return { byFile, resolver, modules, names: new Map(), resolveTypeAlias };
}

/**
 * One language's classes or declarations: a lookup by file and name, and the list per file in
 * its order, where a name declared twice counts once, where it first appears, with its last
 * declaration.
 */
function declaredIn(files: ReadonlyMap<string, FileFacts>, language: Language) {
  const declared = new Map<string, EntityFact>();
  const byFile = new Map<string, EntityFact[]>();
  for (const facts of files.values()) {
    if (facts.language !== language || !facts.entities.length || isMigrationScript(facts)) continue;
    const named = new Map<string, EntityFact>();
    for (const entity of facts.entities) named.set(entity.name, entity);
    byFile.set(facts.file, [...named.values()]);
    for (const entity of named.values()) declared.set(`${entity.file}#${entity.name}`, entity);
  }
  const lookup = (file: string, name: string) => declared.get(`${file}#${name}`);
  return { lookup, byFile };
}

function* buildView(files: ReadonlyMap<string, FileFacts>, halves: Halves): Pausable<IndexView> {
  const { python, typescript } = halves;
  const entities: ResolvedEntity[] = [];
  const entityById = new Map<string, ResolvedEntity>();
  // In the order of the files, and in each file in the order of `declaredIn`.
  for (const facts of files.values()) {
    const half = facts.language === 'python' ? python : typescript;
    for (const entity of half.byFile.get(facts.file) ?? []) {
      const resolved = half.resolver.resolve(entity);
      if (!resolved) continue;
      entities.push(resolved);
      entityById.set(resolved.id, resolved);
      yield;
    }
  }

  // Every field's type names are resolved again by each rule that reads it; imports are followed
  // once per name and file, and the answers stay with the half.
  const resolveEntity = (file: string, name: string): ResolvedEntity | undefined => {
    const half = file.endsWith('.py') ? python : typescript;
    const key = `${file}\0${name}`;
    let entity = half.names.get(key);
    if (entity === undefined) {
      const declared = half.resolver.entityNamed(file, name);
      entity = (declared && entityById.get(declared.id)) ?? null;
      half.names.set(key, entity);
    }
    return entity ?? undefined;
  };
  python.routes ??= yield* new RouteResolver(files, python.modules, resolveEntity).resolveAll();
  typescript.calls ??= yield* new CallResolver(files, typescript.modules).resolveAll();
  return {
    entities,
    entityById,
    routes: python.routes,
    calls: typescript.calls,
    resolveEntity,
    resolveTypeAlias: typescript.resolveTypeAlias,
    pythonModules: python.modules,
  };
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

/** Whether two versions of a file import and declare the same names (see `surfaceVersions`). */
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
