// The server's logger: everything goes to the client's output channel through the connection's
// console, with the failure's stack when there is one.
import type { Connection } from 'vscode-languageserver/node';
import { describeError, type Logger } from '../core/log';

export function connectionLogger(connection: Connection): Logger {
  return {
    info: (message) => connection.console.info(message),
    warn: (message) => connection.console.warn(message),
    error: (message, error) =>
      connection.console.error(error ? `${message}\n${describeError(error)}` : message),
  };
}

/**
 * Runs a feature handler; a failure logs its stack and returns the feature's empty result, so
 * one broken feature never takes the server down.
 */
export function guarded<P extends unknown[], R>(
  logger: Logger,
  name: string,
  empty: R,
  handler: (...params: P) => R,
): (...params: P) => R {
  return (...params) => {
    try {
      return handler(...params);
    } catch (error) {
      logger.error(`${name} failed`, error);
      return empty;
    }
  };
}
