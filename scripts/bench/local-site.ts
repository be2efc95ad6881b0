// The platform and the production build of the site on free ports, DynamoDB Local in memory with the seed: what the site benchmarks measure.
import { freePlatformPorts, freePort } from '@collective-actions/functions/local/free-port.ts';
import { dynamoDbLocalEnvironment } from '@collective-actions/functions/local/dynamodb-local.ts';

export async function startBenchSite(): Promise<{ url: string; stop: () => Promise<void> }> {
  const ports = await freePlatformPorts();
  Object.assign(process.env, dynamoDbLocalEnvironment(ports.dynamodb));
  process.env.TABLE_NAME = 'collective-actions-bench';
  process.env.POWERTOOLS_LOG_LEVEL = 'SILENT';
  const sitePort = await freePort();
  const { startPlatform } = await import('@collective-actions/functions/local/platform.ts');
  const { startSite } = await import('@collective-actions/frontend/serve.ts');
  const { listenHost } = await import('@collective-actions/functions/local/serve.ts');
  const platform = await startPlatform({ ports, siteUrl: `http://localhost:${sitePort}` });
  const site = await startSite({ port: sitePort, host: listenHost, apiUrl: platform.apiUrl, issuer: platform.issuer });
  return {
    url: site.url,
    stop: async () => {
      await site.stop();
      await platform.stop();
    },
  };
}
