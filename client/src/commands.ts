// Seam's commands in the client. Each sends a request to the server or shows its answer; none
// parses or analyses anything.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import {
  ClientCommands,
  Requests,
  type GenerateTsInterfaceParams,
  type GenerateTsInterfaceResult,
  type GoToLocationArguments,
  type PairSummary,
} from '../../server/src/protocol';
import type { SeamStatusBar } from './status-bar';

export function registerCommands(
  context: vscode.ExtensionContext,
  client: LanguageClient,
  output: vscode.OutputChannel,
  status: SeamStatusBar,
): void {
  const register = (id: string, run: (...args: never[]) => unknown) =>
    context.subscriptions.push(vscode.commands.registerCommand(id, run));
  register(ClientCommands.openOutput, () => output.show(true));
  register(ClientCommands.reindex, () => reindex(client, status));
  register(ClientCommands.showPairs, () => showPairs(client));
  register(ClientCommands.goToLocation, (target: GoToLocationArguments) =>
    goToLocation(client, target),
  );
  register(ClientCommands.generateTsInterface, (params: GenerateTsInterfaceParams) =>
    generateTsInterface(client, params),
  );
}

async function reindex(client: LanguageClient, status: SeamStatusBar): Promise<void> {
  status.indexing();
  await client.sendRequest(Requests.reindex);
}

/** One location opens; several are shown in a peek view. */
async function goToLocation(client: LanguageClient, target: GoToLocationArguments) {
  const converter = client.protocol2CodeConverter;
  const locations = target.locations.map((l) => converter.asLocation(l));
  if (locations.length === 1) {
    await vscode.window.showTextDocument(locations[0].uri, { selection: locations[0].range });
    return;
  }
  await vscode.commands.executeCommand(
    'editor.action.goToLocations',
    vscode.Uri.parse(target.uri),
    converter.asPosition(target.position),
    locations,
    'peek',
    'Seam found no mirrors.',
  );
}

interface PairItem extends vscode.QuickPickItem {
  pair: PairSummary;
}

/** A quick pick of the file's pairs; choosing one opens the other side. */
async function showPairs(client: LanguageClient): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) return void vscode.window.showInformationMessage('Seam: open a file first.');
  const uri = editor.document.uri.toString();
  const pairs = await client.sendRequest<PairSummary[]>(Requests.pairsForFile, { uri });
  if (!pairs.length) {
    return void vscode.window.showInformationMessage('Seam: no type in this file is paired.');
  }
  const items: PairItem[] = pairs.map((pair) => ({
    pair,
    label: `${nameOf(pair.frontend)} ↔ ${nameOf(pair.backend)}`,
    description: describePair(pair),
    detail: pair.evidence.join('; '),
  }));
  const picked = await vscode.window.showQuickPick(items, { title: 'Seam: pairs in this file' });
  if (!picked) return;
  const here = picked.pair.frontendLocation.uri === uri;
  const target = here ? picked.pair.backendLocation : picked.pair.frontendLocation;
  await goToLocation(client, {
    uri,
    position: editor.selection.active,
    locations: [target as GoToLocationArguments['locations'][number]],
  });
}

function nameOf(entityId: string): string {
  return entityId.split('#')[1] ?? entityId;
}

function describePair(pair: PairSummary): string {
  const parts = [pair.direction, `score ${pair.score}`];
  if (pair.possible) parts.push('possible mirror, not checked');
  if (pair.findings) parts.push(`${pair.findings} finding${pair.findings === 1 ? '' : 's'}`);
  return parts.join(' · ');
}

/** Opens the generated interfaces in a new untitled editor and copies them. */
async function generateTsInterface(client: LanguageClient, params: GenerateTsInterfaceParams) {
  const result = await client.sendRequest<GenerateTsInterfaceResult | null>(
    Requests.generateTsInterface,
    params,
  );
  if (!result) {
    return void vscode.window.showWarningMessage('Seam: could not generate an interface here.');
  }
  const document = await vscode.workspace.openTextDocument({
    language: 'typescript',
    content: result.source,
  });
  await vscode.window.showTextDocument(document);
  await vscode.env.clipboard.writeText(result.source);
  void vscode.window.showInformationMessage(
    `Seam: the interface for ${result.name} is open and on the clipboard.`,
  );
}
