// The baseline that Seam's index is measured against: find the files Seam indexes, read them and
// parse each one with tree-sitter, doing nothing else. The index may cost at most 1.3x this.
//
// Usage: node bench/parse-only.mjs <folder>   prints {"files":…,"bytes":…,"seconds":…}
//
// The file rules mirror server/src/workspace/discover.ts (kept in plain JavaScript so the bench
// needs no build step); change both together. The clock starts after the wasm runtime and the
// grammars are loaded, since that cost is paid once per process, not once per workspace.
import { fdir } from 'fdir';
import ignore from 'ignore';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

// The CommonJS build, the one esbuild bundles into Seam, so both sides run the same code.
const require = createRequire(import.meta.url);
const { Parser, Language } = require('web-tree-sitter');

const modules = join(dirname(fileURLToPath(import.meta.url)), '..', 'node_modules');

/** Folders Seam never indexes, whatever .gitignore says (same list as discover.ts). */
const HEAVY_FOLDERS = new Set([
  ...['node_modules', '.git', '.hg', '.svn', '.venv', 'venv', 'env', '.env', '__pycache__'],
  ...['.mypy_cache', '.pytest_cache', '.ruff_cache', '.tox', '.nox', 'site-packages', 'dist'],
  ...['build', 'out', '.next', '.nuxt', '.svelte-kit', '.turbo', '.cache', 'coverage', 'htmlcov'],
  ...['.idea', '.vscode-test'],
]);

const SOURCE_FILE = /\.(py|ts|tsx|mts|cts)$/;

/** Loads the runtime and returns one ready parser per grammar Seam uses. */
async function loadParsers() {
  await Parser.init({ locateFile: () => join(modules, 'web-tree-sitter/web-tree-sitter.wasm') });
  const load = (file) => Language.load(join(modules, file));
  const [python, typescript, tsx] = await Promise.all([
    load('tree-sitter-python/tree-sitter-python.wasm'),
    load('tree-sitter-typescript/tree-sitter-typescript.wasm'),
    load('tree-sitter-typescript/tree-sitter-tsx.wasm'),
  ]);
  return { python: parserFor(python), typescript: parserFor(typescript), tsx: parserFor(tsx) };
}

function parserFor(language) {
  const parser = new Parser();
  parser.setLanguage(language);
  return parser;
}

/** Source files under root, relative with forward slashes, as Seam's discovery finds them. */
function discoverSources(root) {
  const gitignores = gitignoreStack(root);
  return new fdir()
    .withRelativePaths()
    .withPathSeparator('/')
    .exclude((name, dirPath) => {
      if (HEAVY_FOLDERS.has(name) || name.startsWith('.')) return true;
      return gitignores.ignores(relative(root, dirPath).split(sep).join('/'), true);
    })
    .filter((path) => SOURCE_FILE.test(path) && !gitignores.ignores(path, false))
    .crawl(root)
    .sync()
    .sort();
}

/**
 * Answers whether a path is ignored by the .gitignore of any folder above it, each matched
 * relative to its own folder as git does. Rules are read once per folder, when first needed.
 */
function gitignoreStack(root) {
  const byFolder = new Map();
  const rulesOf = (folder) => {
    if (!byFolder.has(folder))
      byFolder.set(folder, readGitignore(join(root, folder, '.gitignore')));
    return byFolder.get(folder);
  };
  const ignores = (path, isDirectory) => {
    const parts = path.split('/');
    for (let depth = 0; depth < parts.length; depth++) {
      const rest = parts.slice(depth).join('/');
      const rules = rulesOf(parts.slice(0, depth).join('/'));
      if (rules?.ignores(isDirectory ? `${rest}/` : rest)) return true;
    }
    return false;
  };
  return { ignores };
}

function readGitignore(path) {
  if (!existsSync(path)) return null;
  try {
    return ignore().add(readFileSync(path, 'utf8'));
  } catch {
    return null;
  }
}

function grammarOf(path) {
  if (path.endsWith('.py')) return 'python';
  return path.endsWith('.tsx') ? 'tsx' : 'typescript';
}

/** A file's bytes, or null when it vanished or cannot be read (a broken link, say). */
function readSource(file) {
  try {
    return readFileSync(file);
  } catch {
    return null;
  }
}

/** Reads and parses every file, freeing each tree at once as the index does. */
function parseAll(root, paths, parsers) {
  let files = 0;
  let bytes = 0;
  for (const path of paths) {
    const buffer = readSource(join(root, path));
    if (!buffer) continue;
    const tree = parsers[grammarOf(path)].parse(buffer.toString('utf8'));
    tree?.delete();
    files += 1;
    bytes += buffer.length;
  }
  return { files, bytes };
}

async function main() {
  const root = resolve(process.argv[2] ?? '.');
  const parsers = await loadParsers();
  const started = process.hrtime.bigint();
  const { files, bytes } = parseAll(root, discoverSources(root), parsers);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  process.stdout.write(`${JSON.stringify({ files, bytes, seconds })}\n`);
}

await main();
