import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Builds and PDF prints take seconds each on a 2-core machine.
    testTimeout: 120_000,
    hookTimeout: 300_000,
    pool: 'forks',
    // Eleventy imports .eleventy.js with Node's own import(), outside Vitest's module runner, and
    // that file imports TypeScript; tsx's loader lets build tests run the real build().
    execArgv: ['--import', 'tsx'],
  },
});
