import { defineConfig } from 'vitest/config';

// Tests that start several server processes on one PostgreSQL (needs TEST_DATABASE_URL).
export default defineConfig({
  test: {
    include: ['server/test/multinode/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    globalSetup: ['server/test/global-setup.ts'],
  },
});
