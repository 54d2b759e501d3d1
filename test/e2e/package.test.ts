// The .vsix that `npm run package` builds: the bundles, the wasm grammars and the query files,
// and nothing else (no source maps, sources, tests, examples or node_modules).
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packagedVsix, repoRoot } from './code-server';

function entries(): string[] {
  const listing = execFileSync('unzip', ['-Z1', packagedVsix()], { encoding: 'utf8' });
  return listing.split('\n').filter(Boolean);
}

function queryFiles(): string[] {
  return ['python', 'typescript'].flatMap((language) =>
    readdirSync(join(repoRoot, 'grammars', language))
      .filter((name) => name.endsWith('.scm'))
      .map((name) => `extension/grammars/${language}/${name}`),
  );
}

describe('the packaged .vsix', () => {
  it('holds the bundles, the wasm grammars and every query file', () => {
    const files = entries();
    expect(files).toEqual(
      expect.arrayContaining([
        'extension/package.json',
        'extension/readme.md',
        'extension/LICENSE.txt',
        'extension/dist/extension.js',
        'extension/dist/server.js',
        'extension/dist/index-worker.js',
        'extension/dist/sql-parser-cst.js',
        'extension/schemas/seam.schema.json',
        'extension/dist/wasm/web-tree-sitter.wasm',
        'extension/dist/wasm/tree-sitter-python.wasm',
        'extension/dist/wasm/tree-sitter-typescript.wasm',
        'extension/dist/wasm/tree-sitter-tsx.wasm',
        ...queryFiles(),
      ]),
    );
  });

  it('leaves out source maps, the CLI, sources, tests, examples and dependencies', () => {
    const extensionFiles = entries().filter((file) => file.startsWith('extension/'));
    const unexpected = extensionFiles.filter(
      (file) =>
        !/^extension\/(package\.json|readme\.md|LICENSE\.txt)$/.test(file) &&
        file !== 'extension/schemas/seam.schema.json' &&
        !/^extension\/dist\/(extension|server|index-worker|sql-parser-cst)\.js$/.test(file) &&
        !/^extension\/dist\/wasm\/[\w-]+\.wasm$/.test(file) &&
        !/^extension\/grammars\/(python|typescript)\/[\w-]+\.scm$/.test(file),
    );
    expect(unexpected).toEqual([]);
  });
});
