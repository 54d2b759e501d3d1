// The tests in real editors, kept out of `npm test`: Neovim as an LSP client (test/nvim) and the
// packaged extension in code-server driven by Chromium (test/e2e). One file at a time: each
// starts an editor and a language server, which is all a 2-core machine should run at once.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/nvim/**/*.test.ts', 'test/e2e/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 240_000,
    pool: 'forks',
    fileParallelism: false,
  },
});
