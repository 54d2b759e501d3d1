// The chat's grounding context on the example workspace: the active file's pairs, routes and
// findings appear; the budget drops the least relevant blocks first; the preview is what is sent.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { SEAM_DEFAULT_PROMPT } from '../server/src/core/chat/agent-prompts';
import { handleChatContext } from '../server/src/core/chat/chat-context-handler';
import { buildChatRequest } from '../server/src/core/chat/chat-request';
import { buildGroundingContext, type ContextSources } from '../server/src/core/chat/context';
import { estimateMessagesTokens, formatMessagesPreview } from '../server/src/core/chat/messages';
import type { Range } from '../server/src/core/facts';
import type { Finding } from '../server/src/core/findings/finding';
import { contextSourcesOnDisk } from './helpers/chat-sources';

const root = join(__dirname, '..', 'examples', 'inventory');
const agentsRoot = join(__dirname, 'fixtures', 'chat', 'agents-workspace');
const PART_TS = 'frontend/src/types/part.ts';
const BIG = 1_000_000;

let sources: ContextSources;

beforeAll(async () => {
  sources = await contextSourcesOnDisk(root);
});

function lines(first: number, last: number): Range {
  return { start: { line: first - 1, character: 0 }, end: { line: last - 1, character: 0 } };
}

