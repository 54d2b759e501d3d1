// The `seam` command line: the same analysis core as the language server, for terminals and CI.
// Exit status: 0 clean, 1 findings at or above --fail-on (or a failed request), 2 bad usage.
import { Command } from 'commander';
import { registerAskCommand } from './commands/ask-command';
import { registerCheckCommand } from './commands/check-command';
import { registerIndexCommand } from './commands/index-command';
import { registerPairsCommand } from './commands/pairs-command';
import { registerReviewMigrationCommand } from './commands/review-migration-command';
import { SEAM_VERSION } from './version';

const program = new Command('seam')
  .description('Find where backend models, API schemas and frontend types disagree.')
  .version(SEAM_VERSION)
  .showHelpAfterError()
  .exitOverride((error) => process.exit(error.exitCode === 0 ? 0 : 2));

registerIndexCommand(program);
registerPairsCommand(program);
registerCheckCommand(program);
registerReviewMigrationCommand(program);
registerAskCommand(program);

program.parseAsync(process.argv).catch((error: unknown) => {
  process.stderr.write(`seam: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(2);
});
