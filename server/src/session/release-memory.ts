// Gives memory back to the system once a burst of work (a first index, a re-index, a stretch of
// edits) is over.
//
// A burst leaves V8's heap grown for work that will not come again soon: the young generation
// at its largest (32 MB) and old-space pages half empty. V8 shrinks both when the embedder
// reports low memory, which Node offers only through the inspector protocol
// (`HeapProfiler.collectGarbage`); left alone, Node 20 keeps them. A session in this process
// opens no port and no connection. On polar's index: resident memory 210 -> 165 MB, for about
// 100 ms of full collections.
import { Session } from 'node:inspector';

/** Resolves with the milliseconds spent, or with undefined when this Node has no inspector. */
export function releaseMemory(): Promise<number | undefined> {
  const started = performance.now();
  return new Promise((resolve) => {
    let session: Session | undefined;
    const finish = (spent: number | undefined) => {
      // Disconnecting inside the session's own callback hangs Node 20's event loop.
      setImmediate(() => {
        try {
          session?.disconnect();
        } catch {
          // The session never connected.
        }
      });
      resolve(spent);
    };
    try {
      session = new Session();
      session.connect();
      session.post('HeapProfiler.collectGarbage', (error) =>
        finish(error ? undefined : performance.now() - started),
      );
    } catch {
      // Node built without the inspector; V8 shrinks the heap in its own time, if ever.
      finish(undefined);
    }
  });
}

const MB = 1024 * 1024;

/**
 * Releases memory once the server has been idle for `idleMs` after work that grew its resident
 * memory by `growthBytes` or more since the last release. Small bursts cost nothing: a release
 * is a full collection, and a user pausing between keystrokes should not pay for one each time.
 */
export class IdleMemoryRelease {
  private timer: NodeJS.Timeout | undefined;
  private baseline = process.memoryUsage.rss();
  /** A release asked for once the server is idle, whatever the growth (after a first index). */
  private due: { idleMs: number } | undefined;

  constructor(
    private readonly onReleased: (milliseconds: number) => void = () => undefined,
    private readonly idleMs = 10_000,
    private readonly growthBytes = 24 * MB,
  ) {}

  /** Releases now, as after a first index, and measures growth from here. */
  async releaseNow(): Promise<number | undefined> {
    this.cancel();
    this.due = undefined;
    const spent = await releaseMemory();
    this.baseline = process.memoryUsage.rss();
    if (spent !== undefined) this.onReleased(spent);
    return spent;
  }

  /**
   * Releases once no work came for `idleMs`, whatever the growth. A release is a full collection
   * of ~100 ms that nothing can interrupt: after a first index it waits for a quiet moment
   * instead of holding up the first requests.
   */
  releaseWhenIdle(idleMs: number): void {
    this.due = { idleMs };
    this.workDone();
  }

  /** Marks the end of a piece of work: the idle clock starts again. */
  workDone(): void {
    this.cancel();
    const due = this.due;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      if (due || process.memoryUsage.rss() - this.baseline >= this.growthBytes)
        void this.releaseNow();
    }, due?.idleMs ?? this.idleMs);
    this.timer.unref();
  }

  cancel(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }
}
