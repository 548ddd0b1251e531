import preact from '@preact/preset-vite';
import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest(), preact()],
  test: {
    include: ['test/unit/**/*.test.{ts,tsx}', 'lib/**/*.test.ts'],
    setupFiles: ['test/unit/setup.ts'],
    environment: 'node',
    testTimeout: 30_000,
  },
});
