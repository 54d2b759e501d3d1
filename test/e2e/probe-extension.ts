// The test-only extension in probe-extension/, packaged with vsce into the sandbox so that
// code-server installs it beside Seam. Its commands call Seam's language-model tools and ask the
// editor for a rename.
import { execFileSync } from 'node:child_process';
import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot, type CodeServerSandbox } from './code-server';

export const PROBE_COMMAND = 'Seam Probe: Invoke the Seam Tools';
export const RENAME_PROBE_COMMAND = 'Seam Probe: Rename a Backend Field';

/** Where the probe writes what the tools answered, relative to the workspace. */
export const PROBE_RESULT = join('.seam-e2e', 'tools.json');
/** Where the rename probe writes the edits it was given (`file:line newText`, sorted). */
export const RENAME_PROBE_RESULT = join('.seam-e2e', 'rename.json');

/** Packages the probe into the sandbox; returns the .vsix path. */
export function packageProbe(sandbox: CodeServerSandbox): string {
  const source = join(sandbox.folder, 'probe-extension');
  cpSync(join(__dirname, 'probe-extension'), source, { recursive: true });
  const vsix = join(sandbox.folder, 'seam-e2e-probe.vsix');
  const vsce = join(repoRoot, 'node_modules', '.bin', 'vsce');
  const flags = ['--no-dependencies', '--allow-missing-repository', '--skip-license'];
  execFileSync(vsce, ['package', ...flags, '--out', vsix], {
    cwd: source,
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: 60_000,
  });
  return vsix;
}

export interface ProbeRound {
  /** The Seam tools `vscode.lm.tools` listed, with their tags. */
  tools: { name: string; tags: string[] }[];
  findingsOfFile: string;
  findingsOfWorkspace: string;
  schemaLookup: string;
}

/** What the probe saw with Seam chat off and then on, or the error it stopped with. */
export interface ProbeResult {
  off: ProbeRound;
  on: ProbeRound;
  error?: string;
}
