import { defineConfig } from 'vitest/config';

// Browser journeys: a real Hearth process per file, driven through Debian's Chromium (one browser for the run, launched
// by the global setup; each person is a browser context of their own).
// One fork, one file at a time: each journey owns its server. The files share the fork (`isolate: false`): vitest and
// Playwright's client load once, not 15 times. Safe because journeys keep no module state: each file starts its own
// server and contexts and closes them in its own hooks.
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.ts'],
    globalSetup: ['e2e/support/global-setup.ts'],
    setupFiles: ['e2e/support/setup-file.ts'],
    isolate: false,
    testTimeout: 60_000,
    hookTimeout: 90_000,
    pool: 'forks',
    maxWorkers: 1,
    fileParallelism: false,
    retry: 0,
  },
});
