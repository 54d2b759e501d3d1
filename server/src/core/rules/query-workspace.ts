// The query facts of the whole workspace, for the query-performance rules. Follows a loop's
// iterable through calls to the functions that build it (`crud.get_parts(db)`), across files,
// to the `select(Part)` behind it and the loader options applied on the way.
import type { CoreTableFact, FileFacts } from '../facts';
import { PythonModules } from '../index/python-modules';
import type {
  LoaderOptionFact,
  QueryFileFacts,
  QueryFunctionFact,
  QueryRootFact,
  QueryShape,
  QueryUseFact,
} from '../queries/query-facts';

export interface PythonQueryFile extends FileFacts {
  queries: QueryFileFacts;
}

/** A query followed to its model root, with everything applied to it on the way. */
export interface ResolvedQuery {
  /** The file of the model root (`select(Part)`), where an eager-load option would be added. */
  file: string;
  root: QueryRootFact;
  shape: QueryShape;
  loaders: LoaderOptionFact[];
  unknownOptions: boolean;
  awaited: boolean;
  /** Functions passed through, caller first: `get_parts` for `crud.get_parts(db)`. */
  via: string[];
}

export interface ResolvedFunction {
  file: string;
  fact: QueryFunctionFact;
}

/** A Core table (`part_tags = Table(...)`) and the file that declares it. */
export interface ResolvedTable {
  file: string;
  table: CoreTableFact;
}

/** Calls followed deeper than this are given up (and recursion stops). */
const MAX_CALL_DEPTH = 4;

export class QueryWorkspace {
  private readonly byFile = new Map<string, PythonQueryFile>();
  private readonly definers: ReadonlyMap<string, readonly string[]>;
  private everyFile: Map<string, FileFacts> | undefined;
  private application: PythonQueryFile[] | undefined;

  /** `modules`: the index's Python module maps, when there is an index; else built here. */
  constructor(
    private readonly files: readonly FileFacts[],
    private modules?: PythonModules,
  ) {
    for (const facts of files) {
      if (!facts.queries) continue;
      this.byFile.set(facts.file, facts as PythonQueryFile);
    }
    this.definers = definersOf(this.byFile);
  }

  /** Python files with query facts that are application code (not tests or migrations). */
  applicationFiles(): PythonQueryFile[] {
    this.application ??= [...this.byFile.values()].filter((facts) => !isTestOrMigration(facts));
    return this.application;
  }

  fileFacts(file: string): PythonQueryFile | undefined {
    return this.byFile.get(file);
  }

  /** Follows a use (a loop's iterable, a function's result) to its model root. */
  resolveUse(file: string, use: QueryUseFact, depth = 0): ResolvedQuery | undefined {
    const root = this.byFile.get(file)?.queries.roots[use.root];
    if (!root) return undefined;
    if (root.kind !== 'call') {
      return {
        file,
        root,
        shape: use.shape,
        loaders: root.loaders,
        unknownOptions: root.unknownOptions,
        awaited: use.awaited,
        via: [],
      };
    }
    return this.resolveCallRoot(file, root, use, depth);
  }

  private resolveCallRoot(file: string, root: QueryRootFact, use: QueryUseFact, depth: number) {
    if (depth >= MAX_CALL_DEPTH || !root.callee) return undefined;
    const called = this.resolveFunction(file, root.callee);
    const inner = called && this.resolveUse(called.file, called.fact.result, depth + 1);
    if (!called || !inner) return undefined;
    const shape = combinedShape(use.shape, inner.shape);
    if (!shape) return undefined;
    return {
      ...inner,
      shape,
      loaders: [...inner.loaders, ...root.loaders],
      unknownOptions: inner.unknownOptions || root.unknownOptions,
      awaited: use.awaited || inner.awaited,
      via: [called.fact.name, ...inner.via],
    };
  }

  /** The function a call in `file` reaches: local, imported, `module.function`, or a method. */
  resolveFunction(file: string, callee: string): ResolvedFunction | undefined {
    const found = this.locate(file, callee, (target, name) =>
      this.byFile.get(target)?.queries.functions.find((f) => f.name === name && !f.className),
    );
    if (found) return { file: found.file, fact: found.value };
    const parts = callee.split('.');
    return parts.length > 1 ? this.uniqueMethod(parts[parts.length - 1]) : undefined;
  }

