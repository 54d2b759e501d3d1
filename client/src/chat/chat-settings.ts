// The chat settings and the gates every request passes: chat turned on, a trusted workspace,
// and, for an endpoint off this machine, the user's one-time consent to send source there.
import * as vscode from 'vscode';
import { isLoopbackEndpoint } from '../../../server/src/core/chat/endpoint';

export interface ChatSettings {
  enabled: boolean;
  endpoint: string;
  model: string;
  agentFile: string;
  tokenBudget: number;
}

export const API_KEY_SECRET = 'seam.chat.apiKey';
export const AGENT_NAME_KEY = 'seam.chat.agentName';
const REMOTE_CONSENT_PREFIX = 'seam.chat.remoteConsent:';
const DEFAULT_TOKEN_BUDGET = 6000;

/**
 * `enabled` and `endpoint` are read from the user's own settings only: a workspace could
 * otherwise turn chat on and point it at a server of its choosing.
 */
export function readChatSettings(): ChatSettings {
  const configuration = vscode.workspace.getConfiguration('seam.chat');
  const budget = configuration.get<number>('tokenBudget', DEFAULT_TOKEN_BUDGET);
  return {
    enabled: userValue(configuration, 'enabled', false),
    endpoint: userValue(configuration, 'endpoint', '').trim(),
    model: configuration.get<string>('model', '').trim(),
    agentFile: configuration.get<string>('agentFile', '').trim(),
    tokenBudget: Number.isFinite(budget) && budget > 0 ? budget : DEFAULT_TOKEN_BUDGET,
  };
}

function userValue<T>(configuration: vscode.WorkspaceConfiguration, key: string, fallback: T): T {
  const inspected = configuration.inspect<T>(key);
  return inspected?.globalValue ?? inspected?.defaultValue ?? fallback;
}

/** Why nothing may be sent now, in a sentence for the user; undefined when chat may run. */
export function chatBlockedReason(settings: ChatSettings): string | undefined {
  if (!settings.enabled)
    return 'Seam chat is off. Turn on the `seam.chat.enabled` setting (user settings) to use it.';
  if (!vscode.workspace.isTrusted)
    return 'Seam chat sends nothing from an untrusted workspace. Trust the workspace to use it.';
  return undefined;
}

/**
 * Asks once per host before source goes to an endpoint off this machine; the answer "Send" is
 * remembered in global state. Loopback endpoints need no consent.
 */
export async function confirmRemoteEndpoint(
  context: vscode.ExtensionContext,
  endpoint: string,
): Promise<boolean> {
  if (isLoopbackEndpoint(endpoint)) return true;
  const host = hostOf(endpoint);
  const key = `${REMOTE_CONSENT_PREFIX}${host}`;
  if (context.globalState.get<boolean>(key)) return true;

  const choice = await vscode.window.showWarningMessage(
    `Seam chat will send your question and excerpts of this workspace's source code to ${host}, ` +
      'which is not this machine.',
    { modal: true, detail: 'You are asked once for each host.' },
    'Send',
  );
  if (choice !== 'Send') return false;
  await context.globalState.update(key, true);
  return true;
}

function hostOf(endpoint: string): string {
  try {
    return new URL(endpoint).host;
  } catch {
    return endpoint;
  }
}

/** The selection of an editor as a range, or undefined when nothing is selected. */
export function selectionOf(editor: vscode.TextEditor | undefined): vscode.Range | undefined {
  if (!editor || editor.selection.isEmpty) return undefined;
  return new vscode.Range(editor.selection.start, editor.selection.end);
}
