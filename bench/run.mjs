// `npm run bench`: Seam's speed against the alternatives, measured in one run on this machine.
//
//   node bench/run.mjs [folder ...] [--runs 3] [--no-pyright]
//
// Default folders: /work/real/mealie and /work/real/polar when they exist (public projects cloned
// outside the repo), else examples/inventory. For each folder, interleaved runs of:
//   - parse only: bench/parse-only.mjs, a cold process that discovers, reads and parses every
//     file with tree-sitter and nothing else (the 1.3x budget's baseline);
//   - seam check: `node bin/seam.js check DIR --format json`, a cold process, all of it;
//   - Seam's phases in one process (bench/phases.ts bundled), timed like parse-only's parse.
// Once per folder, what a user would run instead to catch the same drift, when the folder has
// what it needs: openapi-typescript on a committed OpenAPI document, then `tsc --noEmit` over the
// frontend with the generated file (a throwaway tsconfig), the project's own type-check with its
// own compilers when its dependencies are installed, and `pyright` on the backend for reference.
// Then the editor:
// bench/latency.mjs (edit-to-diagnostics) and bench/responsiveness.mjs (how long answers wait
// while the server indexes, and its own event-loop delay). Prints markdown tables of seconds and
// ratios; bench/RESULTS.md holds a commented copy.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism, loadavg, tmpdir, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => join(repo, 'node_modules', '.bin', name);
const args = parseArguments(process.argv.slice(2));
const scratch = join(tmpdir(), 'seam-bench');
mkdirSync(scratch, { recursive: true });

/** What each known project offers the "what a user would run instead" comparison. */
const ALTERNATIVES = {
  polar: {
    openapi: 'docs/openapi/2026-10.openapi.json',
    frontend: ['clients/apps/web/src', 'clients/packages/client/src'],
    baseUrl: 'clients/apps/web',
    paths: { '@/*': ['./src/*'] },
    backend: 'server/polar',
    schemaFile: 'server/polar/product/schemas.py',
    // The project's own `typecheck` of its web app, run only when its dependencies are installed
    // (outside this repo: `cd clients && pnpm install --frozen-lockfile --ignore-scripts`).
    own: {
      app: 'clients/apps/web',
      packages: ['currency', 'i18n', 'client', 'orbit', 'ui', 'checkout'].map(
        (name) => `clients/packages/${name}`,
      ),
      compilers: ['tsc', 'tsc6'],
    },
  },
  mealie: {
    frontend: ['frontend/lib', 'frontend/composables', 'frontend/types'],
    baseUrl: 'frontend',
    paths: { '~/*': ['./*'], '@/*': ['./*'] },
    backend: 'mealie',
    schemaFile: 'mealie/schema/recipe/recipe.py',
  },
};

main();

async function main() {
  console.log(machineSection());
  run(process.execPath, [join(repo, 'scripts', 'build.mjs')]);
  const phases = await bundlePhases();
  const rows = [];
  for (const folder of args.folders) rows.push(measureFolder(folder, phases));
  console.log(speedTable(rows));
  console.log(alternativesTable(rows));
  console.log(editorTable(rows));
}

function machineSection() {
  const cpu = /model name\s*:\s*(.*)/.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1];
  return [
    '## Machine',
    '',
    `- CPU: ${cpu ?? 'unknown'}, ${availableParallelism()} cores (nproc)`,
    `- memory: ${Math.round(totalmem() / 2 ** 30)} GiB`,
    `- Node ${process.version}`,
    `- load average at start: ${loadavg()
      .map((l) => l.toFixed(2))
      .join(', ')}`,
    `- runs per measure: ${args.runs} (min and median shown)`,
    '',
  ].join('\n');
}

