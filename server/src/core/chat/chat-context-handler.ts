// The server's answer to `seam/chatContext`: a plain function of the index, the findings and the
// request, so tests call it without a connection and the server only wires it up.
import type { ChatAgentSummary, ChatContextParams, ChatContextResult } from '../../protocol';
import type { AgentPrompt } from './agent-prompt-parse';
import { chooseAgentPrompt, discoverAgentPrompts, rankAgentPrompts } from './agent-prompts';
import { questionFor } from './chat-commands';
import { buildChatRequest } from './chat-request';
import type { ContextSources } from './context';

export interface ChatContextDependencies {
  /** The workspace root on disk, where `.claude/agents/` is looked for. */
  root: string;
  sources: ContextSources;
  /** The workspace-relative path of a document URI, or undefined when it is outside. */
  fileOfUri: (uri: string) => string | undefined;
}

export function handleChatContext(
  dependencies: ChatContextDependencies,
  params: ChatContextParams,
): ChatContextResult {
  const discovery = discoverAgentPrompts(dependencies.root, { agentFile: params.agentFile });
  const agent = chooseAgentPrompt(discovery, (ranked) =>
    ranked.find((prompt) => prompt.name === params.agentName),
  );
  const file = params.uri ? dependencies.fileOfUri(params.uri) : undefined;
  const question = questionFor(params.command, params.question ?? '', file);

  const built = buildChatRequest({
    sources: dependencies.sources,
    focus: { file, selection: file ? params.range : undefined },
    question,
    agentPrompt: agent,
    budget: params.budget,
    systemRole: params.systemRole ?? false,
    history: params.history,
  });
  return {
    messagesPreview: built.preview,
    context: built.context.text,
    messages: built.messages,
    tokens: built.tokens,
    agent: summaryOf(agent),
    agents: rankAgentPrompts(discovery.prompts).map(summaryOf),
    omitted: built.context.omitted,
    historyTurns: { sent: built.history.messages.length, omitted: built.history.omitted },
    problems: [...discovery.problems, ...built.problems],
  };
}

function summaryOf(prompt: AgentPrompt): ChatAgentSummary {
  return { name: prompt.name, description: prompt.description, file: prompt.file };
}
