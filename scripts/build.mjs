// Builds the extension, the language server and the CLI into dist/ with esbuild, and copies the
// tree-sitter wasm grammars from their pinned npm packages next to the bundles.
import { build } from 'esbuild';
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const dist = join(root, 'dist');
mkdirSync(join(dist, 'wasm'), { recursive: true });

const wasmFiles = [
  'web-tree-sitter/web-tree-sitter.wasm',
  'tree-sitter-python/tree-sitter-python.wasm',
  'tree-sitter-typescript/tree-sitter-typescript.wasm',
  'tree-sitter-typescript/tree-sitter-tsx.wasm',
];
for (const file of wasmFiles) {
  const source = join(root, 'node_modules', file);
  copyFileSync(source, join(dist, 'wasm', file.split('/').pop()));
}

// The CommonJS build: esbuild bundles it, and the syntax layer passes locateFile for its wasm.
const webTreeSitterCjs = require.resolve('web-tree-sitter');
const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  // Prefer ESM builds: jsonc-parser's UMD build requires files a bundle does not carry.
  mainFields: ['module', 'main'],
  sourcemap: true,
  // V8 keeps each bundle's source as a string for as long as the process lives: ASCII output is
  // stored one byte per character (any other character makes it two), and without whitespace it
  // is smaller again. Names stay, so stacks in the output channel remain readable.
  charset: 'ascii',
  minifyWhitespace: true,
  minifySyntax: true,
  logLevel: 'warning',
  alias: { 'web-tree-sitter': webTreeSitterCjs },
  // ESM dependencies bundled into CommonJS read import.meta.url; give them this file's URL.
  define: { 'import.meta.url': 'importMetaUrl', SEAM_BUILD_VERSION: JSON.stringify(version) },
  banner: { js: "const importMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
};

// sql-parser-cst is most of a bundle's text (1.4 of the CLI's 2.4 MB), and only migrations with
// SQL in them need it. The bundles that read migrations get a stand-in that loads it from its own
// file on the first parse, so starting the server, the CLI or a worker does not compile it.
const SQL_PARSER_FILE = './sql-parser-cst.js';
const sqlParserApart = {
  name: 'sql-parser-apart',
  setup(plugins) {
    plugins.onResolve({ filter: /^sql-parser-cst$/ }, () => ({
      path: 'sql-parser-cst',
      namespace: 'sql-parser-apart',
    }));
    plugins.onLoad({ filter: /.*/, namespace: 'sql-parser-apart' }, () => ({
      contents: `exports.parse = (...args) => require(${JSON.stringify(SQL_PARSER_FILE)}).parse(...args);`,
      loader: 'js',
    }));
    plugins.onResolve({ filter: /^\.\/sql-parser-cst\.js$/ }, () => ({
      path: SQL_PARSER_FILE,
      external: true,
    }));
  },
};

await Promise.all([
  build({
    ...common,
    entryPoints: [require.resolve('sql-parser-cst')],
    outfile: join(dist, 'sql-parser-cst.js'),
  }),
  build({
    ...common,
    entryPoints: [join(root, 'server/src/cli/seam.ts')],
    plugins: [sqlParserApart],
    outfile: join(dist, 'cli.js'),
  }),
  build({
    ...common,
    entryPoints: [join(root, 'server/src/server.ts')],
    plugins: [sqlParserApart],
    outfile: join(dist, 'server.js'),
  }),
  build({
    ...common,
    entryPoints: [join(root, 'server/src/workspace/index-worker.ts')],
    plugins: [sqlParserApart],
    outfile: join(dist, 'index-worker.js'),
  }),
  build({
    ...common,
    entryPoints: [join(root, 'client/src/extension.ts')],
    outfile: join(dist, 'extension.js'),
    external: ['vscode'],
  }),
]);
