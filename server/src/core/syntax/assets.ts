// Finds Seam's own files (wasm grammars, query files) both in a source checkout and in the bundle.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

let cachedRoot: string | undefined;

/** The folder holding Seam's package.json: the repo root, or the installed extension's root. */
export function seamRoot(): string {
  if (cachedRoot) return cachedRoot;
  let dir = __dirname;
  for (;;) {
    if (existsSync(join(dir, 'grammars')) && existsSync(join(dir, 'package.json'))) break;
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`Seam's grammars folder was not found above ${__dirname}`);
    dir = parent;
  }
  cachedRoot = dir;
  return dir;
}

/** A wasm file: the copy the build put in dist/wasm, else the one in its npm package. */
export function wasmPath(file: string, packageName: string): string {
  const built = join(seamRoot(), 'dist', 'wasm', file);
  if (existsSync(built)) return built;
  return join(seamRoot(), 'node_modules', packageName, file);
}

export function queryPath(language: string, name: string): string {
  return join(seamRoot(), 'grammars', language, `${name}.scm`);
}
