// `seam index`: what Seam found in a workspace, as a summary or as JSON.
import type { Command } from 'commander';
import { resolve } from 'node:path';
import { loadForCommand } from '../../workspace/analyze-workspace';
import { indexToJson } from '../index-json';
import { indexSummary } from '../index-summary';
import { stderrLogger } from '../stderr-logger';

export function registerIndexCommand(program: Command): void {
  program
    .command('index')
    .description('print what Seam found in a workspace: models, schemas, types, routes, calls')
    .argument('[dir]', 'workspace folder', '.')
    .option('--json', 'print the index as JSON (version 1)')
    .option('--verbose', 'log skipped files and timings to stderr')
    .action(async (dir: string, options: { json?: boolean; verbose?: boolean }) => {
      const logger = options.verbose ? stderrLogger : undefined;
      const workspace = await loadForCommand(resolve(dir), { logger });
      const output = options.json
        ? JSON.stringify(indexToJson(workspace.index.view()), null, 2)
        : indexSummary(workspace);
      process.stdout.write(`${output}\n`);
    });
}
