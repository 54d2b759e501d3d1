// Runs the packaged extension in a real VS Code: code-server (installed by
// scripts/install-code-server.sh into a cache folder) with its own user data, extensions and a
// copy of the example workspace, all in one temporary folder that is deleted afterwards.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';

export const repoRoot = join(__dirname, '..', '..');
const CODE_SERVER_VERSION = '4.100.3';

/** The same folder the install script uses: $SEAM_E2E_CACHE, else ~/.cache/seam-e2e. */
export function codeServerEntry(): string {
  const cache = process.env.SEAM_E2E_CACHE || join(homedir(), '.cache', 'seam-e2e');
  const entry = join(cache, `code-server-${CODE_SERVER_VERSION}`, 'node_modules', 'code-server');
  const file = join(entry, 'out', 'node', 'entry.js');
  if (!existsSync(file)) {
    throw new Error(`code-server is not installed at ${entry}: run scripts/install-code-server.sh`);
  }
  return file;
}

/** The .vsix that `npm run package` wrote for the current version. */
export function packagedVsix(): string {
  const { name, version } = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));
  const vsix = join(repoRoot, `${name}-${version}.vsix`);
  if (!existsSync(vsix)) throw new Error(`${vsix} is missing: run \`npm run package\``);
  return vsix;
}

// Settings that keep a fresh VS Code quiet and predictable: no welcome page, no trust prompt,
// no update or telemetry traffic, no type acquisition from the registry, plain folder rows.
const USER_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'security.workspace.trust.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'typescript.disableAutomaticTypeAcquisition': true,
  'explorer.compactFolders': false,
};

export interface CodeServerSandbox {
  folder: string;
  workspace: string;
  userData: string;
  extensions: string;
  config: string;
}

/** A temporary folder with a copy of examples/inventory and empty VS Code state. */
export function createSandbox(): CodeServerSandbox {
  const folder = mkdtempSync(join(tmpdir(), 'seam-e2e-'));
  const sandbox = {
    folder,
    workspace: join(folder, 'inventory'),
    userData: join(folder, 'user-data'),
    extensions: join(folder, 'extensions'),
    config: join(folder, 'code-server.yaml'),
  };
  cpSync(join(repoRoot, 'examples', 'inventory'), sandbox.workspace, { recursive: true });
  mkdirSync(join(sandbox.userData, 'User'), { recursive: true });
  writeFileSync(join(sandbox.userData, 'User', 'settings.json'), JSON.stringify(USER_SETTINGS));
  // An empty config file keeps code-server from writing one under ~/.config.
  writeFileSync(sandbox.config, '');
  return sandbox;
}

function stateArguments(sandbox: CodeServerSandbox): string[] {
  return [
    ...['--user-data-dir', sandbox.userData],
    ...['--extensions-dir', sandbox.extensions],
    ...['--config', sandbox.config],
  ];
}

/** `code-server --install-extension seam-<version>.vsix`; returns what it printed. */
export function installExtension(sandbox: CodeServerSandbox, vsix: string): string {
  const args = [codeServerEntry(), ...stateArguments(sandbox), '--install-extension', vsix];
  const run = spawnSync(process.execPath, args, { encoding: 'utf8', timeout: 120_000 });
  const output = `${run.stdout}${run.stderr}`;
  if (run.status !== 0) throw new Error(`installing ${vsix} failed (${run.status}): ${output}`);
  return output;
}

export interface RunningCodeServer {
  url: string;
  log: () => string;
  stop: () => Promise<void>;
}

/** Starts code-server on a free port of 127.0.0.1, without auth, on the sandbox's workspace. */
export async function startCodeServer(sandbox: CodeServerSandbox): Promise<RunningCodeServer> {
  const args = [
    codeServerEntry(),
    ...stateArguments(sandbox),
    ...['--auth', 'none', '--bind-addr', '127.0.0.1:0'],
    ...['--disable-telemetry', '--disable-update-check', '--disable-workspace-trust'],
    '--disable-getting-started-override',
    sandbox.workspace,
  ];
  // Its own process group, so that stopping it also ends the extension host and Seam's server.
  const child = spawn(process.execPath, args, {
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`code-server did not start:\n${log}`)), 60_000);
    const collect = (chunk: Buffer) => {
      log += chunk.toString();
      const match = /HTTP server listening on (http:\/\/\S+)/.exec(log);
      if (match) resolve(match[1]);
      if (match) clearTimeout(timer);
    };
    child.stdout!.on('data', collect);
    child.stderr!.on('data', collect);
    child.on('exit', (code) => reject(new Error(`code-server exited with ${code}:\n${log}`)));
  });
  return { url, log: () => log, stop: () => stopProcessGroup(child) };
}

async function stopProcessGroup(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.pid === undefined) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  signalGroup(child.pid, 'SIGTERM');
  const timeout = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), 5_000));
  if ((await Promise.race([exited, timeout])) === 'timeout') signalGroup(child.pid, 'SIGKILL');
  // Children that outlive the group leader (the extension host, Seam's server) go too.
  signalGroup(child.pid, 'SIGKILL');
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // The group is already gone.
  }
}

export function removeSandbox(sandbox: CodeServerSandbox | undefined): void {
  if (sandbox) rmSync(sandbox.folder, { recursive: true, force: true });
}
