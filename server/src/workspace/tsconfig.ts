// Reads the import-resolution settings (baseUrl, paths) of tsconfig.json / jsconfig.json files,
// following `extends` chains, as TS does: paths resolve against baseUrl, else the config's folder.
import { parse as parseJsonc } from 'jsonc-parser';
import { readFileSync } from 'node:fs';
import { dirname, join, posix, relative, sep } from 'node:path';
import type { TsPathConfig } from '../core/index/typescript-modules';

interface RawCompilerOptions {
  baseUrl?: unknown;
  paths?: unknown;
}

interface ResolvedOptions {
  /** Absolute baseUrl, when any config in the chain sets it. */
  baseUrl?: string;
  paths?: Record<string, string[]>;
  /** The folder `paths` entries are relative to, when no baseUrl is set. */
  pathsFolder?: string;
}

/** The path configs of the listed files (relative to root); unreadable ones are skipped. */
export function readTsPathConfigs(root: string, configFiles: string[]): TsPathConfig[] {
  const byFolder = new Map<string, TsPathConfig>();
  for (const file of configFiles) {
    const options = readOptions(join(root, file), 0);
    if (!options) continue;
    const folder = posix.dirname(file) === '.' ? '' : posix.dirname(file);
    const config = byFolder.get(folder) ?? { folder, paths: {} };
    applyOptions(root, options, config);
    byFolder.set(folder, config);
  }
  return [...byFolder.values()];
}

function applyOptions(root: string, options: ResolvedOptions, config: TsPathConfig): void {
  if (options.baseUrl) config.baseUrl = toRelative(root, options.baseUrl);
  const pathsBase = options.baseUrl ?? options.pathsFolder;
  if (!options.paths || !pathsBase) return;
  for (const [pattern, targets] of Object.entries(options.paths)) {
    config.paths[pattern] = targets.map((target) => toRelative(root, join(pathsBase, target)));
  }
}

function readOptions(path: string, depth: number): ResolvedOptions | undefined {
  let raw: { extends?: unknown; compilerOptions?: RawCompilerOptions } | undefined;
  try {
    raw = parseJsonc(readFileSync(path, 'utf8'));
  } catch {
    return undefined;
  }
  if (!raw || typeof raw !== 'object') return undefined;

  const inherited = inheritedOptions(path, raw.extends, depth);
  const own = raw.compilerOptions ?? {};
  const folder = dirname(path);
  const result: ResolvedOptions = { ...inherited };
  if (typeof own.baseUrl === 'string') result.baseUrl = join(folder, own.baseUrl);
  if (isPaths(own.paths)) {
    result.paths = own.paths;
    result.pathsFolder = folder;
  }
  return result;
}

function inheritedOptions(path: string, extendsValue: unknown, depth: number): ResolvedOptions {
  const parents = Array.isArray(extendsValue) ? extendsValue : [extendsValue];
  const merged: ResolvedOptions = {};
  for (const parent of parents) {
    // Only relative extends are followed; package configs (`@tsconfig/node20`) set no paths.
    if (typeof parent !== 'string' || !parent.startsWith('.') || depth > 8) continue;
    const file = parent.endsWith('.json') ? parent : `${parent}.json`;
    Object.assign(merged, readOptions(join(dirname(path), file), depth + 1));
  }
  return merged;
}

function isPaths(value: unknown): value is Record<string, string[]> {
  if (!value || typeof value !== 'object') return false;
  return Object.values(value).every(
    (v) => Array.isArray(v) && v.every((t) => typeof t === 'string'),
  );
}

function toRelative(root: string, absolute: string): string {
  const rel = relative(root, absolute).split(sep).join('/');
  return rel === '' ? '' : rel;
}
