// The status bar item: indexing (with the server's progress), the number of findings, off, or
// an error. A click opens the output channel, where the server logs everything.
import * as vscode from 'vscode';
import { ClientCommands } from '../../server/src/protocol';

export class SeamStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem(
    'seam.status',
    vscode.StatusBarAlignment.Right,
    100,
  );

  constructor() {
    this.item.name = 'Seam';
    this.item.command = ClientCommands.openOutput;
    this.indexing();
    this.item.show();
  }

  indexing(detail?: string): void {
    const text = detail ? `$(sync~spin) Seam: ${detail}` : '$(sync~spin) Seam';
    this.set(text, `Seam is indexing the workspace${detail ? `: ${detail}` : ''}`);
  }

  findings(count: number): void {
    if (!count) return this.set('$(check) Seam', 'Seam: no findings. Click for the output.');
    const noun = `finding${count === 1 ? '' : 's'}`;
    this.set(`$(warning) Seam: ${count}`, `Seam: ${count} ${noun}. Click for the output.`);
  }

  disabled(): void {
    this.set('$(circle-slash) Seam', 'Seam is switched off (seam.enable).');
  }

  error(message: string): void {
    this.set('$(error) Seam', `Seam: ${message}. Click for the output.`);
    this.item.backgroundColor = new vscode.ThemeColor('statusBarItem.errorBackground');
  }

  dispose(): void {
    this.item.dispose();
  }

  private set(text: string, tooltip: string): void {
    this.item.text = text;
    this.item.tooltip = tooltip;
    this.item.backgroundColor = undefined;
  }
}
