// Seam's own phases on one folder, timed in one process after the wasm runtime and grammars are
// loaded (as bench/parse-only.mjs times its parse): discovery, reading and extracting every file,
// the joined view, and the rules. bench/run.mjs bundles this file with esbuild and runs it.
//
// Usage (through run.mjs): node .cache/bench/phases.cjs <folder>   prints one JSON line
import { resolve } from 'node:path';
import { DEFAULT_CONFIG } from '../server/src/core/config/seam-config';
import { checkWorkspace } from '../server/src/core/findings/check';
import { initSyntax } from '../server/src/core/syntax/parser';
import { discoverFiles } from '../server/src/workspace/discover';
import { loadWorkspace } from '../server/src/workspace/load-workspace';

async function main(): Promise<void> {
  const root = resolve(process.argv[2] ?? '.');
  await initSyntax();
  const started = performance.now();
  const discovered = discoverFiles(root, { withProjectConfigs: true });
  const discoveredAt = performance.now();
  const workspace = await loadWorkspace(root);
  const loadedAt = performance.now();
  const view = workspace.index.view();
  const viewAt = performance.now();
  const { findings } = checkWorkspace(view, workspace.index.allFacts(), DEFAULT_CONFIG);
  const checkedAt = performance.now();
  const seconds = (from: number, to: number) => Math.round(to - from) / 1000;
  const result = {
    files: discovered.sources.length,
    findings: findings.length,
    discoverSeconds: seconds(started, discoveredAt),
    loadSeconds: seconds(discoveredAt, loadedAt),
    viewSeconds: seconds(loadedAt, viewAt),
    checkSeconds: seconds(viewAt, checkedAt),
    rssMB: Math.round(process.memoryUsage().rss / 1048576),
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

void main();
