import { defineConfig } from 'vitest/config';

/** The browser tests: the built extension in Debian's Chromium and Firefox (test/e2e/). */
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.spec.ts'],
    environment: 'node',
    globalSetup: ['test/e2e/global-setup.ts'],
    // One browser at a time: the fixture server owns port 443, and CI has 2 cores.
    fileParallelism: false,
    pool: 'forks',
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