  /** What a serializer function called from `file` reads on its parameter at `position`. */
  serializerReads(file: string, callee: string, position: number): string[] | undefined {
    return this.locate(file, callee, (target, name) =>
      this.byFile
        .get(target)
        ?.queries.parameterReads.find(
          (reads) => reads.function === name && !reads.className && reads.position === position,
        ),
    )?.value.attributes;
  }

  /** What `Class.method` reads on `self`, for a method called on a row (`part.to_dict()`). */
  methodReads(file: string, className: string, method: string): string[] | undefined {
    return this.byFile
      .get(file)
      ?.queries.parameterReads.find(
        (reads) =>
          reads.className === className && reads.function === method && reads.position === 0,
      )?.attributes;
  }

  /**
   * Finds what a module-level function called from `file` stands for: defined there, imported
   * by name (one re-export deep), or reached as `module.function`.
   */
  private locate<T>(
    file: string,
    callee: string,
    find: (file: string, name: string) => T | undefined,
  ): { file: string; value: T } | undefined {
    const parts = callee.split('.');
    const name = parts[parts.length - 1];
    const inFile = (target: string) => {
      const value = find(target, name);
      return value ? { file: target, value } : undefined;
    };
    if (parts.length === 1) return inFile(file) ?? this.importedName(file, name, find);
    const owner = parts.slice(0, -1).join('.');
    if (owner === 'self' || owner === 'cls') return undefined;
    const module = this.resolveModuleName(file, owner);
    return module ? inFile(module) : undefined;
  }

  /** `from app.crud import get_parts`, followed one re-export deep. */
  private importedName<T>(
    file: string,
    name: string,
    find: (file: string, name: string) => T | undefined,
    depth = 0,
  ): { file: string; value: T } | undefined {
    const facts = this.byFile.get(file);
    if (!facts || depth > 2) return undefined;
    for (const statement of facts.imports) {
      const imported = statement.names.find((n) => n.alias === name && n.name !== '*');
      if (!imported) continue;
      const target = this.pythonModules().resolveModule(file, statement.module);
      if (!target) return undefined;
      const value = find(target, imported.name);
      return value
        ? { file: target, value }
        : this.importedName(target, imported.name, find, depth + 1);
    }
    return undefined;
  }

  /** The file of the module `owner` names in `file` (`from app import crud`, `import app.crud`). */
  private resolveModuleName(file: string, owner: string): string | undefined {
    const symbol = this.pythonModules().resolveName(file, owner);
    return symbol.kind === 'module' ? symbol.file : undefined;
  }

  /**
   * A method called on a value of unknown type (`repo.list_parts()`): taken when exactly one
   * file defines a function of that name and it is a method returning a query.
   */
  private uniqueMethod(name: string): ResolvedFunction | undefined {
    const files = this.definers.get(name) ?? [];
    if (files.length !== 1) return undefined;
    const matching = this.byFile.get(files[0])?.queries.functions.filter((f) => f.name === name);
    return matching?.length === 1 ? { file: files[0], fact: matching[0] } : undefined;
  }

  /** The Core table a name used in `file` refers to: declared there or imported. */
  resolveTable(file: string, variable: string): ResolvedTable | undefined {
    const symbol = this.pythonModules().resolveName(file, variable);
    if (symbol.kind !== 'name') return undefined;
    const table = this.allFiles()
      .get(symbol.file)
      ?.tables?.find((candidate) => candidate.variable === symbol.name);
    return table ? { file: symbol.file, table } : undefined;
  }

  /** The one Core table of the workspace with this database name (`secondary="part_tags"`). */
  tableNamed(name: string): ResolvedTable | undefined {
    const found: ResolvedTable[] = [];
    for (const facts of this.files) {
      for (const table of facts.tables ?? []) {
        if (table.name === name) found.push({ file: facts.file, table });
      }
    }
    return found.length === 1 ? found[0] : undefined;
  }

