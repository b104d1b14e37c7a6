import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/helpers/temp-root.ts'],
    testTimeout: 120_000,
    hookTimeout: 300_000,
    // Browser-driven suites each start a Chromium; two at a time is what a 2-core machine carries.
    maxWorkers: 2,
  },
});
