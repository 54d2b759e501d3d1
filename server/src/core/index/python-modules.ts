// Python module and name resolution across the workspace: absolute and relative imports,
// `__init__.py` re-exports and star imports, so a name used in one file resolves to its definer.
import type { FileFacts } from '../facts';

export type PythonSymbol =
  | { kind: 'module'; file: string }
  | { kind: 'name'; file: string; name: string }
  | { kind: 'unresolved' };

const UNRESOLVED: PythonSymbol = { kind: 'unresolved' };
const MAX_DEPTH = 12;

export class PythonModules {
  /** Module path without extension (`app/models/__init__` → `app/models`) → files. */
  private readonly byModulePath = new Map<string, string[]>();
  /** Module paths by their last segment, so a suffix lookup scans a handful, not every module. */
  private readonly byLastSegment = new Map<string, string[]>();
  private readonly moduleCache = new Map<string, string | undefined>();
  /** Names asked from outside; the index keeps these maps from one view to the next. */
  private readonly nameCache = new Map<string, PythonSymbol>();
  /** For each file, the names in `nameCache` whose resolution read its facts. */
  private readonly readers = new Map<string, Set<string>>();
  /** The files read by the resolution under way. */
  private reading: Set<string> | undefined;

  constructor(private facts: ReadonlyMap<string, FileFacts>) {
    for (const file of facts.keys()) {
      if (!file.endsWith('.py')) continue;
      const modulePath = file.replace(/\.py$/, '').replace(/(^|\/)__init__$/, '');
      const list = this.byModulePath.get(modulePath) ?? [];
      list.push(file);
      this.byModulePath.set(modulePath, list);
      if (list.length === 1) {
        const last = modulePath.slice(modulePath.lastIndexOf('/') + 1);
        const paths = this.byLastSegment.get(last) ?? [];
        paths.push(modulePath);
        this.byLastSegment.set(last, paths);
      }
    }
  }

  /**
   * Takes the files' new facts after some changed their imports or top-level names (none came or
   * went: the module paths stay), and forgets the names whose resolution read those files.
   */
  refresh(facts: ReadonlyMap<string, FileFacts>, changed: Iterable<string>): void {
    this.facts = facts;
    for (const file of changed) {
      for (const key of this.readers.get(file) ?? []) this.nameCache.delete(key);
      this.readers.delete(file);
    }
  }

  /** The file of `module` imported from `fromFile`; relative modules start with dots. */
  resolveModule(fromFile: string, module: string): string | undefined {
    const key = `${fromFile}\0${module}`;
    if (!this.moduleCache.has(key)) this.moduleCache.set(key, this.findModule(fromFile, module));
    return this.moduleCache.get(key);
  }

  private findModule(fromFile: string, module: string): string | undefined {
    const dots = /^\.*/.exec(module)![0].length;
    const rest = module.slice(dots).split('.').filter(Boolean).join('/');
    if (dots > 0) {
      const folder = fromFile.split('/').slice(0, -dots).join('/');
      return this.fileOfModulePath([folder, rest].filter(Boolean).join('/'));
    }
    return this.closestBySuffix(fromFile, rest);
  }

  private fileOfModulePath(modulePath: string): string | undefined {
    return this.byModulePath.get(modulePath)?.[0];
  }

  /**
   * An absolute module matches any file whose path ends with it (the source root is unknown);
   * the candidate sharing the longest folder prefix with the importing file wins.
   */
  private closestBySuffix(fromFile: string, modulePath: string): string | undefined {
    let best: string | undefined;
    let bestShared = -1;
    const last = modulePath.slice(modulePath.lastIndexOf('/') + 1);
    for (const candidate of this.byLastSegment.get(last) ?? []) {
      if (candidate !== modulePath && !candidate.endsWith(`/${modulePath}`)) continue;
      const shared = sharedPrefixLength(fromFile, candidate);
      if (shared > bestShared) [best, bestShared] = [this.byModulePath.get(candidate)![0], shared];
    }
    return best;
  }

