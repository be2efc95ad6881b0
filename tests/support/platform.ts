// Global setup: the back end and the built site on free ports, DynamoDB Local in memory, seeded as on a first start; stopped after the run.
import type { TestProject } from 'vitest/node';
import { freePort } from '@collective-actions/functions/local/free-port.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    apiUrl: string;
    issuer: string;
    siteUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const ports = { dynamodb: await freePort(), api: await freePort(), identity: await freePort() };
  // Read once by the data client, here and in the test workers, which inherit this environment.
  process.env.DYNAMODB_ENDPOINT = `http://localhost:${ports.dynamodb}`;
  process.env.TABLE_NAME = 'collective-actions-test';
  process.env.POWERTOOLS_LOG_LEVEL = 'SILENT';
  // Where calendar feeds link their events to.
  process.env.SITE_URL = 'https://collective-actions.test';
  const { startPlatform } = await import('@collective-actions/functions/local/platform.ts');
  const sitePort = await freePort();
  // The open-data snapshot is rebuilt every second, so tests wait little for what they changed.
  const platform = await startPlatform({ ports, siteUrl: `http://localhost:${sitePort}`, snapshotSeconds: 1 });
  // The site as it runs in AWS: the production build, with its CSP and bundles.
  const { startSite } = await import('@collective-actions/frontend/serve.ts');
  const { listenHost } = await import('@collective-actions/functions/local/serve.ts');
  const site = await startSite({ port: sitePort, host: listenHost, apiUrl: platform.apiUrl, issuer: platform.issuer }).catch(async (error) => {
    await platform.stop();
    throw error;
  });
  project.provide('apiUrl', platform.apiUrl);
  project.provide('issuer', platform.issuer);
  project.provide('siteUrl', site.url);
  return async () => {
    // Whatever the suite did, every count and index entry still follows from the records.
    const { checkConsistency } = await import('@collective-actions/functions/data/consistency.ts');
    let differences: Awaited<ReturnType<typeof checkConsistency>>;
    try {
      differences = await checkConsistency();
    } finally {
      await site.stop();
      await platform.stop();
    }
    if (differences.length) throw new Error(`The consistency checker found ${differences.length} differences after the suite:\n${JSON.stringify(differences, null, 2)}`);
  };
}
