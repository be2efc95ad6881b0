// Five minutes at a fixed mixed rate against the local API (DynamoDB Local in memory with the seed, the open-data
// snapshot rebuilt in this process every 10 s as on `npm start`, or as often as told): p50, p99 and errors minute by
// minute, and the memory of this process, which serves the API, to see whether latency or memory drift.
//   node scripts/bench/load.ts [minutes] [seconds between snapshot builds]
import autocannon from 'autocannon';
import { freePlatformPorts } from '@collective-actions/functions/local/free-port.ts';
import { dynamoDbLocalEnvironment } from '@collective-actions/functions/local/dynamodb-local.ts';

const minutes = Number(process.argv[2] ?? 5);
const snapshotSeconds = Number(process.argv[3] ?? 10);
const rate = 100;
const ports = await freePlatformPorts();
Object.assign(process.env, dynamoDbLocalEnvironment(ports.dynamodb));
process.env.TABLE_NAME = 'collective-actions-load';
process.env.POWERTOOLS_LOG_LEVEL = 'SILENT';
const { startPlatform } = await import('@collective-actions/functions/local/platform.ts');
const { signIn } = await import('@collective-actions/functions/local/sign-in.ts');
const platform = await startPlatform({ ports, siteUrl: 'http://localhost:3000', snapshotSeconds });

const megabytes = (bytes: number) => Math.round(bytes / 1024 / 1024);
try {
  const token = await signIn(platform.issuer, 'government');
  const me = await (await fetch(`${platform.apiUrl}/v1/me`, { headers: { authorization: `Bearer ${token}` } })).json();
  const organisationId = me.organisations[0].organisation.id;
  const slug = 'open-public-procurement';
  const write = {
    method: 'POST' as const,
    path: `/v1/actions/${slug}/contributions`,
    body: JSON.stringify({ organisationId, offers: ['data'], title: 'Sent during the load run', text: 'Written by scripts/bench/load.ts.', language: 'en' }),
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
  };
  // Ten requests a round: eight reads of five kinds, one search, one write (10 writes/s at 100/s, under the write throttle).
  const requests = [
    { method: 'GET' as const, path: `/v1/actions/${slug}` },
    { method: 'GET' as const, path: `/v1/actions/${slug}/contributions` },
    { method: 'GET' as const, path: '/v1/actions' },
    { method: 'GET' as const, path: `/v1/actions/${slug}/members` },
    { method: 'GET' as const, path: `/v1/actions/${slug}/agenda` },
    { method: 'GET' as const, path: `/v1/actions/${slug}/contributions?organisationKind=national-government` },
    { method: 'GET' as const, path: '/v1/changes' },
    { method: 'GET' as const, path: '/v1/stats' },
    { method: 'GET' as const, path: '/v1/search?q=marches+publics' },
    write,
  ];
  console.log(`Load run, ${new Date().toISOString()}, Node ${process.version}: ${rate} requests/s for ${minutes} min, 1 connection, 10% writes; snapshot every ${snapshotSeconds} s`);
  console.log('| minute | p50 (ms) | p99 (ms) | req/s | non-2xx | errors | heap used (MB) | RSS (MB) |');
  console.log('|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (let minute = 1; minute <= minutes; minute++) {
    const result = await autocannon({ url: platform.apiUrl, connections: 1, overallRate: rate, duration: 60, requests });
    const memory = process.memoryUsage();
    console.log(
      `| ${minute} | ${result.latency.p50} | ${result.latency.p99} | ${result.requests.average.toFixed(0)} | ${result.non2xx} | ${result.errors + result.timeouts} | ${megabytes(memory.heapUsed)} | ${megabytes(memory.rss)} |`,
    );
  }
} finally {
  await platform.stop();
}
