import { defineConfig } from 'vitest/config';

// Unit, property and module HTTP tests. Browser journeys live in vitest.e2e.config.ts.
export default defineConfig({
  test: {
    exclude: ['server/test/multinode/**', 'node_modules/**'],
    include: ['contracts/**/*.test.ts', 'engine/**/*.test.ts', 'server/**/*.test.ts', 'scripts/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    globalSetup: ['server/test/global-setup.ts'],
  },
});
