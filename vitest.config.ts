import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Errors the API logs on purpose (a 500 in a test of the error mapper) stay out of the test report.
    env: { POWERTOOLS_LOG_LEVEL: 'SILENT' },
    projects: [
      { test: { name: 'unit', include: ['shared/src/**/*.test.ts', 'functions/src/**/*.test.ts', 'infra/**/*.test.ts'] } },
      {
        test: {
          name: 'integration',
          include: ['tests/**/*.test.ts'],
          // One platform (DynamoDB Local in memory, identity provider, gateway) for every integration test file.
          globalSetup: ['tests/support/platform.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
