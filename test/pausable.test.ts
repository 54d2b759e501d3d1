// The server checks a workspace in slices (core/pausable.ts) so it answers the editor meanwhile:
// the sliced check must give what the check run at once gives, let the event loop in, and never
// keep a result that an edit made stale while it paused.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../server/src/core/config/seam-config';
import { checkWork, checkWorkspace } from '../server/src/core/findings/check';
import { finish, finishInSlices, type Pausable } from '../server/src/core/pausable';
import { SeamSession } from '../server/src/session/seam-session';
import { loadWorkspace } from '../server/src/workspace/load-workspace';

const example = join(__dirname, '..', 'examples', 'inventory');

function* countTo(limit: number, seen: number[]): Pausable<number> {
  for (let i = 1; i <= limit; i++) {
    seen.push(i);
    yield;
  }
  return limit;
}

/** Counts the event loop's turns while `work` runs. */
async function turnsDuring<T>(work: Promise<T>): Promise<{ value: T; turns: number }> {
  let turns = 0;
  let running = true;
  const tick = () => {
    if (!running) return;
    turns++;
    setImmediate(tick);
  };
  setImmediate(tick);
  const value = await work;
  running = false;
  return { value, turns };
}

describe('pausable work', () => {
  it('runs to the same end at once and in slices', async () => {
    const atOnce: number[] = [];
    const sliced: number[] = [];
    expect(finish(countTo(5, atOnce))).toBe(5);
    expect(await finishInSlices(countTo(5, sliced), 0)).toBe(5);
    expect(sliced).toEqual(atOnce);
  });

  it('lets the event loop in between slices, and not within one', async () => {
    const everyStep = await turnsDuring(finishInSlices(countTo(20, []), 0));
    expect(everyStep.value).toBe(20);
    expect(everyStep.turns).toBeGreaterThanOrEqual(15);
    const oneSlice = await turnsDuring(finishInSlices(countTo(20, []), 60_000));
    expect(oneSlice.turns).toBe(0);
  });

  it('gives the findings and pairs of the check run at once, pausing many times', async () => {
    const { index } = await loadWorkspace(example);
    const atOnce = checkWorkspace(index.view(), index.allFacts(), DEFAULT_CONFIG);
    const view = await finishInSlices(index.viewWork(), 0);
    const sliced = await turnsDuring(
      finishInSlices(checkWork(view, index.allFacts(), DEFAULT_CONFIG), 0),
    );
    expect(sliced.value.findings.length).toBeGreaterThan(5);
    expect(sliced.value).toEqual(atOnce);
    // The example has ~20 pairs, ~40 calls and ~20 rules, each followed by a pause.
    expect(sliced.turns).toBeGreaterThan(50);
  });
});

describe('SeamSession.checkInSlices', () => {
  it('equals the check at once, and callers asking meanwhile share one run', async () => {
    const session = new SeamSession();
    const { root } = await session.addRoot(example);
    const first = session.checkInSlices(root);
    expect(session.checkInSlices(root)).toBe(first);
    const result = await first;
    expect(result).toBe(session.check(root));
    expect(await session.checkInSlices(root)).toBe(result);
  });

  it('returns a check an edit made stale meanwhile, but does not keep it', async () => {
    const session = new SeamSession();
    const { root } = await session.addRoot(example);
    const path = join(example, 'frontend', 'src', 'types', 'part.ts');
    const text = session.readText(path)!;
    const running = session.checkInSlices(root);
    session.openDocument(
      'file:///part.ts',
      path,
      `${text}\nexport interface Late { sku: string }\n`,
      1,
    );
    const stale = await running;
    expect(stale.findings.length).toBeGreaterThan(0);
    expect(root.check).toBeUndefined();
    await session.checksCurrent();
    expect(root.check?.version).toBe(root.index.version);
    expect(root.check?.result).not.toBe(stale);
  });
});
