import { defineConfig, type TestProjectInlineConfiguration } from 'vitest/config';

const apiProject = (db: 'embedded' | 'postgres'): TestProjectInlineConfiguration => ({
  test: {
    name: `api-${db}`,
    include: ['apps/server/src/**/*.api.test.ts'],
    globalSetup: ['apps/server/test/global-setup.ts'],
    env: { TEST_DB: db },
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});

export default defineConfig({
  test: {
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
