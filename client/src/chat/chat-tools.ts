// Seam's findings and schema lookup as language-model tools, for agent mode and any extension
// that calls `vscode.lm.invokeTool`. The language server answers; these only check the gates
// and pass the text on. They follow the chat's gates: what they return goes to a model.
import * as vscode from 'vscode';
import { chatBlockedReason, readChatSettings } from './chat-settings';
import type { ChatServer } from './chat-types';
import {
  languageModelToolsApi,
  type LanguageModelTool,
  type LanguageModelToolsApi,
  type PreparedToolInvocation,
  type ToolInvocationOptions,
  type ToolResult,
} from './lm-tools-api';

/** The names under `contributes.languageModelTools` in package.json. */
export const TOOL_NAMES = {
  findings: 'seam_findings',
  schemaLookup: 'seam_schema_lookup',
} as const;

/**
 * The context key in the tools' `when` clause: true while the chat's gates are open, so agent
 * mode is offered the tools only then. It follows `chatBlockedReason` exactly, which a clause on
 * the setting itself could not (the gate reads the user's value only, and trust).
 */
const TOOLS_ENABLED_CONTEXT = 'seam.chatToolsEnabled';

/** The inputs as the caller sent them: VS Code does not promise to check them first. */
type FindingsInput = { file?: unknown } | undefined;
type SchemaLookupInput = { name?: unknown } | undefined;

/**
 * Registers the tools where the running VS Code has the tool API (1.95 and later); elsewhere,
 * and when registering fails, Seam goes on without them.
 */
export function registerChatTools(server: ChatServer): vscode.Disposable[] {
  const api = languageModelToolsApi();
  if (!api) return [];
  try {
    return [
      api.registerTool(TOOL_NAMES.findings, findingsTool(api, server)),
      api.registerTool(TOOL_NAMES.schemaLookup, schemaLookupTool(api, server)),
      ...followChatGates(),
    ];
  } catch (error) {
    server.warn(`Seam's language-model tools were not registered: ${String(error)}`);
    return [];
  }
}

/** Keeps the tools' context key in step with the chat setting and the workspace's trust. */
function followChatGates(): vscode.Disposable[] {
  const update = () => {
    const open = !chatBlockedReason(readChatSettings());
    void vscode.commands.executeCommand('setContext', TOOLS_ENABLED_CONTEXT, open);
  };
  update();
  return [
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('seam.chat.enabled')) update();
    }),
    vscode.workspace.onDidGrantWorkspaceTrust(update),
  ];
}

function findingsTool(
  api: LanguageModelToolsApi,
  server: ChatServer,
): LanguageModelTool<FindingsInput> {
  return {
    prepareInvocation: ({ input }): PreparedToolInvocation => {
      const file = textOf(input?.file);
      return {
        invocationMessage: file
          ? `Reading Seam's findings for ${file}`
          : "Reading Seam's findings for the workspace",
      };
    },
    invoke: (options, token) =>
      answer(api, options, async () => {
        const result = await server.findingsForTool({ file: textOf(options.input?.file) }, token);
        return result?.text;
      }),
  };
}

function schemaLookupTool(
  api: LanguageModelToolsApi,
  server: ChatServer,
): LanguageModelTool<SchemaLookupInput> {
  return {
    prepareInvocation: ({ input }): PreparedToolInvocation => ({
      invocationMessage: `Looking up ${textOf(input?.name) || 'a name'} in Seam's index`,
    }),
    invoke: (options, token) =>
      answer(api, options, async () => {
        const name = textOf(options.input?.name);
        if (!name) return 'Give the name of a TypeScript type, a Python class or a field.';
        const result = await server.schemaLookup({ name }, token);
        return result?.text;
      }),
  };
}

/**
 * Runs a tool when the chat's gates allow it. A closed gate, a failed request or a cancelled one
 * gives a sentence saying so, and nothing from the workspace. The tools read only Seam's local
 * index and send nothing themselves, but their answer goes on to the user's model, so they are
 * off while chat is off or the workspace is untrusted. Read-only, they ask for no confirmation.
 */
async function answer<T>(
  api: LanguageModelToolsApi,
  options: ToolInvocationOptions<T>,
  run: () => Promise<string | undefined>,
): Promise<ToolResult> {
  const blocked = chatBlockedReason(readChatSettings());
  if (blocked) return api.textResult(`Seam shared nothing. ${blocked}`);
  let text: string | undefined;
  try {
    text = await run();
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return api.textResult(`Seam could not answer: ${reason.split('\n')[0]}`);
  }
  text ??= "Seam could not answer: its language server failed (see Seam's output).";
  return api.textResult(fitToBudget(text, options.tokenizationOptions?.tokenBudget));
}

/** Keeps whole lines within the caller's token budget (about four characters a token). */
function fitToBudget(text: string, tokenBudget: number | undefined): string {
  if (!tokenBudget || tokenBudget <= 0 || text.length <= tokenBudget * 4) return text;
  const note = '\n(Cut to fit the token budget of this tool call.)';
  const room = Math.max(0, tokenBudget * 4 - note.length);
  const cut = text.lastIndexOf('\n', room);
  return `${text.slice(0, cut > 0 ? cut : room)}${note}`;
}

function textOf(value: unknown): string {
  return typeof value === 'string' ? value.trim() : '';
}
