// The server gives memory back after a burst of work (see server/src/session/release-memory.ts).
import { describe, expect, it } from 'vitest';
import { extend } from '../server/src/core/objects';
import { IdleMemoryRelease, releaseMemory } from '../server/src/session/release-memory';

const nextTimer = () => new Promise((resolve) => setTimeout(resolve, 5));

describe('releaseMemory', () => {
  it('collects through the inspector and leaves the event loop running', async () => {
    let garbage: object[] | undefined = Array.from({ length: 100_000 }, (_, i) => ({ i }));
    expect(garbage).toHaveLength(100_000);
    garbage = undefined;
    const spent = await releaseMemory();
    expect(spent).toBeGreaterThanOrEqual(0);
    // Disconnecting the session inside its callback once hung the loop: timers never fired.
    await nextTimer();
    expect(await releaseMemory()).toBeGreaterThanOrEqual(0);
  });
});

describe('IdleMemoryRelease', () => {
  it('releases once the server is idle after enough growth', async () => {
    const released: number[] = [];
    const memory = new IdleMemoryRelease((ms) => released.push(ms), 1, 0);
    memory.workDone();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(released).toHaveLength(1);
  });

  it('releases when idle after a first index, whatever the growth, once', async () => {
    const released: number[] = [];
    const memory = new IdleMemoryRelease((ms) => released.push(ms), 1, 1024 ** 4);
    memory.releaseWhenIdle(20);
    await nextTimer();
    // Work within the quiet period puts the release off; it still comes after the work.
    memory.workDone();
    expect(released).toEqual([]);
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect(released).toHaveLength(1);
    memory.workDone();
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(released).toHaveLength(1);
  });

  it('does not release after small growth, nor when work goes on', async () => {
    const released: number[] = [];
    const small = new IdleMemoryRelease((ms) => released.push(ms), 1, 1024 ** 4);
    small.workDone();
    const busy = new IdleMemoryRelease((ms) => released.push(ms), 30, 0);
    busy.workDone();
    await nextTimer();
    busy.workDone();
    busy.cancel();
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(released).toEqual([]);
  });
});

describe('extend', () => {
  it('copies like a spread, the extra properties winning', () => {
    const base = { name: 'sku', optional: false, range: { line: 1 } };
    const copy = extend(base, { optional: true, declaredIn: 'a.py#Part' });
    expect(copy).toEqual({ ...base, optional: true, declaredIn: 'a.py#Part' });
    expect(copy).not.toBe(base);
    expect(base.optional).toBe(false);
    expect(copy.range).toBe(base.range);
  });
});
