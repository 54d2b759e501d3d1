// The chat panel's page and answer rendering (the parts without VS Code): a strict content
// policy, no remote resources, no raw HTML from the model, and code blocks with their buttons.
import { describe, expect, it } from 'vitest';
import { renderAnswer } from '../client/src/chat/answer-markdown';
import { contentSecurityPolicy, createNonce, panelHtml } from '../client/src/chat/panel-html';

describe('answer rendering', () => {
  const unsafe: { title: string; markdown: string; absent: RegExp }[] = [
    { title: 'a script tag', markdown: 'Hi <script>alert(1)</script>', absent: /<script/i },
    { title: 'an inline handler', markdown: '<img src=x onerror="alert(1)">', absent: /<img/i },
    {
      title: 'a javascript: link',
      markdown: '[go](javascript:alert(1))',
      absent: /href="javascript/i,
    },
    { title: 'an iframe', markdown: '<iframe src="https://x.test"></iframe>', absent: /<iframe/i },
    { title: 'a remote image', markdown: '![pixel](https://x.test/p.png)', absent: /<img/i },
  ];
  for (const { title, markdown, absent } of unsafe) {
    it(`renders ${title} as text, not markup`, () => {
      expect(renderAnswer(markdown, 1).html).not.toMatch(absent);
    });
  }

  it('keeps markdown formatting', () => {
    const { html } = renderAnswer('**Nullable** `description`:\n\n- one\n- two', 1);
    expect(html).toContain('<strong>Nullable</strong>');
    expect(html).toContain('<code>description</code>');
    expect(html).toContain('<li>one</li>');
  });

  it('gives each code block insert and copy buttons and keeps its exact code', () => {
    const answer = [
      'Change the type:',
      '```ts',
      'description: string | null; // <b>not bold</b>',
      '```',
      'and the schema:',
      '```python',
      'description: Optional[str] = None',
      '```',
    ].join('\n');
    const rendered = renderAnswer(answer, 7);
    expect(rendered.codeBlocks).toEqual([
      'description: string | null; // <b>not bold</b>\n',
      'description: Optional[str] = None\n',
    ]);
    expect(rendered.html).toContain(
      '<button type="button" data-action="insert" data-answer="7" data-block="1">Insert</button>',
    );
    expect(rendered.html).toContain('data-action="copy" data-answer="7" data-block="0"');
    expect(rendered.html).toContain('<code class="language-ts">');
    expect(rendered.html).toContain('&lt;b&gt;not bold&lt;/b&gt;');
  });

  it('escapes a hostile code block language', () => {
    const { html } = renderAnswer('```"><script>x</script>\ncode\n```', 1);
    expect(html).not.toMatch(/<script/);
  });
});

describe('the panel page', () => {
  const page = { nonce: createNonce(), cspSource: 'vscode-webview://abc' };
  const html = panelHtml(page);

  it('declares a policy that allows nothing remote and only nonced scripts', () => {
    const policy = contentSecurityPolicy(page);
    expect(policy).toBe(
      "default-src 'none'; style-src vscode-webview://abc 'nonce-" +
        page.nonce +
        "'; font-src vscode-webview://abc; img-src vscode-webview://abc; script-src 'nonce-" +
        page.nonce +
        "'",
    );
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="${policy}">`);
    expect(policy).not.toMatch(/unsafe-inline|unsafe-eval|https?:/);
  });

  it('loads no remote resources and nonces every script and style', () => {
    expect(html).not.toMatch(/(src|href)="https?:/);
    const tags = [...html.matchAll(/<(script|style)\b[^>]*>/g)].map((match) => match[0]);
    expect(tags).toHaveLength(2);
    for (const tag of tags) expect(tag).toContain(`nonce="${page.nonce}"`);
  });

  it('has a question box, an ask button and a stop button', () => {
    expect(html).toContain('<textarea id="question"');
    expect(html).toContain('<button type="submit" id="send">Ask</button>');
    expect(html).toContain('<button type="button" id="stop" disabled>Stop</button>');
  });

  it('makes a fresh nonce each time', () => {
    const nonces = new Set(Array.from({ length: 20 }, createNonce));
    expect(nonces.size).toBe(20);
    for (const nonce of nonces) expect(nonce).toMatch(/^[A-Za-z0-9]{32}$/);
  });
});
