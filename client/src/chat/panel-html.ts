// The chat panel's page. Its policy allows no remote resources, only the one inline script and
// style carrying this page's nonce; answers arrive as HTML rendered with raw HTML disabled.

export interface PanelPage {
  nonce: string;
  /** The webview's `cspSource`, allowed for styles and fonts. */
  cspSource: string;
}

export function contentSecurityPolicy(page: PanelPage): string {
  return [
    "default-src 'none'",
    `style-src ${page.cspSource} 'nonce-${page.nonce}'`,
    `font-src ${page.cspSource}`,
    `img-src ${page.cspSource}`,
    `script-src 'nonce-${page.nonce}'`,
  ].join('; ');
}

/** A fresh nonce per page: 32 characters from a cryptographic source. */
export function createNonce(): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  return Array.from(bytes, (byte) => alphabet[byte % alphabet.length]).join('');
}

export function panelHtml(page: PanelPage): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(page)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>Seam Chat</title>
<style nonce="${page.nonce}">${PANEL_STYLE}</style>
</head>
<body>
<main id="log" aria-live="polite"></main>
<form id="ask">
  <textarea id="question" rows="3"
    placeholder="Ask about the active file (Ctrl+Enter sends)"></textarea>
  <div class="actions">
    <button type="submit" id="send">Ask</button>
    <button type="button" id="preview">Show what will be sent</button>
    <button type="button" id="stop" disabled>Stop</button>
  </div>
</form>
<script nonce="${page.nonce}">${PANEL_SCRIPT}</script>
</body>
</html>`;
}

const PANEL_STYLE = `
body { font-family: var(--vscode-font-family); color: var(--vscode-foreground); padding: 0 12px; }
#log { padding-bottom: 8px; }
.question { margin-top: 16px; font-weight: 600; white-space: pre-wrap; }
.answer { margin-top: 6px; }
.status { margin-top: 6px; opacity: 0.8; font-style: italic; }
.error { margin-top: 6px; color: var(--vscode-errorForeground); }
.code-block { position: relative; margin: 8px 0; }
.code-actions { display: flex; gap: 4px; justify-content: flex-end; }
pre { background: var(--vscode-textCodeBlock-background); padding: 8px; overflow-x: auto; }
details pre { white-space: pre-wrap; max-height: 50vh; overflow-y: auto; }
textarea { width: 100%; box-sizing: border-box; font-family: inherit;
  color: var(--vscode-input-foreground); background: var(--vscode-input-background); }
.actions { display: flex; gap: 6px; margin: 6px 0 12px; }
button { color: var(--vscode-button-foreground); background: var(--vscode-button-background);
  border: none; padding: 4px 10px; cursor: pointer; }
button:disabled { opacity: 0.5; cursor: default; }
`;

// Plain browser JavaScript: it only posts what the user does and shows what the extension sends.
const PANEL_SCRIPT = `
(function () {
  const vscode = acquireVsCodeApi();
  const log = document.getElementById('log');
  const form = document.getElementById('ask');
  const question = document.getElementById('question');
  const send = document.getElementById('send');
  const stop = document.getElementById('stop');
  const preview = document.getElementById('preview');

  function add(className, text) {
    const element = document.createElement('div');
    element.className = className;
    element.textContent = text;
    log.appendChild(element);
    element.scrollIntoView({ block: 'end' });
    return element;
  }

  function setBusy(busy) {
    send.disabled = busy;
    preview.disabled = busy;
    stop.disabled = !busy;
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    const text = question.value.trim();
    if (!text) return;
    vscode.postMessage({ type: 'ask', question: text });
  });
  question.addEventListener('keydown', function (event) {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) form.requestSubmit();
  });
  stop.addEventListener('click', function () { vscode.postMessage({ type: 'stop' }); });
  preview.addEventListener('click', function () {
    vscode.postMessage({ type: 'preview', question: question.value.trim() });
  });
  log.addEventListener('click', function (event) {
    const button = event.target.closest('button[data-action]');
    if (!button) return;
    vscode.postMessage({
      type: button.dataset.action,
      answer: Number(button.dataset.answer),
      block: Number(button.dataset.block),
    });
  });

  window.addEventListener('message', function (event) {
    const message = event.data;
    if (message.type === 'question') {
      add('question', message.text);
      question.value = '';
      setBusy(true);
    } else if (message.type === 'answer') {
      let answer = document.getElementById('answer-' + message.answer);
      if (!answer) {
        answer = add('answer', '');
        answer.id = 'answer-' + message.answer;
      }
      answer.innerHTML = message.html;
      answer.scrollIntoView({ block: 'end' });
    } else if (message.type === 'status') {
      add('status', message.text);
    } else if (message.type === 'error') {
      add('error', message.text);
    } else if (message.type === 'preview') {
      const details = document.createElement('details');
      const summary = document.createElement('summary');
      summary.textContent = message.title;
      const pre = document.createElement('pre');
      pre.textContent = message.text;
      details.appendChild(summary);
      details.appendChild(pre);
      log.appendChild(details);
      details.scrollIntoView({ block: 'end' });
    } else if (message.type === 'done') {
      setBusy(false);
    }
  });
})();
`;
