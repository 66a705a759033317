import { defineConfig, type TestProjectInlineConfiguration } from 'vitest/config';

const apiProject = (db: 'embedded' | 'postgres'): TestProjectInlineConfiguration => ({
  test: {
    name: `api-${db}`,
    include: ['apps/server/src/**/*.api.test.ts'],
    globalSetup: ['apps/server/test/global-setup.ts'],
    env: { TEST_DB: db },
    // The API files share their worker's modules instead of importing the app again for each
    // file (~4 s apiece): every file builds its own app on its own database, and nothing in the
    // server keeps state that is not keyed by its database or organization.
    isolate: false,
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});

export default defineConfig({
  test: {
    // Vitest's default on a 2-core machine is one worker; the API tests wait on the database
    // and on password hashing much of the time, so two keep both cores busy.
    maxWorkers: 2,
    projects: [
      {
        test: {
          name: 'unit',
          include: [
            'apps/server/src/**/*.test.ts',
            'apps/web/src/**/*.test.ts',
            'packages/contracts/src/**/*.test.ts',
            'eslint/**/*.test.ts',
          ],
          exclude: ['**/*.api.test.ts', '**/node_modules/**'],
        },
      },
      apiProject('embedded'),
      // The same API suite runs on PostgreSQL whenever a test database is given (CI gives one).
      ...(process.env.TEST_DATABASE_URL ? [apiProject('postgres')] : []),
    ],
  },
});
