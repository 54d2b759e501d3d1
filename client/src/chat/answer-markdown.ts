// Renders a model's answer for the chat panel: markdown-it with raw HTML off, so nothing the
// model writes becomes markup, and each code block gets "Insert" and "Copy" buttons.
import markdownIt, { type Env, type MarkdownIt } from 'markdown-it';

export interface RenderedAnswer {
  html: string;
  /** The code of each block, by the index its buttons carry. */
  codeBlocks: string[];
}

interface RenderEnvironment extends Env {
  answerId: number;
  codeBlocks: string[];
}

const markdown = createRenderer();

function createRenderer(): MarkdownIt {
  // html: false escapes every tag in the answer; markdown-it also refuses javascript: links.
  const renderer = markdownIt({ html: false, linkify: false, typographer: false });
  renderer.renderer.rules.fence = (tokens, index, _options, env) =>
    codeBlockHtml(tokens[index].content, tokens[index].info.trim().split(/\s+/)[0] ?? '', env);
  renderer.renderer.rules.code_block = (tokens, index, _options, env) =>
    codeBlockHtml(tokens[index].content, '', env);
  // Images would be remote requests the panel's policy blocks anyway; show them as links.
  renderer.renderer.rules.image = (tokens, index) => {
    const token = tokens[index];
    const source = escapeHtml(String(token.attrGet('src') ?? ''));
    return `<a href="${source}">${escapeHtml(token.content || source)}</a>`;
  };
  return renderer;
}

export function renderAnswer(text: string, answerId: number): RenderedAnswer {
  const env: RenderEnvironment = { answerId, codeBlocks: [] };
  const html = markdown.render(text, env);
  return { html, codeBlocks: env.codeBlocks };
}

function codeBlockHtml(code: string, language: string, env: Env | undefined): string {
  if (!isRenderEnvironment(env)) return `<pre><code>${escapeHtml(code)}</code></pre>\n`;
  const block = env.codeBlocks.push(code) - 1;
  const data = `data-answer="${env.answerId}" data-block="${block}"`;
  const languageClass = language ? ` class="language-${escapeHtml(language)}"` : '';
  return (
    '<div class="code-block"><div class="code-actions">' +
    `<button type="button" data-action="insert" ${data}>Insert</button>` +
    `<button type="button" data-action="copy" ${data}>Copy</button>` +
    `</div><pre><code${languageClass}>${escapeHtml(code)}</code></pre></div>\n`
  );
}

function isRenderEnvironment(env: Env | undefined): env is RenderEnvironment {
  return typeof env?.answerId === 'number' && Array.isArray(env.codeBlocks);
}

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}
