// A fault in the middle of a load: DynamoDB Local (with its data on disk) is stopped 10 s into a 30 s run of mixed
// reads and writes at a fixed rate, and started again 10 s later. Prints what the API answered meanwhile (statuses,
// whether each 503 was problem+json with Retry-After, any stack trace), when it answered again, and what the
// consistency checker finds afterwards.
//   node scripts/bench/faults.ts
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import autocannon from 'autocannon';
import { freePlatformPorts } from '@collective-actions/functions/local/free-port.ts';
import { dynamoDbLocalEnvironment } from '@collective-actions/functions/local/dynamodb-local.ts';

const ports = await freePlatformPorts();
const directory = await mkdtemp(join(tmpdir(), 'collective-actions-faults-'));
Object.assign(process.env, dynamoDbLocalEnvironment(ports.dynamodb));
process.env.TABLE_NAME = 'collective-actions-faults';
process.env.POWERTOOLS_LOG_LEVEL = 'SILENT';
const issuer = `http://localhost:${ports.identity}`;
const apiUrl = `http://localhost:${ports.api}`;

const { startDynamoDbLocal } = await import('@collective-actions/functions/local/dynamodb-local.ts');
const { ensureTable } = await import('@collective-actions/functions/local/bootstrap.ts');
const { seed } = await import('@collective-actions/functions/local/seed.ts');
const { startIdentityProvider } = await import('@collective-actions/functions/local/identity-provider.ts');
const { functionsFromSources, startApi } = await import('@collective-actions/functions/local/platform.ts');
const { signIn } = await import('@collective-actions/functions/local/sign-in.ts');
const { checkConsistency } = await import('@collective-actions/functions/data/consistency.ts');

const startDatabase = () => startDynamoDbLocal({ port: ports.dynamodb, directory: `${directory}/dynamodb` });
let database = await startDatabase();
await ensureTable();
await seed();
const identity = await startIdentityProvider({ port: ports.identity, issuer, audience: apiUrl, siteUrl: 'http://localhost:3000' });
const deployment = {
  tableName: process.env.TABLE_NAME,
  issuer,
  audience: [apiUrl],
  siteUrl: 'http://localhost:3000',
  openDataUrl: pathToFileURL(`${directory}/open-data/`).href,
  unsubscribeSecret: 'faults',
};
const gateway = await startApi({ port: ports.api, issuer, audience: apiUrl, functions: functionsFromSources(deployment) });

try {
  const token = await signIn(issuer, 'government');
  const me = await (await fetch(`${apiUrl}/v1/me`, { headers: { authorization: `Bearer ${token}` } })).json();
  const organisationId = me.organisations[0].organisation.id;
  const slug = 'open-public-procurement';
  const body = JSON.stringify({ organisationId, offers: ['data'], title: 'Sent during the fault run', text: 'Written by scripts/bench/faults.ts.', language: 'en' });

  // What a client sees, twice a second: a read and a write, with their headers.
  const seen: Array<{ at: number; status: number; problem: boolean; retryAfter: string | null; trace: boolean }> = [];
  const start = Date.now();
  let probing = true;
  const probe = (async () => {
    while (probing) {
      for (const request of [
        fetch(`${apiUrl}/v1/actions/${slug}/contributions`),
        fetch(`${apiUrl}/v1/actions/${slug}/contributions`, { method: 'POST', body, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' } }),
      ]) {
        const reply = await request;
        const text = await reply.text();
        seen.push({
          at: (Date.now() - start) / 1000,
          status: reply.status,
          problem: reply.headers.get('content-type') === 'application/problem+json',
          retryAfter: reply.headers.get('retry-after'),
          trace: /\bat \w+ \(|node_modules|\.ts:\d+/.test(text),
        });
      }
      await sleep(500);
    }
  })();

  const load = autocannon({
    url: apiUrl,
    connections: 4,
    overallRate: 40,
    duration: 30,
    requests: [
      { method: 'GET', path: `/v1/actions/${slug}` },
      { method: 'GET', path: `/v1/actions/${slug}/contributions` },
      { method: 'POST', path: `/v1/actions/${slug}/contributions`, body, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' } },
    ],
  });
  await sleep(10_000);
  await database.stop();
  const stoppedAt = (Date.now() - start) / 1000;
  await sleep(10_000);
  database = await startDatabase();
  const restartedAt = (Date.now() - start) / 1000;
  const result = await load;
  probing = false;
  await probe;

  const firstGoodAfterRestart = seen.find((entry) => entry.at >= restartedAt && entry.status < 300);
  const unavailable = seen.filter((entry) => entry.status === 503);
  console.log(`Fault run, ${new Date().toISOString()}, Node ${process.version}`);
  console.log(`DynamoDB Local stopped at ${stoppedAt.toFixed(1)} s, started again at ${restartedAt.toFixed(1)} s`);
  console.log(`load (autocannon, 40/s mixed): statuses ${JSON.stringify(result.statusCodeStats)}, errors ${result.errors}, timeouts ${result.timeouts}`);
  console.log(`probe: ${seen.length} requests; statuses ${JSON.stringify(Object.fromEntries([...new Set(seen.map((entry) => entry.status))].map((status) => [status, seen.filter((entry) => entry.status === status).length])))}`);
  console.log(`probe: every 503 problem+json with Retry-After: ${unavailable.every((entry) => entry.problem && entry.retryAfter !== null)}; any stack trace: ${seen.some((entry) => entry.trace)}`);
  console.log(`probe: first success after the restart at ${firstGoodAfterRestart ? `${firstGoodAfterRestart.at.toFixed(1)} s` : 'never'}`);
  const differences = await checkConsistency();
  console.log(`consistency checker: ${differences.length} differences${differences.length ? `: ${JSON.stringify(differences.slice(0, 5))}` : ''}`);
} finally {
  await gateway.stop();
  await identity.stop();
  await database.stop();
  await rm(directory, { recursive: true, force: true });
}
