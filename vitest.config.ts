import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/setup/compile.ts'],
    // Browser-backed tests launch Chromium and print PDFs.
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
