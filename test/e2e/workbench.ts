// Drives VS Code's workbench in Chromium the way a user does (clicks in the explorer, the mouse
// over a word, the command palette) and reads what it shows from the DOM, never from pixels.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Locator, type Page } from 'playwright-core';

export const screenshotFolder = join(__dirname, 'screenshots');

const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Debian's Chromium with a fresh profile in `profileFolder`, on one page of the workbench. */
export async function openWorkbench(url: string, profileFolder: string) {
  const context = await chromium.launchPersistentContext(profileFolder, {
    executablePath: process.env.SEAM_CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_FLAGS,
    viewport: { width: 1400, height: 900 },
  });
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(url);
  await page.locator('.monaco-workbench .explorer-folders-view').waitFor({ timeout: 90_000 });
  return { context, page } as { context: BrowserContext; page: Page };
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(screenshotFolder, { recursive: true });
  await page.screenshot({ path: join(screenshotFolder, `${name}.png`) });
}

function explorerRow(page: Page, name: string): Locator {
  return page.locator(`.explorer-folders-view .monaco-list-row[aria-label="${name}"]`);
}

/** Opens a workspace file by clicking each folder of its path, then the file, in the explorer. */
export async function openFromExplorer(page: Page, path: string): Promise<void> {
  const names = path.split('/');
  const file = names.pop()!;
  for (const folder of names) {
    const row = explorerRow(page, folder).first();
    if ((await row.getAttribute('aria-expanded')) !== 'true') await row.click();
    await explorerRow(page, folder).and(page.locator('[aria-expanded="true"]')).first().waitFor();
  }
  await explorerRow(page, file).first().click();
  await page.locator(`.monaco-editor[data-uri$="/${path}"] .view-lines`).waitFor();
}

export function editorOf(page: Page, path: string): Locator {
  return page.locator(`.monaco-editor[data-uri$="/${path}"]`);
}

/** One word of the editor: the token `word` on the first line whose text contains `line`. */
export function tokenIn(editor: Locator, line: string, word: string): Locator {
  return editor
    .locator('.view-lines .view-line', { hasText: line })
    .first()
    .locator('span > span', { hasText: new RegExp(`^${word}$`) })
    .first();
}

export interface Squiggle {
  kind: string;
  line: string;
}

/** The squiggles drawn in an editor, each with the text of the line it sits on. */
export async function squiggles(editor: Locator): Promise<Squiggle[]> {
  return editor.evaluate((root) => {
    const top = (element: unknown) => (element as { style?: { top?: string } } | null)?.style?.top;
    const lines = [...root.querySelectorAll('.view-lines .view-line')];
    const marks = [...root.querySelectorAll('.view-overlays .cdr[class*="squiggly-"]')];
    return marks.map((mark) => ({
      kind: [...mark.classList].find((name) => name.startsWith('squiggly-')) ?? '',
      // Monaco draws spaces as no-break spaces.
      line: (
        lines.find((line) => top(line) === top(mark.parentElement))?.textContent ?? ''
      ).replace(/\u00a0/g, ' '),
    }));
  });
}

/** Waits until the squiggles satisfy `predicate`; returns them. */
export async function waitForSquiggles(
  editor: Locator,
  predicate: (found: Squiggle[]) => boolean,
  timeoutMs = 60_000,
): Promise<Squiggle[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = await squiggles(editor);
    if (predicate(found)) return found;
    if (Date.now() > deadline) throw new Error(`squiggles never matched: ${JSON.stringify(found)}`);
    await editor.page().waitForTimeout(250);
  }
}

/** Opens the Problems panel from the status bar and returns its visible rows' texts. */
export async function problemRows(page: Page): Promise<string[]> {
  const panel = page.locator('.markers-panel');
  if (!(await panel.isVisible())) await page.locator('[id="status.problems"]').click();
  await panel.locator('.monaco-list-row').first().waitFor();
  return panel
    .locator('.monaco-list-row')
    .evaluateAll((rows) => rows.map((r) => r.textContent ?? ''));
}

/** Moves the mouse onto `target` and returns the text of the hover that opens. */
export async function hoverText(page: Page, target: Locator, expected: string): Promise<string> {
  await page.mouse.move(0, 0);
  await target.hover();
  const hover = page.locator('.monaco-hover:not(.hidden)', { hasText: expected });
  await hover.waitFor({ timeout: 30_000 });
  await animationsDone(hover);
  return hover.innerText();
}

/**
 * Waits for the fade-in of a widget, so that its screenshot shows it opaque. A hover re-renders
 * as its providers answer; an evaluate on the element it replaced is aborted, so it is tried
 * again on the element the locator finds now.
 */
async function animationsDone(widget: Locator): Promise<void> {
  type Animated = { getAnimations(options: object): { finished: Promise<unknown> }[] };
  for (let attempt = 1; ; attempt++) {
    try {
      await widget.evaluate((element) =>
        Promise.all(
          (element as unknown as Animated).getAnimations({ subtree: true }).map((a) => a.finished),
        ),
      );
      return;
    } catch (error) {
      if (attempt >= 5) throw error;
      await widget.page().waitForTimeout(200);
    }
  }
}

/**
 * Puts the cursor on `target`, waits for the light bulb, opens Quick Fix (Ctrl+.) and applies
 * the action titled `title`. Without the wait, Ctrl+. can race the light bulb's own request and
 * answer "No code actions available".
 */
export async function applyQuickFix(
  page: Page,
  editor: Locator,
  target: Locator,
  title: string,
): Promise<void> {
  await target.click();
  await editor.locator('.lightBulbWidget').waitFor({ timeout: 30_000 });
  await page.keyboard.press('Control+.');
  const rows = page.locator('.action-widget .monaco-list-row.action');
  await rows.first().waitFor({ timeout: 30_000 });
  // The menu blocks the mouse until it moves, so choose with the keyboard as users often do.
  const focused = page.locator('.action-widget .monaco-list-row.action.focused');
  for (let step = 0; step < (await rows.count()); step++) {
    if ((await focused.getAttribute('aria-label')) === title) break;
    await page.keyboard.press('ArrowDown');
  }
  if ((await focused.getAttribute('aria-label')) !== title) {
    const titles = await rows.evaluateAll((all) => all.map((r) => r.getAttribute('aria-label')));
    throw new Error(`no quick fix "${title}" among ${JSON.stringify(titles)}`);
  }
  await page.keyboard.press('Enter');
}

/** Opens the command palette (F1) and types `text`; returns the palette's input. */
export async function typeInCommandPalette(page: Page, text: string): Promise<Locator> {
  await page.keyboard.press('Escape');
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget .quick-input-box input');
  await input.waitFor();
  await input.fill(`>${text}`);
  return input;
}

export function quickPickRow(page: Page, label: string): Locator {
  return page.locator(`.quick-input-widget .monaco-list-row[aria-label="${label}"]`);
}
