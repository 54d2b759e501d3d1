// The CLI's logger: everything to stderr, so stdout stays clean for JSON and SARIF.
import { describeError, type Logger } from '../core/log';

export const stderrLogger: Logger = {
  info: (message) => process.stderr.write(`${message}\n`),
  warn: (message) => process.stderr.write(`warning: ${message}\n`),
  error: (message, error) =>
    process.stderr.write(`error: ${message}${error ? `\n${describeError(error)}` : ''}\n`),
};