/** Bundles bench/phases.ts into .cache/ in the repo, where it finds the grammars. */
async function bundlePhases() {
  const outfile = join(repo, '.cache', 'bench', 'phases.cjs');
  await build({
    entryPoints: [join(repo, 'bench', 'phases.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    mainFields: ['module', 'main'],
    logLevel: 'warning',
    alias: { 'web-tree-sitter': createRequirePath('web-tree-sitter') },
    define: { 'import.meta.url': 'importMetaUrl', SEAM_BUILD_VERSION: '"bench"' },
    banner: { js: "const importMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
  });
  return outfile;
}

/** The CommonJS build of a package, the one the real build bundles. */
function createRequirePath(name) {
  return createRequire(import.meta.url).resolve(name);
}

function measureFolder(folder, phasesScript) {
  const name = folder.split('/').pop();
  process.stderr.write(`bench: ${name}\n`);
  const parse = [];
  const check = [];
  const phases = [];
  let sizes;
  for (let i = 0; i < args.runs; i++) {
    const parsed = run(process.execPath, [join(repo, 'bench', 'parse-only.mjs'), folder]);
    sizes = JSON.parse(parsed.stdout);
    parse.push({ ...parsed, inner: sizes.seconds });
    check.push(
      run(process.execPath, [
        join(repo, 'bin', 'seam.js'),
        'check',
        folder,
        '--format',
        'json',
        '--fail-on',
        'never',
      ]),
    );
    phases.push(JSON.parse(run(process.execPath, [phasesScript, folder]).stdout));
  }
  return {
    name,
    folder,
    files: sizes.files,
    megabytes: sizes.bytes / 1e6,
    parse,
    check,
    phases,
    alternative: measureAlternative(name, folder),
    latency: measureEditor(folder, ALTERNATIVES[name]?.schemaFile),
  };
}

function measureAlternative(name, folder) {
  const setup = ALTERNATIVES[name];
  if (!setup) return undefined;
  const result = { openapiDocument: setup.openapi };
  let generated;
  if (setup.openapi && existsSync(join(folder, setup.openapi))) {
    generated = join(scratch, `${name}-openapi.ts`);
    result.openapi = run(bin('openapi-typescript'), [join(folder, setup.openapi), '-o', generated]);
  }
  // Both type-checks see the workspace packages' declarations, whichever runs first.
  if (setup.own) emitPackageDeclarations(folder, setup.own);
  result.tsc = run(bin('tsc'), ['-p', writeFrontendConfig(name, folder, setup, generated)], true);
  result.tscErrors = (result.tsc.stdout.match(/error TS/g) ?? []).length;
  if (setup.own) result.own = measureOwnTypecheck(folder, setup.own);
  if (args.pyright) {
    result.pyright = run(bin('pyright'), ['--outputjson', join(folder, setup.backend)], true);
  }
  return result;
}

/**
 * The workspace packages are typed through their built declarations (dist/), which the project's
 * build makes with tsup; here the project's compiler emits them once, untimed, as its CI would
 * have done before the check. Without its installed compiler nothing is emitted.
 */
function emitPackageDeclarations(folder, own) {
  const compiler = join(folder, own.app, 'node_modules', '.bin', own.compilers[0]);
  if (!existsSync(compiler)) return;
  for (const dir of own.packages) {
    const [src, dist] = ['src', 'dist'].map((part) => join(folder, dir, part));
    const config = join(scratch, `tsconfig.${dir.replaceAll('/', '-')}.json`);
    const compilerOptions = { noEmit: false, emitDeclarationOnly: true, declaration: true };
    Object.assign(compilerOptions, { outDir: dist, rootDir: src });
    const include = [join(src, '**/*.ts'), join(src, '**/*.tsx')];
    const extend = join(folder, dir, 'tsconfig.json');
    writeFileSync(config, JSON.stringify({ extends: extend, compilerOptions, include }));
    run(compiler, ['-p', config], true);
  }
}

/**
 * The project's own type-check with its own compilers and installed dependencies: the realistic
 * figure the throwaway config only bounds from below.
 */
function measureOwnTypecheck(folder, own) {
  const compiler = (name) => join(folder, own.app, 'node_modules', '.bin', name);
  if (!existsSync(compiler(own.compilers[0]))) return undefined;
  return own.compilers
    .filter((name) => existsSync(compiler(name)))
    .map((name) => {
      const version = spawnSync(compiler(name), ['--version'], spawnOptions()).stdout.trim();
      const timed = run(compiler(name), ['--noEmit', '-p', join(folder, own.app)], true);
      return { version, ...timed, errors: (timed.stdout.match(/error TS/g) ?? []).length };
    });
}

/**
 * A throwaway tsconfig over the frontend sources and the generated file. The projects' own
 * configs extend packages that are not installed here, so third-party types are missing: tsc
 * reports their imports as errors and does less work than it would with them, which makes its
 * time a lower bound.
 */
function writeFrontendConfig(name, folder, setup, generated) {
  const config = {
    compilerOptions: {
      noEmit: true,
      skipLibCheck: true,
      strict: true,
      jsx: 'preserve',
      target: 'ES2022',
      lib: ['DOM', 'DOM.Iterable', 'ES2022'],
      module: 'ESNext',
      moduleResolution: 'Bundler',
      resolveJsonModule: true,
      types: [],
      baseUrl: join(folder, setup.baseUrl),
      paths: setup.paths,
    },
    include: [
      ...setup.frontend.flatMap((dir) => [
        join(folder, dir, '**/*.ts'),
        join(folder, dir, '**/*.tsx'),
      ]),
      ...(generated ? [generated] : []),
    ],
  };
  const path = join(scratch, `tsconfig.${name}.json`);
  writeFileSync(path, JSON.stringify(config, null, 2));
  return path;
}

/**
 * Edit latency twice: in the file bench/latency.mjs picks (about 2,000 lines), and in a schema
 * file, whose edits change what is paired, so the whole root is checked again after each.
 */
function measureEditor(folder, schemaFile) {
  const latency = (extra) =>
    parseJsonOutput(
      run(process.execPath, [join(repo, 'bench', 'latency.mjs'), folder, ...extra]).stdout,
    );
  const deaf = run(process.execPath, [join(repo, 'bench', 'responsiveness.mjs'), folder]);
  return {
    ...latency(['--edits', '200']),
    schema: schemaFile ? latency(['--file', schemaFile, '--edits', '60']) : undefined,
    responsiveness: parseJsonOutput(deaf.stdout),
  };
}

function parseJsonOutput(text) {
  try {
    return JSON.parse(text.slice(text.indexOf('{')));
  } catch {
    return { unreadable: text.slice(0, 200) };
  }
}

/**
 * Runs a command to its end; wall seconds, and peak memory and CPU seconds (user + system, all
 * threads) when /usr/bin/time is there. A non-zero exit is expected from checkers that report
 * errors (`allowFailure`).
 */
function run(command, commandArgs, allowFailure = false) {
  const timed = existsSync('/usr/bin/time');
  const started = process.hrtime.bigint();
  const result = timed
    ? spawnSync(
        '/usr/bin/time',
        ['-f', 'SEAM_BENCH %M %U %S', command, ...commandArgs],
        spawnOptions(),
      )
    : spawnSync(command, commandArgs, spawnOptions());
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const [, peak, user, system] =
    /SEAM_BENCH (\d+) ([\d.]+) ([\d.]+)/.exec(result.stderr ?? '') ?? [];
  if (result.status !== 0 && !allowFailure) {
    throw new Error(`${command} ${commandArgs.join(' ')} failed:\n${result.stderr}`);
  }
  return {
    seconds,
    peakMB: peak ? Math.round(Number(peak) / 1024) : undefined,
    cpuSeconds: user ? Number(user) + Number(system) : undefined,
    stdout: result.stdout,
  };
}

function spawnOptions() {
  return { cwd: repo, encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 };
}

function speedTable(rows) {
  const lines = [
    '## Seam against a bare tree-sitter parse (target: at most 1.3x)',
    '',
    ...tableHead([
      'project',
      'files',
      'MB',
      'parse-only process (s)',
      'seam check process (s)',
      'ratio',
      'CPU: parse-only / seam check (s)',
      'CPU ratio',
      'parse alone (s)',
      'Seam load + view + check (s)',
      'ratio',
    ]),
  ];
  for (const row of rows) {
    const parseWall = stats(row.parse.map((r) => r.seconds));
    const checkWall = stats(row.check.map((r) => r.seconds));
    const parseInner = stats(row.parse.map((r) => r.inner));
    const seamInner = stats(row.phases.map((p) => p.loadSeconds + p.viewSeconds + p.checkSeconds));
    const parseCpu = cpuStats(row.parse);
    const checkCpu = cpuStats(row.check);
    const cpu = parseCpu && checkCpu;
    lines.push(
      `| ${row.name} | ${row.files} | ${row.megabytes.toFixed(2)} | ${show(parseWall)} | ` +
        `${show(checkWall)} | **${ratio(checkWall.min, parseWall.min)}** | ` +
        `${cpu ? `${parseCpu.min.toFixed(2)} / ${checkCpu.min.toFixed(2)}` : 'n/a'} | ` +
        `${cpu ? `**${ratio(checkCpu.min, parseCpu.min)}**` : 'n/a'} | ${show(parseInner)} | ` +
        `${show(seamInner)} | **${ratio(seamInner.min, parseInner.min)}** |`,
    );
  }
  lines.push('', 'Seam phases per run (s):', '');
  for (const row of rows) {
    const phase = (key) => row.phases.map((p) => p[key].toFixed(2)).join(' / ');
    lines.push(
      `- ${row.name}: discover ${phase('discoverSeconds')}; load (read + parse + extract) ` +
        `${phase('loadSeconds')}; view ${phase('viewSeconds')}; rules ${phase('checkSeconds')}; ` +
        `seam check peak RSS ${row.check.map((r) => r.peakMB).join(' / ')} MB`,
    );
  }
  return `${lines.join('\n')}\n`;
}

function alternativesTable(rows) {
  const lines = [
    '## Seam against what a user would run instead (target: Seam at least 5x faster)',
    '',
    ...tableHead([
      'project',
      'seam check (s)',
      'openapi-typescript (s)',
      'tsc --noEmit (s)',
      'both (s)',
      'Seam faster by',
      'pyright backend (s)',
      'Seam faster by',
    ]),
  ];
  for (const row of rows.filter((r) => r.alternative)) {
    const seam = stats(row.check.map((r) => r.seconds)).min;
    const { openapi, tsc, pyright } = row.alternative;
    const both = (openapi?.seconds ?? 0) + tsc.seconds;
    lines.push(
      `| ${row.name} | ${seam.toFixed(2)} | ${openapi?.seconds.toFixed(2) ?? 'no document'} | ` +
        `${tsc.seconds.toFixed(2)} (${row.alternative.tscErrors} errors) | ${both.toFixed(2)} | ` +
        `**${ratio(both, seam)}** | ${pyright ? pyright.seconds.toFixed(2) : 'skipped'} | ` +
        `${pyright ? ratio(pyright.seconds, seam) : '-'} |`,
    );
  }
  const own = rows.filter((r) => r.alternative?.own?.length);
  if (own.length) {
    lines.push('', "The project's own type-check, with its dependencies installed:", '');
    for (const row of own) {
      const seam = stats(row.check.map((r) => r.seconds)).min;
      const openapi = row.alternative.openapi?.seconds ?? 0;
      for (const tsc of row.alternative.own) {
        lines.push(
          `- ${row.name}, ${tsc.version}: ${tsc.seconds.toFixed(2)} s wall, ` +
            `${tsc.cpuSeconds?.toFixed(2) ?? '?'} s CPU, ${tsc.errors} errors; with ` +
            `openapi-typescript ${(openapi + tsc.seconds).toFixed(2)} s, ` +
            `**${ratio(openapi + tsc.seconds, seam)}** Seam's time`,
        );
      }
    }
  }
  return `${lines.join('\n')}\n`;
}

function editorTable(rows) {
  const lines = [
    '## The editor (targets: p95 at most 30 ms, at most 200 MB)',
    '',
    ...tableHead([
      'project',
      'edit-to-diagnostics p50 / p95 / max (ms), file',
      'same, in a schema file (ms)',
      'RSS after index (MB)',
      'RSS after edits (MB)',
      'then idle 12 s (MB)',
      'answer delay while indexing: median / p95 / max (ms)',
      "server's own loop delay: p99 / max (ms)",
      'progress reports arrived (s after start)',
    ]),
  ];
  for (const row of rows) {
    const {
      didChangeToStatusMs: edit,
      rssAfterIndexMB,
      rssAtEndMB,
      rssIdleMB,
      responsiveness: deaf,
    } = row.latency;
    lines.push(
      `| ${row.name} | ${spread(edit)}, ${row.latency.file ?? '?'} | ` +
        `${spread(row.latency.schema?.didChangeToStatusMs)} | ` +
        `${rssAfterIndexMB ?? 'n/a'} | ${rssAtEndMB ?? 'n/a'} | ${rssIdleMB ?? 'n/a'} | ` +
        `${deaf?.pingMedianMs} / ${deaf?.pingP95Ms} / ${deaf?.pingMaxMs} | ` +
        `${deaf?.serverLoopDelayP99Ms} / ${deaf?.serverLoopDelayMaxMs} | ` +
        `${deaf?.progressArrivedSeconds?.join(' to ')} |`,
    );
  }
  return `${lines.join('\n')}\n`;
}

function spread(samples) {
  return samples ? `${samples.median} / ${samples.p95} / ${samples.max}` : 'n/a';
}

/** A markdown table's head: the column names, the first left-aligned and the rest right. */
function tableHead(columns) {
  const rule = columns.map((_, i) => (i === 0 ? '---' : '---:'));
  return [`| ${columns.join(' | ')} |`, `| ${rule.join(' | ')} |`];
}

function stats(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return { min: sorted[0], median: sorted[Math.floor(sorted.length / 2)] };
}

function show({ min, median }) {
  return `${min.toFixed(2)} (median ${median.toFixed(2)})`;
}

function ratio(a, b) {
  return `${(a / b).toFixed(2)}x`;
}

function parseArguments(argv) {
  const options = { folders: [], runs: 3, pyright: true };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--runs') options.runs = Number(argv[++i]);
    else if (argv[i] === '--no-pyright') options.pyright = false;
    else options.folders.push(resolve(argv[i]));
  }
  if (!options.folders.length) {
    const real = ['/work/real/mealie', '/work/real/polar'].filter((dir) => existsSync(dir));
    options.folders = real.length ? real : [join(repo, 'examples', 'inventory')];
  }
  return options;
}

/** CPU seconds of timed runs, when /usr/bin/time gave them for every run. */
function cpuStats(runs) {
  const seconds = runs.map((run) => run.cpuSeconds);
  return seconds.every((value) => value !== undefined) ? stats(seconds) : undefined;
}
