// Seam's custom LSP messages, declared once. Each says who sends it.
import type { Range } from './core/facts';

export const Requests = {
  /** Client → server: drop the index and build it again from disk. No params, no result. */
  reindex: 'seam/reindex',
  /** Server → client notification: the number of findings after each check ({ findings }). */
  status: 'seam/status',
  /** Client → server: the pairs of one file's types (PairsForFileParams → PairSummary[]). */
  pairsForFile: 'seam/pairsForFile',
  /**
   * Client → server: TS interfaces for a backend class, for the "Generate TS interface" code
   * action (GenerateTsInterfaceParams → GenerateTsInterfaceResult | null).
   */
  generateTsInterface: 'seam/generateTsInterface',
  /**
   * Client → server, from the `@seam` chat participant and the chat panel: the grounded messages
   * for a chat question (ChatContextParams → ChatContextResult). The client only forwards them.
   */
  chatContext: 'seam/chatContext',
  /** Client → server: the workspace's migration files, newest first (→ MigrationItem[]). */
  listMigrations: 'seam/listMigrations',
  /**
   * Client → server: review a migration file or folder (ReviewMigrationParams →
   * ReviewMigrationResult); its findings also become diagnostics in the migration files.
   */
  reviewMigration: 'seam/reviewMigration',
  /**
   * Client → server, from the `seam_findings` language-model tool: the findings of a file, a
   * folder or the workspace, as data and as Markdown (FindingsForToolParams →
   * FindingsForToolResult).
   */
  findingsForTool: 'seam/findingsForTool',
  /**
   * Client → server, from the `seam_schema_lookup` language-model tool: the entities a name
   * denotes, their pairs with evidence and both sides as code (SchemaLookupParams →
   * SchemaLookupResult).
   */
  schemaLookup: 'seam/schemaLookup',
} as const;

export interface StatusParams {
  findings: number;
}

export interface PairsForFileParams {
  uri: string;
}

export interface PairSummary {
  frontend: string;
  backend: string;
  direction: 'response' | 'request' | 'both';
  score: number;
  evidence: string[];
  /** file:// URIs and ranges of both sides, for "go to". */
  frontendLocation: { uri: string; range: unknown };
  backendLocation: { uri: string; range: unknown };
  /** Below the pairing threshold: shown, never checked. */
  possible?: boolean;
  /** Findings the latest check reported about the pair. */
  findings?: number;
}

/**
 * Commands the client registers and the server puts in code lenses and code actions. The server
 * executes none of them itself.
 */
export const ClientCommands = {
  /** Opens one location, or peeks at several (GoToLocationArguments). */
  goToLocation: 'seam.goToLocation',
  /** Asks for `seam/generateTsInterface` and opens the result (GenerateTsInterfaceParams). */
  generateTsInterface: 'seam.generateTsInterface',
  showPairs: 'seam.showPairs',
  reindex: 'seam.reindex',
  openOutput: 'seam.openOutput',
  reviewMigration: 'seam.reviewMigration',
} as const;

export interface LocationLink {
  uri: string;
  range: Range;
}

/** The single argument of `seam.goToLocation`: where the click came from, where to go. */
export interface GoToLocationArguments {
  uri: string;
  position: { line: number; character: number };
  locations: LocationLink[];
}

export interface GenerateTsInterfaceParams {
  uri: string;
  /** The backend entity id (`backend/app/schemas/part.py#PartResponse`). */
  entity: string;
}

export interface GenerateTsInterfaceResult {
  /** The interface's name, for the editor's title. */
  name: string;
  source: string;
}

// The params and result of `Requests.chatContext`.
export type ChatCommandName = 'explain' | 'review' | 'design';

