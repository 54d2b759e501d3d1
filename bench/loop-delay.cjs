// Preloaded into the language server by bench/responsiveness.mjs (`node -r`): measures how long
// the server's own event loop was held, with Node's event-loop delay histogram, and writes the
// figures as JSON to $SEAM_BENCH_LOOP_DELAY_OUT when the server exits. The pings the bench
// sends see this delay plus the time the OS gives other threads and the bench's own process;
// on a machine with two cores and an indexing worker, that part is as large as the server's.
const { monitorEventLoopDelay } = require('node:perf_hooks');
const { isMainThread } = require('node:worker_threads');
const { writeFileSync } = require('node:fs');

const out = process.env.SEAM_BENCH_LOOP_DELAY_OUT;
if (isMainThread && out) {
  // Started once the server is up, so loading its code is not counted.
  const histogram = monitorEventLoopDelay({ resolution: 5 });
  setImmediate(() => histogram.enable());
  const ms = (nanoseconds) => Math.round(nanoseconds / 1e5) / 10;
  process.on('exit', () => {
    const figures = {
      maxMs: ms(histogram.max),
      p99Ms: ms(histogram.percentile(99)),
      p95Ms: ms(histogram.percentile(95)),
      medianMs: ms(histogram.percentile(50)),
    };
    writeFileSync(out, JSON.stringify(figures));
  });
}
