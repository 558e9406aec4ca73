import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // CLI tests spawn node; on a loaded 2-core machine a spawn can take seconds.
    testTimeout: 30_000,
  },
});
