// The packaged extension in a real VS Code (code-server 4.100.3) driven through headless
// Chromium: install the .vsix, open a copy of examples/inventory, and check what a user sees:
// the planted type mismatch as a squiggle and in Problems, the hover with the backend schema,
// a quick fix that removes the squiggle, "Seam: Review Migration" from the command palette, and
// Seam's language-model tools called by another extension. Each step saves a screenshot under
// test/e2e/screenshots/; the assertions read the DOM (and the file the tools' caller writes).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  createSandbox,
  installExtension,
  packagedVsix,
  removeSandbox,
  startCodeServer,
  type CodeServerSandbox,
  type RunningCodeServer,
} from './code-server';
import {
  packageProbe,
  PROBE_COMMAND,
  PROBE_RESULT,
  RENAME_PROBE_COMMAND,
  RENAME_PROBE_RESULT,
  type ProbeResult,
} from './probe-extension';
import {
  applyQuickFix,
  editorOf,
  hoverText,
  openFromExplorer,
  openWorkbench,
  problemRows,
  quickPickRow,
  screenshot,
  tokenIn,
  typeInCommandPalette,
  waitForSquiggles,
  type Squiggle,
} from './workbench';

const PART_FILE = 'frontend/src/types/part.ts';
const MIGRATION_FILE = 'backend/alembic/versions/e9a05b6d21f3_widen_category_name.py';
const onUnitPrice = (squiggle: Squiggle) => squiggle.line.includes('unit_price: ');

let sandbox: CodeServerSandbox | undefined;
let server: RunningCodeServer | undefined;
let context: BrowserContext | undefined;
let page: Page;
let installOutput: string;

beforeAll(async () => {
  sandbox = createSandbox();
  installOutput = installExtension(sandbox, packagedVsix());
  installExtension(sandbox, packageProbe(sandbox));
  server = await startCodeServer(sandbox);
  ({ context, page } = await openWorkbench(server.url, join(sandbox.folder, 'chromium')));
});

afterEach(async ({ task }) => {
  if (task.result?.state !== 'fail' || !page) return;
  await screenshot(page, `failed-${task.name.replace(/\W+/g, '-')}`);
  console.error(`code-server's log:\n${server?.log().slice(-4000)}`);
});

afterAll(async () => {
  await context?.close();
  await server?.stop();
  removeSandbox(sandbox);
});

/** 1-based line of `text` in the workspace copy's file, as VS Code shows it. */
function lineNumberOf(file: string, text: string): number {
  const lines = readFileSync(join(sandbox!.workspace, file), 'utf8').split('\n');
  return lines.indexOf(text) + 1;
}

