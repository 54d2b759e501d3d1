// The `seam` command line: the same analysis core as the language server, for terminals and CI.
import { Command } from 'commander';

const program = new Command('seam');
program.description('Find where backend models, API schemas and frontend types disagree.');
program.parseAsync(process.argv).catch((error: unknown) => {
  process.stderr.write(`seam: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(2);
});
