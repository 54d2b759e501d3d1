// The `seam` command line: the same analysis core as the language server, for terminals and CI.
import { Command } from 'commander';
import { resolve } from 'node:path';
import { loadWorkspace } from '../workspace/load-workspace';
import { indexToJson } from './index-json';
import { indexSummary } from './index-summary';
import { stderrLogger } from './stderr-logger';

const program = new Command('seam')
  .description('Find where backend models, API schemas and frontend types disagree.')
  .version(process.env.SEAM_VERSION ?? '0.1.0')
  .showHelpAfterError()
  .exitOverride((error) => process.exit(error.exitCode === 0 ? 0 : 2));

program
  .command('index')
  .description('print what Seam found in a workspace: models, schemas, types, routes, calls')
  .argument('[dir]', 'workspace folder', '.')
  .option('--json', 'print the index as JSON (version 1)')
  .option('--verbose', 'log skipped files and timings to stderr')
  .action(async (dir: string, options: { json?: boolean; verbose?: boolean }) => {
    const root = resolve(dir);
    const workspace = await loadWorkspace(root, {
      logger: options.verbose ? stderrLogger : undefined,
    });
    const output = options.json
      ? JSON.stringify(indexToJson(workspace.index.view()), null, 2)
      : indexSummary(workspace);
    process.stdout.write(`${output}\n`);
  });

program.parseAsync(process.argv).catch((error: unknown) => {
  process.stderr.write(`seam: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(2);
});
