// Test only: an extension installed beside Seam by the end-to-end test. One command calls
// Seam's language-model tools through `vscode.lm`, as agent mode or another extension would:
// first with Seam chat off, then on. Another asks the editor's rename providers for a rename of a
// backend field, as F2 does, without applying it. Each writes what it saw to a JSON file under
// .seam-e2e/ in the workspace and shows a notification, which the test reads.
const vscode = require('vscode');

const SEAM_TOOLS = ['seam_findings', 'seam_schema_lookup'];

function activate(context) {
  context.subscriptions.push(
    vscode.commands.registerCommand('seamProbe.invokeTools', () =>
      probe().catch((error) => report({ error: String((error && error.stack) || error) })),
    ),
    vscode.commands.registerCommand('seamProbe.renameField', () =>
      renameField().catch((error) =>
        reportRename({ error: String((error && error.stack) || error) }),
      ),
    ),
  );
}

/** `PartBase.sku` renamed to `part_number`: the edit every rename provider agrees on. */
async function renameField() {
  const folder = vscode.workspace.workspaceFolders[0].uri;
  const schema = vscode.Uri.joinPath(folder, 'backend', 'app', 'schemas', 'part.py');
  const lines = (await vscode.workspace.openTextDocument(schema)).getText().split('\n');
  const line = lines.findIndex((text) => text.startsWith('    sku:'));
  const edit = await vscode.commands.executeCommand(
    'vscode.executeDocumentRenameProvider',
    schema,
    new vscode.Position(line, 4),
    'part_number',
  );
  const edits = edit.entries().flatMap(([uri, list]) => {
    const file = vscode.workspace.asRelativePath(uri, false);
    return list.map((one) => `${file}:${one.range.start.line + 1} ${one.newText}`);
  });
  await reportRename({ edits: edits.sort() });
}

async function reportRename(result) {
  await write('rename.json', result);
  const summary = result.error
    ? `failed: ${result.error.split('\n')[0]}`
    : `the rename gave ${result.edits.length} edits`;
  void vscode.window.showInformationMessage(`Seam probe: ${summary}`);
}

async function write(name, result) {
  const folder = vscode.workspace.workspaceFolders[0].uri;
  const file = vscode.Uri.joinPath(folder, '.seam-e2e', name);
  await vscode.workspace.fs.writeFile(file, Buffer.from(JSON.stringify(result, null, 2)));
}

async function probe() {
  const chat = () => vscode.workspace.getConfiguration('seam.chat');
  const off = await invokeAll();
  // The same write the Settings editor makes; Seam reads the value from the user's settings.
  await chat().update('enabled', true, vscode.ConfigurationTarget.Global);
  await waitFor(() => chat().inspect('enabled')?.globalValue === true);
  // The tools' `when` clause follows the setting; VS Code lists them again shortly after.
  await waitFor(() => seamTools().length === SEAM_TOOLS.length, describeTools);
  const on = await invokeAll();
  await report({ off, on });
}

async function invokeAll() {
  return {
    tools: seamTools().map((tool) => ({ name: tool.name, tags: tool.tags })),
    findingsOfFile: await invoke('seam_findings', { file: 'frontend/src/types/part.ts' }),
    findingsOfWorkspace: await invoke('seam_findings', {}),
    schemaLookup: await invoke('seam_schema_lookup', { name: 'PartResponse' }),
  };
}

function seamTools() {
  return vscode.lm.tools.filter((tool) => SEAM_TOOLS.includes(tool.name));
}

async function invoke(name, input) {
  const tokenSource = new vscode.CancellationTokenSource();
  try {
    const result = await vscode.lm.invokeTool(
      name,
      { input, toolInvocationToken: undefined },
      tokenSource.token,
    );
    return result.content
      .map((part) => (typeof part.value === 'string' ? part.value : '[not text]'))
      .join('');
  } finally {
    tokenSource.dispose();
  }
}

/** What the editor says about tools and settings, for the error when the tools never show. */
function describeTools() {
  const names = vscode.lm.tools.map((tool) => tool.name);
  const chat = vscode.workspace.getConfiguration('seam.chat').get('enabled');
  const thirdParty = vscode.workspace.getConfiguration('chat').get('extensionTools.enabled');
  return (
    `lm.tools: ${JSON.stringify(names)}; seam.chat.enabled: ${chat}; ` +
    `trusted: ${vscode.workspace.isTrusted}; chat.extensionTools.enabled: ${thirdParty}`
  );
}

async function waitFor(condition, describe = () => '', timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${condition}; ${describe()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function report(result) {
  await write('tools.json', result);
  const summary = result.error
    ? `failed: ${result.error.split('\n')[0]}`
    : `${result.on.tools.length} Seam tools answered`;
  void vscode.window.showInformationMessage(`Seam probe: ${summary}`);
}

module.exports = { activate };
