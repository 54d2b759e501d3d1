// Agent prompt files: front matter and body parsed whatever the line ends, byte order mark or
// YAML mistakes; discovery in .claude/agents; the database-minded prompt ranked first.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAgentPrompt } from '../server/src/core/chat/agent-prompt-parse';
import {
  chooseAgentPrompt,
  databasePreference,
  discoverAgentPrompts,
  rankAgentPrompts,
  SEAM_DEFAULT_PROMPT,
  type AgentPrompt,
} from '../server/src/core/chat/agent-prompts';
import { dedent } from './helpers/facts';

const fixtures = join(__dirname, 'fixtures', 'chat');
const workspace = join(fixtures, 'agents-workspace');

const wellFormed = dedent(`
  ---
  name: column-keeper
  description: Watches over table columns and their API mirrors.
  model: inherit
  color: green
  ---

  Check nullability on both sides before anything else.
`);

describe('parseAgentPrompt', () => {
  const cases: {
    title: string;
    text: string;
    expected: Partial<AgentPrompt>;
    problems: RegExp[];
  }[] = [
    {
      title: 'front matter and body',
      text: wellFormed,
      expected: {
        name: 'column-keeper',
        description: 'Watches over table columns and their API mirrors.',
        model: 'inherit',
        color: 'green',
        body: 'Check nullability on both sides before anything else.',
      },
      problems: [],
    },
    {
      title: 'CRLF line ends',
      text: wellFormed.replace(/\n/g, '\r\n'),
      expected: {
        name: 'column-keeper',
        body: 'Check nullability on both sides before anything else.',
      },
      problems: [],
    },
    {
      title: 'a byte order mark before the opening ---',
      text: `\uFEFF${wellFormed}`,
      expected: { name: 'column-keeper', model: 'inherit' },
      problems: [],
    },
    {
      title: 'no front matter: the whole text is the prompt, named after the file',
      text: 'Just a prompt.\nWith two lines.',
      expected: { name: 'plain', description: '', body: 'Just a prompt.\nWith two lines.' },
      problems: [/has no front matter/],
    },
    {
      title: 'an unquoted colon inside the description: read line by line',
      text: dedent(`
        ---
        name: loose
        description: Useful when: the schema changes.\\nAlso for migrations.
        ---
        Body text.
      `),
      expected: {
        name: 'loose',
        description: 'Useful when: the schema changes.\nAlso for migrations.',
        body: 'Body text.',
      },
      problems: [/not valid YAML \(line 3\).*line by line/],
    },
    {
      title: 'a YAML list instead of keys',
      text: '---\n- one\n- two\n---\nBody.',
      expected: { name: 'plain', body: 'Body.' },
      problems: [/not a list of `key: value` lines/],
    },
    {
      title: 'a front matter that is never closed',
      text: '---\nname: open\nBody without a closing line.',
      expected: { name: 'plain', body: '---\nname: open\nBody without a closing line.' },
      problems: [/never closed/],
    },
    {
      title: 'a multi-line description in a YAML block scalar',
      text: '---\nname: folded\ndescription: >\n  first half\n  second half\n---\nBody.',
      expected: { name: 'folded', description: 'first half second half' },
      problems: [],
    },
    {
      title: 'a numeric name is kept as text',
      text: '---\nname: 42\n---\nBody.',
      expected: { name: '42' },
      problems: [],
    },
  ];

  for (const { title, text, expected, problems } of cases) {
    it(title, () => {
      const parsed = parseAgentPrompt(text, 'agents/plain.md');
      expect(parsed.prompt).toMatchObject(expected);
      expect(parsed.problems).toHaveLength(problems.length);
      problems.forEach((pattern, i) => expect(parsed.problems[i]).toMatch(pattern));
    });
  }

  it('gives no prompt, and says why, when nothing follows the front matter', () => {
    const parsed = parseAgentPrompt('---\nname: hollow\n---\n\n  \n', 'agents/hollow.md');
    expect(parsed.prompt).toBeUndefined();
    expect(parsed.problems).toEqual([
      'agents/hollow.md: the prompt after the front matter is empty',
    ]);
  });

  it('never throws on broken input', () => {
    const broken = [
      '',
      '---',
      '---\n---',
      '---\n: : :\n---\nx',
      '---\n*alias\n---\nx',
      '\uFEFF\r\n',
    ];
    for (const text of broken) expect(() => parseAgentPrompt(text, 'x.md')).not.toThrow();
  });
});

describe('discoverAgentPrompts', () => {
  it('reads the .md files of .claude/agents, by file name, and reports the unusable ones', () => {
    const discovery = discoverAgentPrompts(workspace);
    expect(discovery.prompts.map((prompt) => prompt.file)).toEqual([
      '.claude/agents/hand-written.md',
      '.claude/agents/interface-stylist.md',
      '.claude/agents/schema-steward.md',
    ]);
    expect(discovery.problems).toEqual([
      '.claude/agents/empty-body.md: the prompt after the front matter is empty',
      expect.stringMatching(
        /^\.claude\/agents\/hand-written\.md: its front matter is not valid YAML/,
      ),
    ]);
  });

  it('puts an explicit file first and chooses it over the workspace prompts', () => {
    const discovery = discoverAgentPrompts(workspace, {
      agentFile: join(fixtures, 'explicit-agent.md'),
    });
    expect(discovery.explicit?.name).toBe('lookout');
    expect(discovery.prompts[0].name).toBe('lookout');
    expect(chooseAgentPrompt(discovery).name).toBe('lookout');
  });

  it('reports an explicit file that does not exist', () => {
    const discovery = discoverAgentPrompts(workspace, { agentFile: 'missing/agent.md' });
    expect(discovery.explicit).toBeUndefined();
    expect(discovery.problems[0]).toMatch(/^missing\/agent\.md: cannot be read/);
  });

  it('finds nothing, without problems, in a workspace with no agents folder', () => {
    expect(discoverAgentPrompts(fixtures)).toEqual({
      prompts: [],
      explicit: undefined,
      problems: [],
    });
  });
});

describe('choosing a prompt', () => {
  const discovery = discoverAgentPrompts(workspace);

  it('ranks the database-minded prompt first', () => {
    expect(rankAgentPrompts(discovery.prompts).map((prompt) => prompt.name)).toEqual([
      'schema-steward',
      'hand-written',
      'interface-stylist',
    ]);
  });

  it('scores name words above description words', () => {
    const prompt = (name: string, description: string): AgentPrompt => ({
      name,
      description,
      body: 'x',
    });
    expect(databasePreference(prompt('database-helper', ''))).toBe(3);
    expect(databasePreference(prompt('helper', 'database'))).toBe(1);
    expect(databasePreference(prompt('helper', 'Pydantic schemas and Alembic migrations'))).toBe(4);
    expect(databasePreference(prompt('stylist', 'buttons and colours'))).toBe(0);
  });

  it('takes the best ranked when the caller does not pick, and the pick when it does', () => {
    expect(chooseAgentPrompt(discovery).name).toBe('schema-steward');
    const picked = chooseAgentPrompt(discovery, (ranked) =>
      ranked.find((prompt) => prompt.name === 'interface-stylist'),
    );
    expect(picked.name).toBe('interface-stylist');
  });

  it("falls back to Seam's own prompt when the workspace has none", () => {
    const chosen = chooseAgentPrompt({ prompts: [], problems: [] });
    expect(chosen).toBe(SEAM_DEFAULT_PROMPT);
    expect(chosen.body).toMatch(/Seam/);
    expect(chosen.body).toMatch(/path:line/);
  });
});
