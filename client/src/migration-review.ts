// "Seam: Review Migration": asks the server to review the active migration (or one the user
// picks, newest first) and shows the report in a webview with a strict content security policy.
// Findings link to their lines; the report exports as Markdown.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import {
  ClientCommands,
  Requests,
  type MigrationItem,
  type ReviewMigrationResult,
} from '../../server/src/protocol';
import { escapeHtml } from './chat/answer-markdown';
import { contentSecurityPolicy, createNonce } from './chat/panel-html';

type ReviewedFinding = ReviewMigrationResult['findings'][number];

const SEVERITIES = ['error', 'warning', 'information', 'hint'] as const;

export function registerMigrationReview(
  context: vscode.ExtensionContext,
  client: LanguageClient,
): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(ClientCommands.reviewMigration, async (uri?: vscode.Uri) => {
      const target = uri ?? (await chooseMigration(client));
      if (!target) return;
      const result = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Window, title: 'Seam: reviewing migration' },
        () =>
          client.sendRequest<ReviewMigrationResult | null>(Requests.reviewMigration, {
            uri: target.toString(),
          }),
      );
      if (!result) {
        void vscode.window.showWarningMessage('Seam could not review this migration; see Output.');
        return;
      }
      showReport(context, target, result);
    }),
  );
}

async function chooseMigration(client: LanguageClient): Promise<vscode.Uri | undefined> {
  const migrations = await client.sendRequest<MigrationItem[]>(Requests.listMigrations);
  const active = vscode.window.activeTextEditor?.document.uri.toString();
  const current = migrations.find((item) => item.uri === active);
  if (current) return vscode.Uri.parse(current.uri);
  if (!migrations.length) {
    void vscode.window.showInformationMessage(
      'Seam found no Alembic revision or migration script.',
    );
    return undefined;
  }
  const picked = await vscode.window.showQuickPick(
    migrations.map((item, index) => ({
      label: item.label,
      description: index === 0 ? 'newest' : undefined,
      uri: item.uri,
    })),
    { placeHolder: 'Which migration should Seam review?' },
  );
  return picked && vscode.Uri.parse(picked.uri);
}

function showReport(
  context: vscode.ExtensionContext,
  target: vscode.Uri,
  result: ReviewMigrationResult,
) {
  const panel = vscode.window.createWebviewPanel(
    'seam.migrationReview',
    `Seam: review of ${target.path.split('/').pop()}`,
    vscode.ViewColumn.Beside,
    { enableScripts: true, localResourceRoots: [] },
  );
  const nonce = createNonce();
  panel.webview.html = reportHtml(result, nonce, panel.webview.cspSource);
  panel.webview.onDidReceiveMessage(
    async (message: { type?: string; index?: number }) => {
      if (message.type === 'export') {
        const document = await vscode.workspace.openTextDocument({
          language: 'markdown',
          content: result.markdown,
        });
        await vscode.window.showTextDocument(document);
      } else if (message.type === 'open' && typeof message.index === 'number') {
        const finding = result.findings[message.index];
        if (finding) await openFinding(finding);
      }
    },
    undefined,
    context.subscriptions,
  );
}

async function openFinding(finding: ReviewedFinding): Promise<void> {
  const range = finding.range as { start: { line: number; character: number } };
  const position = new vscode.Position(range.start.line, range.start.character);
  await vscode.window.showTextDocument(vscode.Uri.parse(finding.uri), {
    selection: new vscode.Range(position, position),
  });
}

/** The report page: findings grouped by severity, each a button that opens its line. */
export function reportHtml(
  result: ReviewMigrationResult,
  nonce: string,
  cspSource: string,
): string {
  const groups = SEVERITIES.map((severity) => {
    const items = result.findings
      .map((finding, index) => ({ finding, index }))
      .filter(({ finding }) => finding.severity === severity);
    if (!items.length) return '';
    const list = items.map(({ finding, index }) => findingHtml(finding, index)).join('\n');
    return `<h2>${severity} (${items.length})</h2>\n<ul>\n${list}\n</ul>`;
  }).join('\n');
  const body = groups || '<p>No findings: the migration agrees with the models.</p>';
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy({ nonce, cspSource })}">
<title>Seam migration review</title>
<style nonce="${nonce}">
body { font-family: var(--vscode-font-family); color: var(--vscode-foreground); }
li { margin: 0.4em 0; } code { font-family: var(--vscode-editor-font-family); }
button.link { background: none; border: none; color: var(--vscode-textLink-foreground);
  cursor: pointer; padding: 0; font: inherit; text-decoration: underline; }
</style>
</head>
<body>
<h1>Seam migration review</h1>
<p><button id="export" type="button">Export Markdown</button></p>
${body}
<script nonce="${nonce}">
const vscode = acquireVsCodeApi();
document.getElementById('export').addEventListener('click', () => vscode.postMessage({ type: 'export' }));
for (const button of document.querySelectorAll('button[data-index]')) {
  button.addEventListener('click', () =>
    vscode.postMessage({ type: 'open', index: Number(button.dataset.index) }));
}
</script>
</body>
</html>`;
}

function findingHtml(finding: ReviewedFinding, index: number): string {
  const file = decodeURIComponent(finding.uri.split('/').slice(-2).join('/'));
  const line = (finding.range as { start: { line: number } }).start.line + 1;
  return (
    `<li><code>${escapeHtml(finding.code)}</code> ` +
    `<button class="link" type="button" ` +
    `data-index="${index}">${escapeHtml(file)}:${line}</button>` +
    `<br>${escapeHtml(finding.message)}</li>`
  );
}