  /**
   * What a (possibly dotted) name used in `file` refers to: a module, or a name defined at the
   * top of some file. Follows `from x import y` chains through `__init__.py` re-exports.
   */
  resolveName(file: string, dottedName: string, depth = 0): PythonSymbol {
    if (depth > 0) return this.findName(file, dottedName, depth);
    const key = `${file}\0${dottedName}`;
    let symbol = this.nameCache.get(key);
    if (symbol) return symbol;
    // Resolution recurses with depth > 0, past this cache, so these calls never nest.
    const read = (this.reading = new Set());
    try {
      symbol = this.findName(file, dottedName, 0);
    } finally {
      this.reading = undefined;
    }
    this.nameCache.set(key, symbol);
    for (const readFile of read) {
      const keys = this.readers.get(readFile);
      if (keys) keys.add(key);
      else this.readers.set(readFile, new Set([key]));
    }
    return symbol;
  }

  private findName(file: string, dottedName: string, depth: number): PythonSymbol {
    if (depth > MAX_DEPTH) return UNRESOLVED;
    this.reading?.add(file);
    const [head, ...rest] = dottedName.split('.');
    const facts = this.facts.get(file);
    if (!facts) return UNRESOLVED;

    if (definesName(facts, head)) {
      return rest.length ? UNRESOLVED : { kind: 'name', file, name: head };
    }
    const bound = this.resolveImportedHead(facts, head, depth);
    if (bound) return this.continueInto(bound, rest, depth);
    return this.resolveThroughStarImports(facts, dottedName, depth);
  }

  private resolveImportedHead(facts: FileFacts, head: string, depth: number): PythonSymbol | null {
    for (const statement of facts.imports) {
      if (statement.namespace === head) {
        const target = this.resolveModule(facts.file, statement.module);
        return target ? { kind: 'module', file: target } : UNRESOLVED;
      }
      const imported = statement.names.find((n) => n.alias === head && n.name !== '*');
      if (imported)
        return this.resolveFromImport(facts.file, statement.module, imported.name, depth);
      if (!statement.names.length && !statement.namespace) {
        // `import a.b` binds `a`; the dotted use `a.b.X` is resolved by continueInto.
        const top = statement.module.split('.')[0];
        if (top === head) return this.moduleOrUnresolved(facts.file, top);
      }
    }
    return null;
  }

  private resolveFromImport(file: string, module: string, name: string, depth: number) {
    const submodule = this.resolveModule(
      file,
      module.endsWith('.') ? module + name : `${module}.${name}`,
    );
    const target = this.resolveModule(file, module);
    if (target) {
      const found = this.resolveName(target, name, depth + 1);
      if (found.kind !== 'unresolved') return found;
    }
    return submodule ? ({ kind: 'module', file: submodule } as const) : UNRESOLVED;
  }

  private moduleOrUnresolved(file: string, module: string): PythonSymbol {
    const target = this.resolveModule(file, module);
    return target ? { kind: 'module', file: target } : UNRESOLVED;
  }

  private continueInto(symbol: PythonSymbol, rest: string[], depth: number): PythonSymbol {
    if (!rest.length || symbol.kind !== 'module') return rest.length ? UNRESOLVED : symbol;
    const submodulePath = `${symbol.file.replace(/(\/__init__)?\.py$/, '')}/${rest[0]}`;
    const submodule = this.fileOfModulePath(submodulePath);
    const inModule = this.resolveName(symbol.file, rest.join('.'), depth + 1);
    if (inModule.kind !== 'unresolved' || !submodule) return inModule;
    return this.continueInto({ kind: 'module', file: submodule }, rest.slice(1), depth + 1);
  }

  private resolveThroughStarImports(facts: FileFacts, name: string, depth: number): PythonSymbol {
    for (const statement of facts.imports) {
      if (!statement.names.some((n) => n.name === '*')) continue;
      const target = this.resolveModule(facts.file, statement.module);
      if (!target || target === facts.file) continue;
      const found = this.resolveName(target, name, depth + 1);
      if (found.kind !== 'unresolved') return found;
    }
    return UNRESOLVED;
  }
}

/** Names a Python file defines at its top: classes, routers, Core tables and constants. */
function definesName(facts: FileFacts, name: string): boolean {
  return (
    facts.entities.some((entity) => entity.name === name) ||
    facts.routers.some((router) => router.varName === name) ||
    !!facts.tables?.some((table) => table.variable === name)
  );
}

function sharedPrefixLength(a: string, b: string): number {
  const partsA = a.split('/');
  const partsB = b.split('/');
  let shared = 0;
  while (shared < partsA.length && shared < partsB.length && partsA[shared] === partsB[shared]) {
    shared++;
  }
  return shared;
}
