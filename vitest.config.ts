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
          include: ['tests/{api,site,browser}/**/*.test.ts'],
          // One platform (DynamoDB Local in memory, identity provider, gateway) for every integration test file.
          globalSetup: ['tests/support/platform.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        // The API's tests again, against the functions as deployed: their bundles, environments and IAM policies. Run
        // in a vitest process of its own (npm run test:deployed), since each platform sets the process's environment.
        test: {
          name: 'deployed',
          include: ['tests/api/**/*.test.ts', 'tests/deployed/**/*.test.ts'],
          globalSetup: ['tests/support/deployed-platform.ts'],
          testTimeout: 60_000,
          hookTimeout: 300_000,
        },
      },
    ],
  },
});
