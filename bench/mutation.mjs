// Mutation test of Seam's recall (issue 8, "Accuracy"): in a copy of a real project, rename, drop,
// retype or flip the nullability of one paired field at a time, on either side, and count how
// many of these drifts `seam check` reports.
//
//   node bench/mutation.mjs [DIR] [--n 100] [--seed 1] [--jobs 2] [--json OUT] [--keep]
//                           [--seam PATH/TO/cli.js] [--pydantic 1|2] [--dry]
//
// DIR defaults to /work/real/mealie. The project is copied to a temp folder (without
// node_modules and .git), `seam pairs --json` and `seam index --json` give the reported pairs
// (score at or above the threshold) and the file and range of every field, and a seeded PRNG
// picks N mutations spread evenly over eight kinds (bench/mutation-kinds.mjs). Each mutation is
// applied alone to one field line, `seam check --format json` runs on the copy, and the file is
// restored. A mutation counts as reported when the check has a finding that the unmutated copy
// did not have, with a code plausible for the kind, on the pair (or on the mutated field or its
// counterpart). Mutations that are no drift at run time (e.g. dropping a TS request field whose
// schema field has a default) are listed apart and left out of the rate. Only fields that a
// reported pair lines up with a field on the other side are mutated; retypes only touch fields
// whose two sides agree at baseline, so every counted mutation introduces a fresh drift.
//
// Seam is run from a snapshot of dist/cli.js (taken at start, so a rebuild by someone else does
// not change the run halfway); run `npm run build` first. Checks run in `--jobs` parallel copies.
// One mutation costs about one `seam check` (mealie: 100 mutations in about 4 minutes on 2
// cores). `--dry` prints the chosen mutations and their verdicts without running any check.
import { execFile } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
  mkdirSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import {
  KINDS,
  collectTargets,
  enumsByName,
  overrideFinder,
  planMutation,
} from './mutation-kinds.mjs';

const run = promisify(execFile);
const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
const SKIPPED_FOLDERS = new Set(['node_modules', '.git']);

function parseArguments(argv) {
  const options = { dir: '/work/real/mealie', n: 100, seed: 1, jobs: 2, keep: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--n') options.n = Number(argv[++i]);
    else if (arg === '--seed') options.seed = Number(argv[++i]);
    else if (arg === '--jobs') options.jobs = Number(argv[++i]);
    else if (arg === '--json') options.jsonOut = argv[++i];
    else if (arg === '--seam') options.seam = resolve(argv[++i]);
    else if (arg === '--pydantic') options.pydantic = Number(argv[++i]);
    else if (arg === '--keep') options.keep = true;
    else if (arg === '--dry') options.dry = true;
    else if (!arg.startsWith('--')) options.dir = resolve(arg);
    else throw new Error(`unknown option ${arg}`);
  }
  return options;
}

// ---------------------------------------------------------------------------------------------
// Seam snapshot and project copies.

/** Copies the built CLI with its grammars so that a rebuild during the run changes nothing. */
function snapshotSeam(scratch) {
  const cli = join(repoRoot, 'dist', 'cli.js');
  if (!existsSync(cli)) throw new Error('dist/cli.js is missing: run `npm run build` first');
  const root = join(scratch, 'seam');
  mkdirSync(join(root, 'dist'), { recursive: true });
  cpSync(cli, join(root, 'dist', 'cli.js'));
  cpSync(join(repoRoot, 'dist', 'wasm'), join(root, 'dist', 'wasm'), { recursive: true });
  cpSync(join(repoRoot, 'grammars'), join(root, 'grammars'), { recursive: true });
  cpSync(join(repoRoot, 'package.json'), join(root, 'package.json'));
  symlinkSync(join(repoRoot, 'node_modules'), join(root, 'node_modules'));
  return join(root, 'dist', 'cli.js');
}

function copyProject(source, target) {
  cpSync(source, target, {
    recursive: true,
    verbatimSymlinks: true,
    filter: (path) => !SKIPPED_FOLDERS.has(basename(path)),
  });
}