describe('the context of an active file', () => {
  it('holds its types, their backend pairs as source, the ORM model, routes and findings', () => {
    const context = buildGroundingContext(sources, { file: PART_TS }, BIG);
    const text = context.text;
    expect(text).toContain('Active file: frontend/src/types/part.ts.');
    expect(text).toContain('export interface Part {');
    expect(text).toContain('class PartResponse(PartBase):');
    expect(text).toContain('mirrors backend/app/schemas/part.py#PartResponse (response');
    expect(text).toContain('class PartBase(BaseModel):');
    expect(text).toContain('class Part(SQLModel, table=True):');
    expect(text).toContain(
      '### PATCH /api/parts/{part_id} — `update_part` in backend/app/api/parts.py',
    );
    expect(text).toContain('called from frontend/src/services/parts.ts:36 via `apiClient`');
    for (const code of ['field-type-mismatch', 'field-nullability', 'request-field-required'])
      expect(text).toContain(`- \`${code}\``);
    expect(context.omitted).toEqual([]);
  });

  it('orders the sections: active file, related classes, routes, findings', () => {
    const text = buildGroundingContext(sources, { file: PART_TS }, BIG).text;
    const headings = [...text.matchAll(/^## (.+)$/gm)].map((match) => match[1]);
    expect(headings).toEqual([
      'In the active file',
      'Related classes and types',
      'Routes and the calls that reach them',
      'Findings',
    ]);
  });

  it('ranks the selection first, its pairs next, the rest of the file after', () => {
    const context = buildGroundingContext(sources, { file: PART_TS, selection: lines(4, 25) }, BIG);
    expect(context.text).toContain('Active file: frontend/src/types/part.ts:4-25 (selection).');
    expect(context.included.slice(0, 5)).toEqual([
      'TypeScript interface Part',
      'finding response-field-unused at frontend/src/types/part.ts:4',
      'finding field-nullability at frontend/src/types/part.ts:9',
      'finding field-type-mismatch at frontend/src/types/part.ts:14',
      'finding response-field-missing at frontend/src/types/part.ts:19',
    ]);
    const order = (label: string) => context.included.indexOf(label);
    expect(order('TypeScript interface PartCreatePayload')).toBeLessThan(
      order('Pydantic schema PartResponse'),
    );
    expect(order('Pydantic schema PartResponse')).toBeLessThan(order('Pydantic schema PartCreate'));
    expect(order('Pydantic schema PartCreate')).toBeLessThan(order('route POST /api/parts/'));
    expect(order('route POST /api/parts/')).toBeLessThan(
      order('finding alias-mismatch at frontend/src/types/catalog.ts:29'),
    );
  });

  it('starts from the routes when the active file is a router', () => {
    const context = buildGroundingContext(sources, { file: 'backend/app/api/parts.py' }, BIG);
    expect(context.included.slice(0, 3)).toEqual([
      'route GET /api/parts/get_all_parts',
      'route GET /api/parts/search',
      'route GET /api/parts/{part_id}',
    ]);
    expect(context.text).toContain('- used by PATCH /api/parts/{part_id}');
    expect(context.text).toContain('class PartUpdate(BaseModel):');
  });

  it('covers the entities with findings when there is no active file', () => {
    const context = buildGroundingContext(sources, {}, BIG);
    expect(context.text).toContain('No active file');
    expect(context.included).toContain('TypeScript interface CategoryCreatePayload');
    expect(context.included).toContain('Pydantic schema LocationResponse');
  });

  it('shows extra findings, such as the migration review, with their codes', () => {
    const migration: Finding = {
      code: 'migration-drift',
      severity: 'warning',
      file: 'backend/app/models/part.py',
      range: lines(43, 43),
      message: 'No revision adds parts.datasheet_url.',
      related: [],
    };
    const text = buildGroundingContext(
      { ...sources, extraFindings: [migration] },
      { file: 'backend/app/models/part.py' },
      BIG,
    ).text;
    expect(text).toContain(
      '- `migration-drift` warning at backend/app/models/part.py:43: No revision adds',
    );
  });

  it('quotes a file the index holds nothing about, such as a migration under review', () => {
    const file = 'backend/alembic/versions/c47e1a9f3b58_add_part_min_quantity.py';
    const review: Finding = {
      code: 'migration-not-null-no-default',
      severity: 'error',
      file,
      range: lines(21, 21),
      message: 'parts.min_quantity is added NOT NULL without a server default.',
      related: [],
    };
    const context = buildGroundingContext(
      { ...sources, extraFindings: [review] },
      { file, selection: lines(20, 22) },
      BIG,
    );
    expect(context.included.slice(0, 2)).toEqual([
      `source of ${file}`,
      `finding migration-not-null-no-default at ${file}:21`,
    ]);
    expect(context.text).toContain(
      `### Source of ${file}:20-22\n\`\`\`python\n    with op.batch_alter_table("parts")`,
    );
    expect(context.text).not.toContain('def downgrade()');
  });

  it('rebuilds the code from the index when the files cannot be read', () => {
    const text = buildGroundingContext(
      { ...sources, readText: () => undefined },
      { file: PART_TS },
      BIG,
    ).text;
    expect(text).toContain('export interface Part {\n  id: number;');
    expect(text).toContain(
      'class PartResponse(PartBase):\n    model_config = ConfigDict(from_attributes=True)',
    );
    expect(text).toContain('    name: str  # min_length=1, max_length=120, from PartBase');
    expect(text).toContain('class Part(SQLModel, table=True):\n    __tablename__ = "parts"');
    expect(text).toContain('    id: Optional[int] = None  # primary key');
    expect(text).toContain('    category_id: int  # foreign key to categories.id, indexed');
    expect(text).toContain('    created_at: datetime = Field(default_factory=utcnow)');
    expect(text).toContain('class PartStatus(str, Enum):\n    active = "active"');
  });
});

describe('the token budget', () => {
  it('keeps the most relevant blocks and leaves out the rest, in relevance order', () => {
    const focus = { file: PART_TS, selection: lines(4, 25) };
    const full = buildGroundingContext(sources, focus, BIG);
    for (const budget of [600, 1200, 2000, 3000, 4500, 6000]) {
      const context = buildGroundingContext(sources, focus, budget);
      expect(context.tokens).toBeLessThanOrEqual(budget);
      expect(context.included).toEqual(full.included.slice(0, context.included.length));
      expect(context.omitted).toEqual(full.included.slice(context.included.length));
    }
  });

  it('says what it left out', () => {
    const context = buildGroundingContext(sources, { file: PART_TS }, 1500);
    expect(context.omitted.length).toBeGreaterThan(0);
    expect(context.text).toMatch(/\(Left out to stay within the size budget: .*\d+ routes/);
  });

  it('cuts the most relevant block at a line when even it does not fit', () => {
    const context = buildGroundingContext(sources, { file: PART_TS, selection: lines(4, 25) }, 250);
    expect(context.shortened).toBe('TypeScript interface Part');
    expect(context.tokens).toBeLessThanOrEqual(250);
    expect(context.text).toMatch(/export interface Part \{[\s\S]*\n```\n\(\d+ more lines cut/);
  });
});

describe('the request', () => {
  it('previews exactly the messages it sends and respects the budget', () => {
    const request = buildChatRequest({
      sources,
      focus: { file: PART_TS },
      question: 'Why does unit_price arrive as a string?',
      agentPrompt: SEAM_DEFAULT_PROMPT,
      budget: 2500,
      systemRole: true,
    });
    expect(request.messages.map((message) => message.role)).toEqual(['system', 'user', 'user']);
    expect(request.messages[0].content).toBe(SEAM_DEFAULT_PROMPT.body);
    expect(request.messages[1].content).toBe(request.context.text);
    expect(request.messages[2].content).toBe('Why does unit_price arrive as a string?');
    expect(request.preview).toBe(formatMessagesPreview(request.messages));
    for (const message of request.messages) expect(request.preview).toContain(message.content);
    expect(request.tokens).toBe(estimateMessagesTokens(request.messages));
    expect(request.tokens).toBeLessThanOrEqual(2500);
  });

  it('puts the prompt in a user message for APIs without a system role', () => {
    const request = buildChatRequest({
      sources,
      focus: { file: PART_TS },
      question: 'q',
      agentPrompt: SEAM_DEFAULT_PROMPT,
      budget: 3000,
      systemRole: false,
    });
    expect(request.messages.map((message) => message.role)).toEqual(['user', 'user', 'user']);
    expect(request.messages[0].content).toBe(SEAM_DEFAULT_PROMPT.body);
  });

  it('sends no context, and says so, when the prompt alone fills the budget', () => {
    const request = buildChatRequest({
      sources,
      focus: { file: PART_TS },
      question: 'q',
      agentPrompt: SEAM_DEFAULT_PROMPT,
      budget: 100,
      systemRole: true,
    });
    expect(request.messages).toHaveLength(2);
    expect(request.context.text).toBe('');
    expect(request.problems[0]).toMatch(/no context from the index was added/);
  });
});

describe('the seam/chatContext handler', () => {
  const fileOfUri = (uri: string) =>
    uri.startsWith(pathToFileURL(root).href)
      ? uri.slice(pathToFileURL(root).href.length + 1)
      : undefined;
  const uri = pathToFileURL(join(root, PART_TS)).href;

  it('grounds the question with the preferred agent and lists every agent', () => {
    const result = handleChatContext(
      { root: agentsRoot, sources, fileOfUri },
      { uri, budget: 4000, question: 'What breaks?', systemRole: false },
    );
    expect(result.agent.name).toBe('schema-steward');
    expect(result.agents.map((agent) => agent.name)).toEqual([
      'schema-steward',
      'hand-written',
      'interface-stylist',
    ]);
    expect(result.messages[0]).toEqual({ role: 'user', content: expect.stringMatching(/promise/) });
    expect(result.messages[1].content).toBe(result.context);
    expect(result.context).toContain('Active file: frontend/src/types/part.ts.');
    expect(result.messagesPreview).toBe(formatMessagesPreview(result.messages));
    expect(result.problems).toHaveLength(2);
  });

  it('uses the agent the user picked and frames a command as a question', () => {
    const result = handleChatContext(
      { root: agentsRoot, sources, fileOfUri },
      {
        uri,
        range: lines(4, 25),
        budget: 4000,
        command: 'explain',
        agentName: 'interface-stylist',
        systemRole: true,
      },
    );
    expect(result.agent.name).toBe('interface-stylist');
    expect(result.messages[0].role).toBe('system');
    expect(result.messages.at(-1)?.content).toMatch(
      /^Explain each finding Seam reports in `frontend\/src\/types\/part\.ts`/,
    );
    expect(result.context).toContain('(selection)');
  });

  it("falls back to Seam's prompt in a workspace without agents", () => {
    const result = handleChatContext(
      { root, sources, fileOfUri },
      { uri: '', budget: 3000, question: 'Anything wrong?' },
    );
    expect(result.agent).toEqual({
      name: 'seam',
      description: SEAM_DEFAULT_PROMPT.description,
      file: undefined,
    });
    expect(result.agents).toEqual([]);
    expect(result.context).toContain('No active file');
  });
});
