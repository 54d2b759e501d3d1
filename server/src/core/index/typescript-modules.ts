// TypeScript module and name resolution: relative specifiers, tsconfig `baseUrl`/`paths` aliases
// (`@/types/part`), index files, re-exports and namespace imports.
import { posix } from 'node:path';
import type { FileFacts } from '../facts';

/** The parts of a tsconfig.json that matter for resolving imports, relative to the workspace. */
export interface TsPathConfig {
  /** The folder holding the tsconfig, relative to the workspace root ('' for the root). */
  folder: string;
  /** baseUrl relative to the workspace root, when set. */
  baseUrl?: string;
  /** `paths` with targets made relative to the workspace root. */
  paths: Record<string, string[]>;
}

export type TsSymbol = { kind: 'name'; file: string; name: string } | { kind: 'unresolved' };

const UNRESOLVED: TsSymbol = { kind: 'unresolved' };
const EXTENSIONS = ['.ts', '.tsx', '.d.ts', '.mts', '.cts'];
const MAX_DEPTH = 12;

export class TypeScriptModules {
  private readonly cache = new Map<string, string | undefined>();
  /** Names asked from outside; the index keeps these maps from one view to the next. */
  private readonly nameCache = new Map<string, TsSymbol>();

  constructor(
    private readonly facts: ReadonlyMap<string, FileFacts>,
    private readonly configs: TsPathConfig[],
  ) {}

  resolveModule(fromFile: string, specifier: string): string | undefined {
    const key = `${fromFile}\0${specifier}`;
    if (!this.cache.has(key)) this.cache.set(key, this.findModule(fromFile, specifier));
    return this.cache.get(key);
  }

  private findModule(fromFile: string, specifier: string): string | undefined {
    if (specifier.startsWith('.')) {
      return this.withExtensions(posix.join(posix.dirname(fromFile), specifier));
    }
    const config = this.configFor(fromFile);
    if (!config) return undefined;
    for (const [pattern, targets] of Object.entries(config.paths)) {
      const rest = matchPathPattern(pattern, specifier);
      if (rest === undefined) continue;
      for (const target of targets) {
        const found = this.withExtensions(target.replace('*', rest));
        if (found) return found;
      }
    }
    return config.baseUrl !== undefined
      ? this.withExtensions(posix.join(config.baseUrl, specifier))
      : undefined;
  }

  /** The nearest tsconfig above the file. */
  private configFor(file: string): TsPathConfig | undefined {
    let best: TsPathConfig | undefined;
    for (const config of this.configs) {
      const inside = config.folder === '' || file.startsWith(`${config.folder}/`);
      if (inside && (!best || config.folder.length > best.folder.length)) best = config;
    }
    return best;
  }

  private withExtensions(base: string): string | undefined {
    const normalised = posix.normalize(base).replace(/^\.\//, '');
    const stem = normalised.replace(/\.(js|jsx|mjs|cjs)$/, '');
    const candidates = [
      normalised,
      ...EXTENSIONS.map((ext) => stem + ext),
      ...EXTENSIONS.map((ext) => `${normalised}/index${ext}`),
    ];
    return candidates.find((candidate) => this.facts.has(candidate));
  }

  /** Where an exported or local name of `file` is declared, following imports and re-exports. */
  resolveName(file: string, name: string, depth = 0): TsSymbol {
    const facts = this.facts.get(file);
    if (!facts || depth > MAX_DEPTH) return UNRESOLVED;
    if (declaresName(facts, name)) return { kind: 'name', file, name };

    for (const statement of facts.imports) {
      const imported = statement.names.find((n) => n.alias === name && n.name !== '*');
      if (imported) return this.resolveIn(file, statement.module, imported.name, depth);
    }
    for (const statement of facts.imports) {
      if (!statement.reexport || !statement.names.some((n) => n.name === '*')) continue;
      const found = this.resolveIn(file, statement.module, name, depth);
      if (found.kind !== 'unresolved') return found;
    }
    return UNRESOLVED;
  }

  /** A dotted name (`api.Part`) through a namespace import, or a plain name. */
  resolveDotted(file: string, dottedName: string): TsSymbol {
    const key = `${file}\0${dottedName}`;
    let symbol = this.nameCache.get(key);
    if (!symbol) this.nameCache.set(key, (symbol = this.findDotted(file, dottedName)));
    return symbol;
  }

  private findDotted(file: string, dottedName: string): TsSymbol {
    const dot = dottedName.indexOf('.');
    if (dot < 0) return this.resolveName(file, dottedName);
    const head = dottedName.slice(0, dot);
    const facts = this.facts.get(file);
    const namespace = facts?.imports.find((statement) => statement.namespace === head);
    if (!namespace) return UNRESOLVED;
    return this.resolveIn(file, namespace.module, dottedName.slice(dot + 1), 0);
  }

  private resolveIn(file: string, specifier: string, name: string, depth: number): TsSymbol {
    const target = this.resolveModule(file, specifier);
    return target ? this.resolveName(target, name, depth + 1) : UNRESOLVED;
  }
}

function declaresName(facts: FileFacts, name: string): boolean {
  return (
    facts.entities.some((entity) => entity.name === name) ||
    facts.constants.some((constant) => constant.name === name) ||
    facts.wrappers.some((wrapper) => wrapper.name === name) ||
    (facts.typeAliases?.some((alias) => alias.name === name) ?? false)
  );
}

/** `@/*` against `@/types/part` gives `types/part`; an exact pattern gives ''. */
function matchPathPattern(pattern: string, specifier: string): string | undefined {
  const star = pattern.indexOf('*');
  if (star < 0) return pattern === specifier ? '' : undefined;
  const prefix = pattern.slice(0, star);
  const suffix = pattern.slice(star + 1);
  if (!specifier.startsWith(prefix) || !specifier.endsWith(suffix)) return undefined;
  return specifier.slice(prefix.length, specifier.length - suffix.length);
}