async function seam(cli, args) {
  const started = performance.now();
  const { stdout } = await run(process.execPath, [cli, ...args], {
    maxBuffer: 512 * 1024 * 1024,
  });
  return { json: JSON.parse(stdout), seconds: (performance.now() - started) / 1000 };
}

const check = (cli, dir) => seam(cli, ['check', dir, '--format', 'json', '--fail-on', 'never']);

// ---------------------------------------------------------------------------------------------
// Choosing the mutations.

/** mulberry32: a small seeded PRNG, so a seed always picks the same mutations. */
function prng(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffle(items, random) {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy;
}

/** Every applicable (kind, field) mutation, planned against the unmutated text. */
function allCandidates(targets, workDir, env) {
  const texts = new Map();
  const textOf = (file) => {
    if (!texts.has(file)) texts.set(file, readFileSync(join(workDir, file), 'utf8'));
    return texts.get(file);
  };
  const byKind = new Map(KINDS.map((kind) => [kind, []]));
  const sorted = [...targets].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
  for (const target of sorted) {
    if (!existsSync(join(workDir, target.file))) continue;
    for (const kind of KINDS) {
      const plan = planMutation(kind, target, textOf(target.file), env);
      if (plan) byKind.get(kind).push({ ...plan, originalText: textOf(target.file) });
    }
  }
  return byKind;
}

/** N mutations, as even as the candidates allow across the kinds. */
function pickMutations(byKind, n, random) {
  const shuffled = new Map(KINDS.map((kind) => [kind, shuffle(byKind.get(kind), random)]));
  const picked = [];
  let progress = true;
  while (picked.length < n && progress) {
    progress = false;
    for (const kind of KINDS) {
      const next = shuffled.get(kind).shift();
      if (!next || picked.length >= n) continue;
      picked.push(next);
      progress = true;
    }
  }
  return picked;
}

// ---------------------------------------------------------------------------------------------
// Deciding whether Seam reported a mutation.

function findingKey(f) {
  return `${f.code}\0${f.file}\0${f.range.start.line}:${f.range.start.character}\0${f.message}`;
}

/** Maps a finding of the mutated copy back to unmutated line numbers (after a dropped line). */
function unshift(finding, mutation) {
  if (!mutation.edit.dropped) return finding;
  const { file, line } = mutation.target;
  const back = (n) => (n >= line ? n + 1 : n);
  const range =
    finding.file === file
      ? {
          start: { ...finding.range.start, line: back(finding.range.start.line) },
          end: { ...finding.range.end, line: back(finding.range.end.line) },
        }
      : finding.range;
  const escaped = file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const message = finding.message.replace(
    new RegExp(`${escaped}:(\\d+)`, 'g'),
    (_, n) => `${file}:${back(Number(n) - 1) + 1}`,
  );
  return { ...finding, range, message };
}

function placesOf(mutation, verdicts) {
  const places = new Set([`${mutation.target.file}:${mutation.target.line}`]);
  for (const { context } of verdicts) {
    for (const [entity, field] of [
      [context.tsEntity, context.ts],
      [context.pyEntity, context.py],
    ]) {
      const file = field.declaredIn ? field.declaredIn.split('#')[0] : entity.file;
      places.add(`${file}:${field.range.start.line}`);
      places.add(`${entity.file}:${entity.range.start.line}`);
    }
  }
  return places;
}

function pointsAt(finding, verdicts, places) {
  const pair = finding.pair && `${finding.pair.frontend}\0${finding.pair.backend}`;
  const pairs = new Set(
    verdicts.map((v) => `${v.context.pair.frontend}\0${v.context.pair.backend}`),
  );
  return (pair && pairs.has(pair)) || places.has(`${finding.file}:${finding.range.start.line}`);
}

function judge(mutation, baselineKeys, findings) {
  const adjusted = findings.map((f) => unshift(f, mutation));
  const fresh = adjusted.filter((f) => !baselineKeys.has(findingKey(f)));
  const keys = new Set(adjusted.map(findingKey));
  const vanished = [...baselineKeys].filter((key) => !keys.has(key)).length;
  const drifting = mutation.verdicts.filter((v) => v.drift);
  const codes = new Set(drifting.flatMap((v) => v.codes));
  const near = fresh.filter((f) =>
    pointsAt(f, mutation.verdicts, placesOf(mutation, mutation.verdicts)),
  );
  const anywhere = new Set(drifting.flatMap((v) => v.anywhere ?? []));
  const hits = fresh.filter(
    (f) =>
      anywhere.has(f.code) ||
      (codes.has(f.code) && pointsAt(f, drifting, placesOf(mutation, drifting))),
  );
  const status = !drifting.length ? 'excluded' : hits.length ? 'reported' : 'missed';
  return { status, hits, near, fresh, vanished, codes: [...codes] };
}

// ---------------------------------------------------------------------------------------------
// Running.

async function runMutation(mutation, workDir, cli, baselineKeys, threshold) {
  const path = join(workDir, mutation.target.file);
  writeFileSync(path, mutation.newText);
  try {
    const { json } = await check(cli, workDir);
    const result = judge(mutation, baselineKeys, json.diagnostics);
    if (result.status === 'missed')
      result.pairs = await pairStatus(cli, workDir, mutation, threshold);
    return result;
  } finally {
    writeFileSync(path, mutation.originalText);
  }
}

/** After a miss: is each drifting context's pair still reported, and at which score? */
async function pairStatus(cli, workDir, mutation, threshold) {
  const { json } = await seam(cli, ['pairs', workDir, '--json', '--all']);
  const wanted = new Set(
    mutation.verdicts
      .filter((v) => v.drift)
      .map((v) => `${v.context.pair.frontend}\0${v.context.pair.backend}`),
  );
  return [...wanted].map((key) => {
    const [frontend, backend] = key.split('\0');
    const found = json.pairs.find((p) => p.frontend === frontend && p.backend === backend);
    const name = `pair ${shortId(frontend)} ↔ ${shortId(backend)}`;
    if (!found) return `${name} is gone`;
    const below = found.score < threshold ? ` (below the threshold ${threshold})` : '';
    return `${name} ${found.direction} score ${found.score}${below}`;
  });
}

async function runAll(mutations, workDirs, cli, baselineKeys, threshold) {
  const results = new Array(mutations.length);
  let next = 0;
  let done = 0;
  const worker = async (workDir) => {
    while (next < mutations.length) {
      const i = next++;
      results[i] = await runMutation(mutations[i], workDir, cli, baselineKeys, threshold);
      done++;
      if (done % 10 === 0)
        process.stderr.write(`  ${done}/${mutations.length} mutations checked\n`);
    }
  };
  await Promise.all(workDirs.map(worker));
  return results;
}

// ---------------------------------------------------------------------------------------------
// Report.

function shortId(id) {
  const [file, name] = id.split('#');
  return `${file.split('/').pop()}#${name}`;
}

function describeMutation(m) {
  const before = m.edit.before.trim();
  const after = m.edit.after === null ? '(line removed)' : m.edit.after.trim();
  return `${m.kind} ${m.target.file}:${m.target.line + 1}  \`${before}\` → \`${after}\``;
}

function describeFinding(f) {
  return `${f.code}@${f.file.split('/').pop()}:${f.range.start.line + 1}`;
}

function contextsText(m) {
  const seen = new Set();
  for (const { context, drift } of m.verdicts) {
    const { frontend, backend } = context.pair;
    if (drift) seen.add(`${shortId(frontend)} ↔ ${shortId(backend)} (${context.direction})`);
  }
  return [...seen].join('; ');
}

function table(rows) {
  const header = ['kind', 'applied', 'reported', 'missed', 'excluded', 'rate'];
  const lines = [header, ...rows].map((cells) => cells.map(String));
  const widths = header.map((_, i) => Math.max(...lines.map((l) => l[i].length)));
  return lines.map((l) => l.map((c, i) => c.padEnd(widths[i])).join('  ')).join('\n');
}

function tally(mutations, results, kind) {
  const rows = results.filter((_, i) => !kind || mutations[i].kind === kind);
  const count = (status) => rows.filter((r) => r.status === status).length;
  const [reported, missed, excluded] = [count('reported'), count('missed'), count('excluded')];
  const rate = reported + missed ? `${((100 * reported) / (reported + missed)).toFixed(1)}%` : '-';
  return [kind ?? 'all', rows.length, reported, missed, excluded, rate];
}

function printReport(project, baseline, mutations, results, candidates) {
  const out = [];
  out.push(`\nMutation test of ${project}`);
  out.push(
    `baseline: ${baseline.pairs} reported pairs, ${baseline.findings} findings, one check ` +
      `${baseline.seconds.toFixed(1)} s; candidates per kind: ` +
      KINDS.map((k) => `${k} ${candidates.get(k).length}`).join(', '),
  );
  out.push(
    `${mutations.length} mutations in ${Math.round(baseline.elapsed)} s on ${baseline.jobs} jobs`,
  );
  out.push(
    '',
    table([...KINDS.map((k) => tally(mutations, results, k)), tally(mutations, results)]),
  );
  const missed = results.map((r, i) => [mutations[i], r]).filter(([, r]) => r.status === 'missed');
  out.push('', `Misses (${missed.length}):`);
  for (const [m, r] of missed) {
    out.push(`- ${describeMutation(m)}`);
    out.push(`    pair: ${contextsText(m)}; expected ${r.codes.join(' | ')}`);
    for (const note of new Set(m.verdicts.map((v) => v.note).filter(Boolean)))
      out.push(`    note: ${note}`);
    const said = r.near.length
      ? r.near.map(describeFinding).join(', ')
      : 'nothing new on this pair';
    out.push(`    Seam said: ${said}; ${r.fresh.length} new findings in all, ${r.vanished} gone`);
    const elsewhere = r.fresh.filter((f) => !r.near.includes(f)).slice(0, 6);
    if (elsewhere.length) out.push(`    elsewhere: ${elsewhere.map(describeFinding).join(', ')}`);
    for (const line of r.pairs ?? []) out.push(`    ${line}`);
  }
  const excluded = results
    .map((r, i) => [mutations[i], r])
    .filter(([, r]) => r.status === 'excluded');
  out.push('', `Not a drift at run time, left out of the rate (${excluded.length}):`);
  for (const [m, r] of excluded) {
    const reasons = [...new Set(m.verdicts.map((v) => v.reason))].join('; ');
    const said = r.near.length
      ? `Seam said ${r.near.map(describeFinding).join(', ')}`
      : 'Seam said nothing';
    out.push(`- ${describeMutation(m)}\n    ${reasons}. ${said}.`);
  }
  process.stdout.write(`${out.join('\n')}\n`);
}

function resultJson(mutations, results) {
  return results.map((r, i) => ({
    kind: mutations[i].kind,
    file: mutations[i].target.file,
    line: mutations[i].target.line + 1,
    before: mutations[i].edit.before,
    after: mutations[i].edit.after,
    status: r.status,
    expected: r.codes,
    reasons: mutations[i].verdicts.filter((v) => !v.drift).map((v) => v.reason),
    hits: r.hits.map(describeFinding),
    near: r.near.map((f) => ({
      code: f.code,
      file: f.file,
      line: f.range.start.line + 1,
      message: f.message,
    })),
    fresh: r.fresh.map(describeFinding),
    pairs: r.pairs,
  }));
}

// ---------------------------------------------------------------------------------------------
// Setup: project facts the verdicts need.

/** Pydantic v1 changes two verdicts (str coercion, Optional defaults); read the pins. */
function detectPydanticV1(dir) {
  const pins = [
    'requirements.txt',
    'pyproject.toml',
    'backend/requirements.txt',
    'api/requirements.txt',
  ]
    .map((file) => join(dir, file))
    .filter(existsSync)
    .map((file) => readFileSync(file, 'utf8'))
    .join('\n');
  return /^\s*pydantic\s*(\[[^\]]*\])?\s*(==\s*1\.|~=\s*1\.|<\s*2|=\s*"\^?1\.)/m.test(pins);
}

function readThreshold(dir) {
  const path = join(dir, 'seam.json');
  if (!existsSync(path)) return 0.6;
  try {
    return JSON.parse(readFileSync(path, 'utf8')).pairing?.threshold ?? 0.6;
  } catch {
    return 0.6;
  }
}

/** How many fields an entity declares itself: dropping the last one would break the class. */
function ownFieldCounter(index) {
  const counts = new Map();
  for (const entity of index.entities) {
    for (const field of entity.fields) {
      const owner = field.declaredIn ?? entity.id;
      const names = counts.get(owner) ?? new Set();
      names.add(field.name);
      counts.set(owner, names);
    }
  }
  return (owner) => counts.get(owner)?.size ?? 0;
}

async function main() {
  const options = parseArguments(process.argv.slice(2));
  const scratch = mkdtempSync(join(tmpdir(), 'seam-mutation-'));
  try {
    const cli = options.seam ?? snapshotSeam(scratch);
    const workDirs = Array.from({ length: Math.max(1, options.jobs) }, (_, i) => {
      const dir = join(scratch, `work-${i}`);
      copyProject(options.dir, dir);
      return dir;
    });
    const [pairs, index, baselineCheck] = [
      await seam(cli, ['pairs', workDirs[0], '--json']),
      await seam(cli, ['index', workDirs[0], '--json']),
      await check(cli, workDirs[0]),
    ];
    const env = {
      enums: enumsByName(index.json),
      pydanticV1: options.pydantic ? options.pydantic === 1 : detectPydanticV1(options.dir),
      ownFieldCount: ownFieldCounter(index.json),
      overridden: overrideFinder(index.json),
    };
    const targets = collectTargets(index.json, pairs.json.pairs);
    const candidates = allCandidates(targets, workDirs[0], env);
    const mutations = pickMutations(candidates, options.n, prng(options.seed));
    if (options.dry) {
      for (const m of mutations) {
        const verdicts = m.verdicts.map((v) => (v.drift ? v.codes.join('|') : v.reason));
        process.stdout.write(`${describeMutation(m)}  [${verdicts.join('; ')}]\n`);
      }
      return;
    }
    // Measured on 2 cores: parallel checks slow each other, so two jobs gain little over one.
    const estimate = mutations.length * baselineCheck.seconds;
    process.stderr.write(
      `${mutations.length} mutations, ${workDirs.length} jobs, one check ` +
        `${baselineCheck.seconds.toFixed(1)} s: about ${Math.round(estimate)} s\n`,
    );
    const baselineKeys = new Set(baselineCheck.json.diagnostics.map(findingKey));
    const threshold = readThreshold(options.dir);
    const started = performance.now();
    const results = await runAll(mutations, workDirs, cli, baselineKeys, threshold);
    const elapsed = (performance.now() - started) / 1000;
    const baseline = {
      pairs: pairs.json.pairs.length,
      findings: baselineCheck.json.diagnostics.length,
      seconds: baselineCheck.seconds,
      elapsed,
      jobs: workDirs.length,
    };
    printReport(options.dir, baseline, mutations, results, candidates);
    if (options.jsonOut)
      writeFileSync(options.jsonOut, JSON.stringify(resultJson(mutations, results), null, 2));
  } finally {
    if (options.keep) process.stderr.write(`kept ${scratch}\n`);
    else rmSync(scratch, { recursive: true, force: true });
  }
}

await main();