  private pythonModules(): PythonModules {
    this.modules ??= new PythonModules(this.allFiles());
    return this.modules;
  }

  private allFiles(): Map<string, FileFacts> {
    this.everyFile ??= new Map(this.files.map((facts) => [facts.file, facts]));
    return this.everyFile;
  }
}

/** The files defining each function name, as the last workspace built them. */
let lastDefiners:
  | {
      byFile: ReadonlyMap<string, PythonQueryFile>;
      definers: ReadonlyMap<string, readonly string[]>;
    }
  | undefined;

/**
 * The files defining each function name (a file once per definition). Built from the last
 * workspace's when only a few files changed since: every check builds a workspace, and an edit
 * changes one file of the thousands whose functions are listed.
 */
function definersOf(
  byFile: ReadonlyMap<string, PythonQueryFile>,
): ReadonlyMap<string, readonly string[]> {
  const last = lastDefiners;
  const changed = last && changedFiles(last.byFile, byFile);
  const definers =
    last && changed && changed.length <= MAX_PATCHED_FILES
      ? patchedDefiners(last, byFile, changed)
      : builtDefiners(byFile);
  lastDefiners = { byFile, definers };
  return definers;
}

function builtDefiners(byFile: ReadonlyMap<string, PythonQueryFile>): Map<string, string[]> {
  const definers = new Map<string, string[]>();
  for (const facts of byFile.values())
    for (const name of facts.queries.definedFunctions) push(definers, name, facts.file);
  return definers;
}

/** The last definers with the changed files' functions taken out and put in again. */
function patchedDefiners(
  last: NonNullable<typeof lastDefiners>,
  byFile: ReadonlyMap<string, PythonQueryFile>,
  changed: string[],
): ReadonlyMap<string, readonly string[]> {
  if (!changed.length) return last.definers;
  const definers = new Map(last.definers);
  for (const file of changed) {
    for (const name of last.byFile.get(file)?.queries.definedFunctions ?? []) {
      const others = definers.get(name)?.filter((definer) => definer !== file) ?? [];
      if (others.length) definers.set(name, others);
      else definers.delete(name);
    }
    for (const name of byFile.get(file)?.queries.definedFunctions ?? [])
      definers.set(name, [...(definers.get(name) ?? []), file]);
  }
  return definers;
}

/** Past this many changed files the definers are built anew. */
const MAX_PATCHED_FILES = 50;

/** Files whose facts differ between two maps, or that are in one only. */
function changedFiles(
  before: ReadonlyMap<string, PythonQueryFile>,
  now: ReadonlyMap<string, PythonQueryFile>,
): string[] {
  const changed: string[] = [];
  for (const [file, facts] of now) if (before.get(file) !== facts) changed.push(file);
  for (const file of before.keys()) if (!now.has(file)) changed.push(file);
  return changed;
}

/** What a caller's use of a function's result gives, from both shapes. */
function combinedShape(outer: QueryShape, inner: QueryShape): QueryShape | undefined {
  if (outer === 'returned') return inner;
  if (inner === 'single' || inner === 'rows') return outer === 'single' ? 'single' : undefined;
  return outer;
}

/** Folders of tests and one-off scripts (seeds, backfills). */
const NON_APPLICATION_FOLDERS = new Set(['tests', 'test', 'scripts']);

/** Tests, scripts and migrations: per-row work there is not the application's. */
function isTestOrMigration(facts: FileFacts): boolean {
  let known = testOrMigration.get(facts);
  if (known === undefined) testOrMigration.set(facts, (known = judgeTestOrMigration(facts)));
  return known;
}

/** Asked of every query file at each check; a file's facts object answers the same each time. */
const testOrMigration = new WeakMap<FileFacts, boolean>();

function judgeTestOrMigration(facts: FileFacts): boolean {
  const parts = facts.file.split('/');
  const name = parts[parts.length - 1];
  if (/^(test_.*|.*_test|conftest)\.py$/.test(name)) return true;
  if (parts.some((part) => NON_APPLICATION_FOLDERS.has(part))) return true;
  return facts.imports.some((statement) => statement.module === 'alembic');
}

function push(map: Map<string, string[]>, key: string, value: string): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
