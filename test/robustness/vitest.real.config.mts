// Configuration for the optional fuzz run over real public projects cloned outside the repo
// (not part of `npm test`): npx vitest run --config test/robustness/vitest.real.config.mts
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/robustness/*.real.ts'],
    testTimeout: 600_000,
    pool: 'forks',
  },
});
