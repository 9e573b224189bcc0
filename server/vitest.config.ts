import { defineConfig } from 'vitest/config'

// Projects: `unit` (pure, no database), `integration` (the API through app.inject on a real
// database: PGlite by default, a PostgreSQL server with ATRIUM_TEST_DB=postgres) and `reliability`.
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
      {
        // Fuzzing, concurrency, crash and multi-instance checks (npm run test:reliability);
        // RELIABILITY=full for the long form. One file at a time: they start servers of their own.
        test: {
          name: 'reliability',
          include: ['test/reliability/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['test/support/global-setup.ts'],
          testTimeout: 300_000,
          hookTimeout: 180_000,
          pool: 'forks',
          maxWorkers: 1,
          fileParallelism: false,
        },
      },
    ],
  },
})
