import { defineConfig } from 'vitest/config'

// Two projects: `unit` (pure, no database) and `integration` (the API through app.inject on a real
// database: PGlite by default, a PostgreSQL server with ATRIUM_TEST_DB=postgres).
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['test/support/global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 120_000,
          // PGlite holds a few hundred MB per instance: one file at a time per core is plenty.
          pool: 'forks',
          maxWorkers: 2,
          fileParallelism: true,
        },
      },
    ],
  },
})
