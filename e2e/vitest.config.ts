import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: 'e2e',
    include: ['e2e/**/*.e2e.ts'],
    globalSetup: ['e2e/support/global-setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // Two journeys at a time, each with its own server and Chromium: most of a journey is
    // waiting for the page, so a 2-core machine runs two in well under twice the time of one.
    fileParallelism: true,
    maxWorkers: 2,
  },
});
