// `seam pairs`: which TS type mirrors which backend class, with the evidence and a score.
import type { Command } from 'commander';
import { resolve } from 'node:path';
import type { Pair } from '../../core/pairing/pairs';
import { analyzeWorkspace } from '../../workspace/analyze-workspace';
import { stderrLogger } from '../stderr-logger';

export const PAIRS_JSON_VERSION = 1;

export function registerPairsCommand(program: Command): void {
  program
    .command('pairs')
    .description('list which frontend types mirror which backend classes, and why')
    .argument('[dir]', 'workspace folder', '.')
    .option('--json', 'print JSON (version 1)')
    .option('--all', 'include possible mirrors below the threshold')
    .action(async (dir: string, options: { json?: boolean; all?: boolean }) => {
      const analyzed = await analyzeWorkspace(resolve(dir));
      for (const problem of analyzed.configProblems) stderrLogger.warn(problem);
      const { pairs, possible } = analyzed.pairing;
      const listed = options.all ? [...pairs, ...possible] : pairs;
      process.stdout.write(`${options.json ? pairsJson(listed) : pairsText(listed)}\n`);
    });
}

function pairsJson(pairs: Pair[]): string {
  const entries = pairs.map((pair) => ({
    frontend: pair.frontend,
    backend: pair.backend,
    direction: pair.direction,
    score: pair.score,
    evidence: pair.evidence,
  }));
  return JSON.stringify({ version: PAIRS_JSON_VERSION, pairs: entries }, null, 2);
}

function pairsText(pairs: Pair[]): string {
  if (!pairs.length) return 'No pairs found.';
  return pairs
    .map(
      (pair) =>
        `${pair.frontend}\n  ${arrow(pair)} ${pair.backend}  (${pair.score.toFixed(2)})\n  ` +
        `${pair.evidence.join('; ')}`,
    )
    .join('\n');
}

function arrow(pair: Pair): string {
  return pair.direction === 'response' ? '<-' : pair.direction === 'request' ? '->' : '<->';
}
