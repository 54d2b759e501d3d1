// VS Code's language-model tool API (`vscode.lm.registerTool`, final since VS Code 1.95), as far
// as Seam uses it. Seam builds against the 1.91 types and runs on 1.91 and later, so the API is
// declared here and looked up at run time: `languageModelToolsApi()` is undefined without it.
import * as vscode from 'vscode';

export interface ToolInvocationOptions<T> {
  /** Validated against the tool's `inputSchema` by VS Code, but checked again by each tool. */
  readonly input: T;
  readonly tokenizationOptions?: { readonly tokenBudget: number };
}

export interface ToolPrepareOptions<T> {
  readonly input: T;
}

export interface PreparedToolInvocation {
  /** Shown while the tool runs. */
  invocationMessage?: string | vscode.MarkdownString;
  /** When present, VS Code asks the user before running the tool. */
  confirmationMessages?: { title: string; message: string | vscode.MarkdownString };
}

/** VS Code's `LanguageModelToolResult`; Seam only ever builds it from text. */
export interface ToolResult {
  readonly content: readonly unknown[];
}

export interface LanguageModelTool<T> {
  invoke(
    options: ToolInvocationOptions<T>,
    token: vscode.CancellationToken,
  ): vscode.ProviderResult<ToolResult>;
  prepareInvocation?(
    options: ToolPrepareOptions<T>,
    token: vscode.CancellationToken,
  ): vscode.ProviderResult<PreparedToolInvocation>;
}

export interface LanguageModelToolsApi {
  registerTool<T>(name: string, tool: LanguageModelTool<T>): vscode.Disposable;
  /** A `LanguageModelToolResult` holding one `LanguageModelTextPart`. */
  textResult(text: string): ToolResult;
}

type RegisterTool = <T>(name: string, tool: LanguageModelTool<T>) => vscode.Disposable;
type TextPartClass = new (value: string) => object;
type ToolResultClass = new (content: object[]) => ToolResult;

/** The tool API of the running VS Code, or undefined where it has none (before 1.95). */
export function languageModelToolsApi(): LanguageModelToolsApi | undefined {
  const lm: unknown = vscode.lm;
  const registerTool = memberOf(lm, 'registerTool');
  const TextPart = memberOf(vscode, 'LanguageModelTextPart');
  const Result = memberOf(vscode, 'LanguageModelToolResult');
  if (!isFunction<RegisterTool>(registerTool) || !isFunction<TextPartClass>(TextPart)) return;
  if (!isFunction<ToolResultClass>(Result)) return;
  return {
    registerTool: (name, tool) => registerTool.call(lm, name, tool),
    textResult: (text) => new Result([new TextPart(text)]),
  };
}

function memberOf(owner: unknown, key: string): unknown {
  if ((typeof owner !== 'object' && typeof owner !== 'function') || owner === null) return;
  return (owner as Record<string, unknown>)[key];
}

/** Narrows to the expected function type; only its presence can be checked at run time. */
function isFunction<T>(value: unknown): value is T {
  return typeof value === 'function';
}
