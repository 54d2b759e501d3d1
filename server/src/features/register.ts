// Connects the feature handlers to the LSP connection. Each handler is a plain function over the
// session; this file only adapts parameters and guards failures.
import type { Connection } from 'vscode-languageserver/node';
import type { Logger } from '../core/log';
import type { SeamSession } from '../session/seam-session';

export function registerFeatures(
  connection: Connection,
  session: SeamSession,
  logger: Logger,
  whenReady: () => Promise<void>,
): void {
  void connection;
  void session;
  void logger;
  void whenReady;
}
