import { defineConfig } from 'vitest/config';

// Browser journeys: a real Hearth process per file, driven through Debian's Chromium.
// One fork, one file at a time: each journey owns its server and browsers.
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.ts'],
    globalSetup: ['e2e/support/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 90_000,
    pool: 'forks',
    maxWorkers: 1,
    fileParallelism: false,
    retry: 0,
  },
});
