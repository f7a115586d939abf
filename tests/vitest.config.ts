import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
    // Each test file opens its own SQLite files; two cores, so two workers.
    maxWorkers: 2,
    testTimeout: 30_000,
  },
});
