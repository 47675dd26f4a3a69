import { defineConfig } from 'vitest/config';

// Temporal servers and SMTP sinks are real processes here: suites get generous timeouts
// and run in separate forks so one suite's server never leaks into another's.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    pool: 'forks',
    testTimeout: 120_000,
    hookTimeout: 120_000,
    fileParallelism: true,
    maxWorkers: 2,
  },
});