describe('Seam in VS Code (code-server + Chromium)', () => {
  it('installs the .vsix and activates on the example workspace', async () => {
    expect(installOutput).toMatch(/Extension 'seam-[\d.]+\.vsix' was successfully installed/);
    // "Seam: 25/39 files" while indexing, then the number of findings.
    const status = page.locator('.statusbar-item', { hasText: /Seam: \d+\s*$/ });
    await status.waitFor({ timeout: 90_000 });
    await screenshot(page, '01-activated');
    expect(Number(/Seam: (\d+)/.exec(await status.innerText())?.[1])).toBeGreaterThan(0);
  });

  it('shows the planted type mismatch as an error squiggle and in Problems', async () => {
    await openFromExplorer(page, PART_FILE);
    const editor = editorOf(page, PART_FILE);
    const found = await waitForSquiggles(editor, (all) => all.some(onUnitPrice));
    expect(found.filter(onUnitPrice)).toEqual([
      { kind: 'squiggly-error', line: '  unit_price: number;' },
    ]);
    const rows = await problemRows(page);
    await screenshot(page, '02-squiggle-and-problems');
    const row = rows.find((text) => text.includes('field-type-mismatch'));
    expect(row).toContain('`Part.unit_price` is `number` in TS');
    expect(row).toContain(`[Ln ${lineNumberOf(PART_FILE, '  unit_price: number;')}, Col 3]`);
  });

  it('shows the finding message when the mouse rests on the squiggle', async () => {
    const editor = editorOf(page, PART_FILE);
    const text = await hoverText(
      page,
      tokenIn(editor, 'unit_price: number;', 'unit_price'),
      'seam',
    );
    await screenshot(page, '03-squiggle-message');
    expect(text).toContain('`PartResponse.unit_price` is `Decimal`');
    expect(text).toContain('seam(field-type-mismatch)');
  });

  it('hovers a TS field with the backend schema field it mirrors', async () => {
    const editor = editorOf(page, PART_FILE);
    const token = tokenIn(editor, 'description: string;', 'description');
    const text = await hoverText(page, token, 'mirrors PartResponse.description');
    await screenshot(page, '04-hover-backend-schema');
    expect(text).toContain('Seam · mirrors PartResponse.description · response');
    expect(text).toContain('description: Optional[str] = Field(default=None');
    expect(text).toContain('DB column parts.description · NULL allowed');
  });

  it('applies a quick fix and the squiggle goes away', async () => {
    await page.mouse.move(0, 0);
    const editor = editorOf(page, PART_FILE);
    const token = tokenIn(editor, 'unit_price: number;', 'unit_price');
    await applyQuickFix(page, editor, token, 'Change the type to `string`');
    await editor.locator('.view-line', { hasText: 'unit_price: string;' }).waitFor();
    const after = await waitForSquiggles(editor, (all) => !all.some(onUnitPrice));
    await expect
      .poll(() => problemRows(page), { timeout: 30_000 })
      .not.toEqual(expect.arrayContaining([expect.stringContaining('field-type-mismatch')]));
    await screenshot(page, '05-quick-fix-applied');
    expect(after.filter(onUnitPrice)).toEqual([]);
    // The other planted findings of the file are still drawn.
    expect(after.map((s) => s.line)).toContain('  description: string;');
  });

  it('runs "Seam: Review Migration" from the command palette and opens the report', async () => {
    await typeInCommandPalette(page, 'Seam: Review Migration');
    await quickPickRow(page, 'Seam: Review Migration').waitFor();
    await page.keyboard.press('Enter');
    // The active editor is no migration, so Seam asks which one to review.
    const input = page.locator('.quick-input-widget .quick-input-box input');
    await expect
      .poll(() => input.getAttribute('placeholder'))
      .toBe('Which migration should Seam review?');
    await input.fill('widen_category_name');
    await page
      .locator(`.quick-input-widget .monaco-list-row[aria-label^="${MIGRATION_FILE}"]`)
      .waitFor();
    await page.keyboard.press('Enter');

    const tab = page.locator('.tabs-container .tab', {
      hasText: 'Seam: review of e9a05b6d21f3_widen_category_name.py',
    });
    await tab.waitFor({ timeout: 30_000 });
    const report = page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
    await report.locator('h1').waitFor({ timeout: 30_000 });
    await screenshot(page, '06-migration-review');
    expect(await report.locator('h1').innerText()).toBe('Seam migration review');
    const body = await report.locator('body').innerText();
    expect(body).toContain('e9a05b6d21f3_widen_category_name.py:');
    expect(body).toContain('downgrade() does nothing');
  });

  it('answers the language-model tools called by another extension once chat is on', async () => {
    // The probe extension calls the tools with Seam chat off, turns it on, and calls them again.
    await typeInCommandPalette(page, PROBE_COMMAND);
    await quickPickRow(page, PROBE_COMMAND).waitFor();
    await page.keyboard.press('Enter');
    const toast = page.locator('.notification-list-item-message', { hasText: 'Seam probe:' });
    await toast.waitFor({ timeout: 90_000 });
    await screenshot(page, '07-language-model-tools');
    const result: ProbeResult = JSON.parse(
      readFileSync(join(sandbox!.workspace, PROBE_RESULT), 'utf8'),
    );
    expect(result.error).toBeUndefined();
    expect(await toast.innerText()).toContain('Seam probe: 2 Seam tools answered');

    // Off: agent mode is not offered the tools, and a direct call gets the reason, no source.
    expect(result.off.tools).toEqual([]);
    for (const text of [result.off.findingsOfFile, result.off.schemaLookup])
      expect(text).toMatch(/^Seam shared nothing\. Seam chat is off\./);

    expect(result.on.tools.map((tool) => tool.name).sort()).toEqual([
      'seam_findings',
      'seam_schema_lookup',
    ]);
    expect(result.on.tools[0].tags).toContain('seam');
    // The findings come from the live buffer: the quick fix above removed field-type-mismatch.
    const description = lineNumberOf(PART_FILE, '  description: string;');
    expect(result.on.findingsOfFile).toContain(
      `\`field-nullability\` warning at ${PART_FILE}:${description}`,
    );
    expect(result.on.findingsOfFile).not.toContain('`field-type-mismatch`');
    expect(result.on.findingsOfWorkspace).toContain('`schema-orm-field` warning at backend/');
    expect(result.on.schemaLookup).toContain('class PartResponse(PartBase):');
    expect(result.on.schemaLookup).toContain('export interface Part {');
    expect(result.on.schemaLookup).toMatch(/TypeScript interface `Part` \(frontend\/src\/types/);
  });

  it("renames a backend field across layers, the TS usages by TypeScript's rename", async () => {
    // As F2 on `sku` in the schema would, without applying: Seam renames the Python field and the
    // TS fields mirroring it, and asks TypeScript for the code that reads them.
    await typeInCommandPalette(page, RENAME_PROBE_COMMAND);
    await quickPickRow(page, RENAME_PROBE_COMMAND).waitFor();
    await page.keyboard.press('Enter');
    const toast = page.locator('.notification-list-item-message', {
      hasText: 'Seam probe: the rename',
    });
    await toast.waitFor({ timeout: 90_000 });
    const result: { edits?: string[]; error?: string } = JSON.parse(
      readFileSync(join(sandbox!.workspace, RENAME_PROBE_RESULT), 'utf8'),
    );
    expect(result.error).toBeUndefined();
    const schemaLine = lineNumberOf(
      'backend/app/schemas/part.py',
      '    sku: str = Field(min_length=2, max_length=40, pattern=r"^[A-Z0-9][A-Z0-9-]*$")',
    );
    expect(result.edits).toContain(`backend/app/schemas/part.py:${schemaLine} part_number`);
    expect(result.edits).toContain(
      `${PART_FILE}:${lineNumberOf(PART_FILE, '  sku: string;')} part_number`,
    );
    const usage = lineNumberOf(
      'frontend/src/components/PartDetail.tsx',
      '    if (!window.confirm(`Delete ${current.sku}?`)) return;',
    );
    expect(result.edits).toContain(`frontend/src/components/PartDetail.tsx:${usage} part_number`);
  });
});
