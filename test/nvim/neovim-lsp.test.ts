// Seam's language server under Neovim (Debian's 0.7) as the LSP client: a headless Neovim starts
// the built server over stdio, opens a TS file of the example workspace, and reports the
// diagnostics and the hover that arrived; they must match the example's planted-bug markers.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { markersInText } from '../helpers/markers';

const repo = join(__dirname, '..', '..');
const server = join(repo, 'dist', 'server.js');
const partFile = 'frontend/src/types/part.ts';

interface NeovimDiagnostic {
  code: string;
  message: string;
  severity: number;
  source: string;
  range: { start: { line: number; character: number } };
}

interface NeovimResult {
  error?: string;
  uri: string;
  filetype: string;
  client: string;
  diagnostics: NeovimDiagnostic[];
  shownByNeovim: number;
  hover: { contents: { kind: string; value: string } } | null;
}

let scratch: string;
let partText: string;
let result: NeovimResult;

beforeAll(() => {
  if (!existsSync(server)) throw new Error(`${server} is missing: run \`npm run build\` first`);
  scratch = mkdtempSync(join(tmpdir(), 'seam-nvim-'));
  const workspace = join(scratch, 'inventory');
  cpSync(join(repo, 'examples', 'inventory'), workspace, { recursive: true });
  partText = readFileSync(join(workspace, partFile), 'utf8');
  const hoverLine = partText.split('\n').indexOf('  description: string;');
  result = runNeovim(workspace, join(workspace, partFile), { line: hoverLine, character: 4 });
});

afterAll(() => {
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

/** Runs test/nvim/seam-lsp.lua in a headless Neovim with its own config and state folders. */
function runNeovim(root: string, file: string, hover: { line: number; character: number }) {
  const out = join(scratch, 'result.json');
  const xdg = (name: string) => join(scratch, 'xdg', name);
  const run = spawnSync(
    'nvim',
    ['--headless', '-u', 'NONE', '-i', 'NONE', '-n', '--cmd', 'filetype on', '-S', luaScript()],
    {
      encoding: 'utf8',
      timeout: 90_000,
      env: {
        ...process.env,
        ...{ XDG_CONFIG_HOME: xdg('config'), XDG_DATA_HOME: xdg('data') },
        ...{ XDG_CACHE_HOME: xdg('cache'), XDG_STATE_HOME: xdg('state') },
        ...{ SEAM_SERVER: server, SEAM_ROOT: root, SEAM_FILE: file, SEAM_OUT: out },
        SEAM_HOVER_LINE: String(hover.line),
        SEAM_HOVER_CHARACTER: String(hover.character),
      },
    },
  );
  if (run.error) throw new Error(`nvim did not run (apt-get install -y neovim): ${run.error}`);
  if (!existsSync(out)) throw new Error(`nvim wrote no result: ${run.stdout}${run.stderr}`);
  return JSON.parse(readFileSync(out, 'utf8')) as NeovimResult;
}

function luaScript(): string {
  return join(__dirname, 'seam-lsp.lua');
}

describe('Seam under Neovim 0.7', () => {
  it('runs the script without an error, on a buffer Neovim knows as TypeScript', () => {
    expect(result.error).toBeUndefined();
    expect(result.client).toBe('seam');
    expect(result.filetype).toBe('typescript');
    expect(result.uri).toBe(pathToFileURL(join(scratch, 'inventory', partFile)).toString());
  });

  it('receives exactly the planted findings of part.ts, at their lines and columns', () => {
    const markers = markersInText(partFile, partText);
    const arrived = result.diagnostics.map((d) => `${d.range.start.line} ${d.code}`);
    expect(arrived.sort()).toEqual(markers.map((m) => `${m.line} ${m.code}`).sort());
    expect(markers).toHaveLength(6);
    // A marker flush with the left margin checks the line only; the others fix the column too.
    for (const marker of markers.filter((m) => m.character !== undefined)) {
      const diagnostic = result.diagnostics.find((d) => d.code === marker.code);
      expect(diagnostic?.range.start.character, marker.code).toBe(marker.character);
    }
  });

  it('keeps the diagnostics in Neovim with Seam as their source and LSP severities', () => {
    expect(result.shownByNeovim).toBe(result.diagnostics.length);
    expect(new Set(result.diagnostics.map((d) => d.source))).toEqual(new Set(['seam']));
    const severityOf = (code: string) => result.diagnostics.find((d) => d.code === code)?.severity;
    expect(severityOf('field-type-mismatch')).toBe(1);
    expect(severityOf('field-nullability')).toBe(2);
    const nullability = result.diagnostics.find((d) => d.code === 'field-nullability');
    expect(nullability?.message).toContain('PartResponse.description');
  });

  it('answers a hover on a TS field with the backend field it mirrors, as Python', () => {
    expect(result.hover?.contents.kind).toBe('markdown');
    const text = result.hover?.contents.value ?? '';
    expect(text).toContain('mirrors [PartResponse.description]');
    expect(text).toContain('description: Optional[str]');
    expect(text).toContain('DB column `parts.description` · NULL allowed');
  });
});
