// Finds the files Seam indexes in a workspace folder: Python and TypeScript sources, minus what
// .gitignore files (at any depth) ignore and the usual heavy folders.
import { fdir } from 'fdir';
import { existsSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import ignore, { type Ignore } from 'ignore';

/** Folders never worth indexing, whatever .gitignore says. */
export const HEAVY_FOLDERS = new Set([
  'node_modules',
  '.git',
  '.hg',
  '.svn',
  '.venv',
  'venv',
  'env',
  '.env',
  '__pycache__',
  '.mypy_cache',
  '.pytest_cache',
  '.ruff_cache',
  '.tox',
  '.nox',
  'site-packages',
  'dist',
  'build',
  'out',
  '.next',
  '.nuxt',
  '.svelte-kit',
  '.turbo',
  '.cache',
  'coverage',
  'htmlcov',
  '.idea',
  '.vscode-test',
]);

const SOURCE_FILE = /\.(py|ts|tsx|mts|cts)$/;

export interface DiscoveryOptions {
  /** Gitignore-style patterns; when given, only matching files are indexed. */
  include?: string[];
  /** Gitignore-style patterns of files and folders to leave out. */
  exclude?: string[];
  /** Also list tsconfig.json / jsconfig.json files (for path aliases). */
  withProjectConfigs?: boolean;
}

export interface DiscoveredFiles {
  /** Source files relative to the root, with forward slashes, sorted. */
  sources: string[];
  /** tsconfig.json / jsconfig.json files relative to the root. */
  projectConfigs: string[];
}

export function discoverFiles(root: string, options: DiscoveryOptions = {}): DiscoveredFiles {
  const gitignores = new GitignoreStack(root);
  const excluded = options.exclude?.length ? ignore().add(options.exclude) : undefined;
  const included = options.include?.length ? ignore().add(options.include) : undefined;

  const paths = new fdir()
    .withRelativePaths()
    .withPathSeparator('/')
    .exclude((name, dirPath) => {
      if (HEAVY_FOLDERS.has(name) || name.startsWith('.')) return true;
      const dir = toRelative(root, dirPath);
      return gitignores.ignores(dir, true) || !!excluded?.ignores(`${dir}/`);
    })
    .filter((path) => {
      const isSource = SOURCE_FILE.test(path) || isProjectConfig(path);
      return isSource && !gitignores.ignores(path, false) && !excluded?.ignores(path);
    })
    .crawl(root)
    .sync();

  const sources: string[] = [];
  const projectConfigs: string[] = [];
  for (const path of paths.sort()) {
    if (isProjectConfig(path)) projectConfigs.push(path);
    else if (!included || included.ignores(path)) sources.push(path);
  }
  return { sources, projectConfigs };
}

function isProjectConfig(path: string): boolean {
  return /(^|\/)(tsconfig|jsconfig)(\.[\w-]+)?\.json$/.test(path);
}

function toRelative(root: string, absolute: string): string {
  return relative(root, absolute).split(sep).join('/');
}

/**
 * The .gitignore rules of every folder, loaded lazily. A path is ignored when the .gitignore of
 * any folder above it ignores it, matched relative to that folder, as git does.
 */
class GitignoreStack {
  private readonly byFolder = new Map<string, Ignore | null>();

  constructor(private readonly root: string) {}

  ignores(path: string, isDirectory: boolean): boolean {
    const parts = path.split('/');
    for (let depth = 0; depth < parts.length; depth++) {
      const folder = parts.slice(0, depth).join('/');
      const rules = this.rulesOf(folder);
      if (!rules) continue;
      const rest = parts.slice(depth).join('/');
      if (rules.ignores(isDirectory ? `${rest}/` : rest)) return true;
    }
    return false;
  }

  private rulesOf(folder: string): Ignore | null {
    let rules = this.byFolder.get(folder);
    if (rules === undefined) {
      rules = readGitignore(join(this.root, folder, '.gitignore'));
      this.byFolder.set(folder, rules);
    }
    return rules;
  }
}

function readGitignore(path: string): Ignore | null {
  if (!existsSync(path)) return null;
  try {
    return ignore().add(readFileSync(path, 'utf8'));
  } catch {
    return null;
  }
}
