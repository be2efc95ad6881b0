// Global setup: the back end and the built site on free ports, DynamoDB Local in memory, seeded as on a first start; stopped after the run.
// The API's functions run from their sources, or, for the `deployed` project (tests/support/deployed-platform.ts), from
// the bundles `cdk deploy` ships.
import type { TestProject } from 'vitest/node';
import { freePlatformPorts, freePort } from '@collective-actions/functions/local/free-port.ts';
import { dynamoDbLocalEnvironment } from '@collective-actions/functions/local/dynamodb-local.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    apiUrl: string;
    issuer: string;
    siteUrl: string;
    mailUrl: string;
  }
}

export async function startTestPlatform(project: TestProject, functions: 'sources' | 'bundles') {
  const ports = await freePlatformPorts();
  // Read once by the data client, here and in the test workers, which inherit this environment.
  Object.assign(process.env, dynamoDbLocalEnvironment(ports.dynamodb));
  process.env.TABLE_NAME = 'collective-actions-test';
  process.env.POWERTOOLS_LOG_LEVEL = 'SILENT';
  const { startPlatform } = await import('@collective-actions/functions/local/platform.ts');
  const sitePort = await freePort();
  // The open-data snapshot is rebuilt every second, so tests wait little for what they changed.
  const platform = await startPlatform({
    ports,
    siteUrl: `http://localhost:${sitePort}`,
    // Where feeds link to and whose pages may call the API.
    publicUrl: 'https://collective-actions.test',
    snapshotSeconds: 1,
    functions,
  });
  // The site as it runs in AWS: the production build, with its CSP and bundles; for the `deployed` project, the
  // function's own asset behind what CloudFront does in front of it.
  const { startSite } = await import('@collective-actions/frontend/serve.ts');
  const { startDeployedSite } = await import('@collective-actions/functions/local/deployed-site.ts');
  const { listenHost } = await import('@collective-actions/functions/local/serve.ts');
  const site = await (platform.site
    ? startDeployedSite({ port: sitePort, site: platform.site })
    : startSite({ port: sitePort, host: listenHost, apiUrl: platform.apiUrl, issuer: platform.issuer })
  ).catch(async (error) => {
    await platform.stop();
    throw error;
  });
  project.provide('apiUrl', platform.apiUrl);
  project.provide('issuer', platform.issuer);
  project.provide('siteUrl', site.url);
  project.provide('mailUrl', platform.mailUrl);
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

export default (project: TestProject) => startTestPlatform(project, 'sources');
