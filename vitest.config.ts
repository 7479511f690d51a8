import { defineConfig } from 'vitest/config';

// Unit, property and module HTTP tests. Browser journeys live in vitest.e2e.config.ts.
export default defineConfig({
  test: {
    exclude: ['server/test/multinode/**', 'node_modules/**'],
    include: ['contracts/**/*.test.ts', 'engine/**/*.test.ts', 'server/**/*.test.ts', 'scripts/**/*.test.ts', 'web/src/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Files share their worker process (one per core) instead of a fresh one each: PGlite's WebAssembly and the app's
    // modules load once per worker, not 46 times. Halves the suite (PGlite 244 → 140 s, PostgreSQL 119 → 65 s on
    // 2 cores). Safe because tests mock no modules and keep no global state: each file builds its own app and database.
    isolate: false,
    globalSetup: ['server/test/global-setup.ts'],
  },
});