export interface ChatContextParams {
  /** The active document's URI; an empty string asks about the workspace as a whole. */
  uri: string;
  /** The selection in that document, 0-based as in LSP. */
  range?: Range;
  /** Tokens for all messages together, estimated as characters / 4. */
  budget: number;
  /** The user's words; absent to preview the prompt and context alone. */
  question?: string;
  command?: ChatCommandName;
  /** True for OpenAI-compatible endpoints; false puts the agent prompt in a user message. */
  systemRole?: boolean;
  /** The `seam.chat.agentFile` setting: absolute, or relative to the workspace root. */
  agentFile?: string;
  /** The name of the agent the user picked among several. */
  agentName?: string;
  /**
   * Earlier turns of the conversation, oldest first, as plain text: the user's questions and the
   * answers. They go between the agent prompt and the context; the oldest are left out first
   * when the budget is short. Earlier contexts are never sent again.
   */
  history?: ChatContextMessage[];
}

export interface ChatAgentSummary {
  name: string;
  description: string;
  /** Workspace-relative path; absent for Seam's default prompt. */
  file?: string;
}

export interface ChatContextMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

export interface ChatContextResult {
  /** Exactly what `messages` holds, as readable text, for the user to check before sending. */
  messagesPreview: string;
  /** The grounding context alone. */
  context: string;
  messages: ChatContextMessage[];
  /** Estimated tokens of all messages. */
  tokens: number;
  agent: ChatAgentSummary;
  /** Every agent prompt found, the database-minded first, for the user to pick from. */
  agents: ChatAgentSummary[];
  /** Labels of context blocks left out to fit the budget. */
  omitted: string[];
  /** Earlier turns sent, and left out (the oldest) to fit the budget. */
  historyTurns?: { sent: number; omitted: number };
  /** Unreadable agent files, a budget too small for any context, and similar. */
  problems: string[];
}

export interface MigrationItem {
  uri: string;
  /** The path relative to its workspace folder. */
  label: string;
}

export interface ReviewMigrationParams {
  /** A migration file, or a folder of migrations. */
  uri: string;
}

export interface ReviewMigrationResult {
  /** The review as Markdown (the CLI's `--format markdown`), ready for a PR comment. */
  markdown: string;
  /** Each finding with the file:// URI and range it points at, for links in the report. */
  findings: { code: string; severity: string; message: string; uri: string; range: unknown }[];
}

/** The params of `Requests.findingsForTool`. */
export interface FindingsForToolParams {
  /**
   * A file or folder: workspace-relative, absolute or a file:// URI. Absent or empty for the
   * whole workspace.
   */
  file?: string;
  /** The most findings listed; the rest are counted. */
  limit?: number;
}

export interface ToolFinding {
  code: string;
  severity: string;
  message: string;
  /** Workspace-relative path; lines in `range` are 0-based as in LSP. */
  file: string;
  uri: string;
  range: Range;
  pair?: { frontend: string; backend: string };
}

export interface FindingsForToolResult {
  /** The workspace-relative file or folder asked about; absent for the whole workspace. */
  file?: string;
  findings: ToolFinding[];
  /** Findings that matched, before the limit. */
  total: number;
  /** The findings as Markdown for a language model: one item each, code, place and message. */
  text: string;
  /** Why nothing could be listed: Seam switched off, a path outside the workspace. */
  problems: string[];
}

/** The params of `Requests.schemaLookup`. */
export interface SchemaLookupParams {
  /**
   * A TS type, a Python class or a field: `PartResponse`, `Part.unit_price`, `unit_price`, or an
   * entity id (`backend/app/schemas/part.py#PartResponse`).
   */
  name: string;
  /** The most entities described; the rest are named. */
  limit?: number;
}

export interface SchemaLookupPair {
  frontend: string;
  backend: string;
  direction: 'response' | 'request' | 'both';
  score: number;
  evidence: string[];
  /** Below the pairing threshold: shown, never checked. */
  possible: boolean;
  /** Findings the latest check reported about the pair. */
  findings: number;
}

export interface SchemaLookupMatch {
  /** The entity id (`frontend/src/types/part.ts#Part`). */
  entity: string;
  name: string;
  kind: string;
  uri: string;
  range: Range;
  /** The field asked about, when the name denoted one. */
  field?: string;
  pairs: SchemaLookupPair[];
}

export interface SchemaLookupResult {
  name: string;
  matches: SchemaLookupMatch[];
  /** Entities that matched beyond the limit, by id. */
  more: string[];
  /** The matches, their pairs and both sides as code, as Markdown for a language model. */
  text: string;
  problems: string[];
}
