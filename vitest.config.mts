import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The tests in real editors run with vitest.e2e.config.mts (`npm run test:nvim`, `test:e2e`).
    exclude: [...configDefaults.exclude, 'test/e2e/**', 'test/nvim/**'],
    testTimeout: 30_000,
    pool: 'forks',
  },
});
