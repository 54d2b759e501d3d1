// Long work written so that it can pause. Such work is a generator that `yield`s wherever a pause
// is safe (between two entities, two calls, two rules) and returns its result. The CLI runs it
// through at once (`finish`); the language server runs it in slices of a few milliseconds
// (`finishInSlices`), so the editor's requests are answered between two slices instead of
// waiting for a whole check of a large workspace.
//
// A pause point costs a generator step and, in slices, a clock read: put them around work of at
// least some microseconds (an entity, a call), not inside tight loops.

export type Pausable<T> = Generator<void, T, undefined>;

/** The longest stretch `finishInSlices` runs before it lets other work in. */
export const SLICE_MS = 5;

/** Runs pausable work to its end without pausing. */
export function finish<T>(work: Pausable<T>): T {
  for (;;) {
    const step = work.next();
    if (step.done) return step.value;
  }
}

/** Runs pausable work, letting the event loop in whenever a slice has run `sliceMs`. */
export async function finishInSlices<T>(work: Pausable<T>, sliceMs = SLICE_MS): Promise<T> {
  let sliceStarted = performance.now();
  for (;;) {
    const step = work.next();
    if (step.done) return step.value;
    if (performance.now() - sliceStarted >= sliceMs) {
      await new Promise((resume) => setImmediate(resume));
      sliceStarted = performance.now();
    }
  }
}
