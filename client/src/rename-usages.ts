// Seam's rename changes declarations across layers: the Python field, the ORM attribute it reads
// and the TS fields mirroring it. The code using them (`part.sku` in a component, in a service)
// is the business of each language's own rename: for every declaration Seam renames, the editor's
// other rename providers (TypeScript's, a Python extension's) are asked for their edit at that
// place, and their edits are added where they touch nothing Seam already changes.
import * as vscode from 'vscode';

/** Set while Seam asks the other providers, so that Seam's own provider stays out of it. */
let asking = 0;

/** True while Seam's rename asks the others: Seam's provider must then answer nothing. */
export function askingOtherProviders(): boolean {
  return asking > 0;
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** Adds to `edit` what the other rename providers change for each declaration it renames. */
export async function withUsages(
  edit: vscode.WorkspaceEdit,
  token: vscode.CancellationToken,
): Promise<vscode.WorkspaceEdit> {
  const renames = edit
    .entries()
    .flatMap(([uri, edits]) =>
      edits.filter((one) => IDENTIFIER.test(one.newText)).map((one) => ({ uri, edit: one })),
    );
  const added: [vscode.Uri, vscode.TextEdit][] = [];
  asking++;
  try {
    for (const rename of renames) {
      if (token.isCancellationRequested) break;
      const theirs = await othersEdit(rename.uri, rename.edit);
      for (const [uri, edits] of theirs?.entries() ?? [])
        for (const one of edits) added.push([uri, one]);
    }
  } finally {
    asking--;
  }
  for (const [uri, one] of added)
    if (!overlapsAny(edit.get(uri), one.range)) edit.replace(uri, one.range, one.newText);
  return edit;
}

/** Another provider's edit renaming what `declaration` renames, if any provider answers. */
async function othersEdit(
  uri: vscode.Uri,
  declaration: vscode.TextEdit,
): Promise<vscode.WorkspaceEdit | undefined> {
  try {
    return await vscode.commands.executeCommand<vscode.WorkspaceEdit | undefined>(
      'vscode.executeDocumentRenameProvider',
      uri,
      declaration.range.start,
      declaration.newText,
    );
  } catch {
    // No other provider for the language, or it refused the place: the declaration stands alone.
    return undefined;
  }
}

function overlapsAny(edits: readonly vscode.TextEdit[], range: vscode.Range): boolean {
  return edits.some((other) => other.range.intersection(range) !== undefined);
}
