// The API against its floor, side by side on loopback: autocannon at a fixed rate (-R, which corrects coordinated
// omission) over one connection against the local API, and the same DynamoDB Local operation issued directly with
// the SDK at the same fixed rate, one at a time (latency counted from when each request was due). One connection,
// because autocannon paces each connection on its own: ten connections at 200/s send bursts of ten, and the figures
// then measure the queue the bursts make, for the API and for DynamoDB Local alike. Measured at each size given (default 1,000 then
// 100,000 contributions, half of them on the action measured), to show whether latency grows with the total.
//   node scripts/bench/api.ts [total …]
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import autocannon from 'autocannon';
import { freePlatformPorts } from '@collective-actions/functions/local/free-port.ts';
import { dynamoDbLocalEnvironment } from '@collective-actions/functions/local/dynamodb-local.ts';

const sizes = process.argv.slice(2).map(Number);
const totals = sizes.length ? sizes : [1_000, 100_000];
const seconds = 10;
const readRate = 200;
const writeRate = 20;
const slug = 'open-public-procurement';

const ports = await freePlatformPorts();
Object.assign(process.env, dynamoDbLocalEnvironment(ports.dynamodb));
process.env.TABLE_NAME = 'collective-actions-bench';
process.env.POWERTOOLS_LOG_LEVEL = 'SILENT';
const { startPlatform } = await import('@collective-actions/functions/local/platform.ts');
// The snapshot is rebuilt once during the run at most: these figures are about requests, not the builder.
const platform = await startPlatform({ ports, siteUrl: 'http://localhost:3000', snapshotSeconds: 3600 });

const { GetCommand, PutCommand, QueryCommand } = await import('@aws-sdk/lib-dynamodb');
const { ulid } = await import('ulid');
const { tableName } = await import('@collective-actions/functions/data/client.ts');
const { documents } = await import('@collective-actions/functions/local/sdk-clients.ts');
const { keys } = await import('@collective-actions/functions/data/keys.ts');
const { indexAttributes, indexKey } = await import('@collective-actions/functions/data/table.ts');
const { listActions } = await import('@collective-actions/functions/data/actions.ts');
const { allOrganisations } = await import('@collective-actions/functions/data/organisations.ts');
const { signIn } = await import('@collective-actions/functions/local/sign-in.ts');

const token = await signIn(platform.issuer, 'government');
const me = await (await fetch(`${platform.apiUrl}/v1/me`, { headers: { authorization: `Bearer ${token}` } })).json();
const organisation = me.organisations[0].organisation;
const actions = (await listActions()).map((action) => action.slug);
const organisations = await allOrganisations();

/** Ids of the measured action's contributions this script added, oldest first. */
const ours: string[] = [];

const { loadContributions } = await import('./contributions.ts');
const load = async (count: number, offset: number) => {
  const written = await loadContributions(count, offset, {
    campaign: slug,
    actions,
    organisations,
    content: (n) => ({ title: `Benchmark contribution ${n}`, text: 'Generated for the API benchmark. '.repeat(10), language: 'en', at: new Date().toISOString() }),
  });
  ours.push(...written.filter(({ action }) => action === slug).map(({ id }) => id));
};

/** The SDK's own operation at a fixed rate, one at a time as over one connection; each latency counts from when it was due. */
async function floor(rate: number, operation: () => Promise<unknown>, duration = seconds) {
  const latencies: number[] = [];
  const start = performance.now();
  for (let i = 0; i < rate * duration; i++) {
    const due = start + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 0) await sleep(wait);
    await operation();
    latencies.push(performance.now() - due);
  }
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))];
  return { p50: at(0.5), p99: at(0.99), throughput: latencies.length / ((performance.now() - start) / 1000) };
}

async function api(
  rate: number,
  path: string,
  options: Pick<autocannon.Options, 'method' | 'body' | 'headers' | 'requests'> = {},
  duration = seconds,
) {
  const result = await autocannon({ url: `${platform.apiUrl}${path}`, connections: 1, overallRate: rate, duration, ...options });
  const failed = result.non2xx + result.errors + result.timeouts;
  return { p50: result.latency.p50, p99: result.latency.p99, throughput: result.requests.average, failed };
}

const cursorAfter = (id: string) => Buffer.from(JSON.stringify({ after: id }), 'utf8').toString('base64url');
const contributions = keys.contributionsOfAction(slug);
const query = (exclusiveStartKey?: Record<string, string>) =>
  documents.send(
    new QueryCommand({
      TableName: tableName,
      IndexName: contributions.index,
      KeyConditionExpression: '#pk = :pk',
      ExpressionAttributeNames: { '#pk': indexAttributes(contributions.index).partitionKey },
      ExpressionAttributeValues: { ':pk': contributions.partition },
      ScanIndexForward: false,
      Limit: 21,
      ExclusiveStartKey: exclusiveStartKey,
    }),
  );

console.log(`API against its floor, ${new Date().toISOString()}, Node ${process.version}: reads at ${readRate}/s, writes at ${writeRate}/s, ${seconds} s each, one connection`);
console.log('| contributions | request | API p50 (ms) | API p99 (ms) | API req/s | failed | floor p50 (ms) | floor p99 (ms) | floor | p50 ratio |');
console.log('|---:|---|---:|---:|---:|---:|---:|---:|---|---:|');
let loaded = 0;
try {
  for (const total of totals) {
    await load(total - loaded, loaded);
    loaded = total;
    const deepId = ours[Math.floor(ours.length * 0.2)];
    const deepKey = { ...keys.contribution(slug, deepId), ...indexKey(contributions, deepId) };
    const country = organisations[0].country;
    const scenarios = [
      { name: 'get an action', path: `/v1/actions/${slug}`, floorName: 'GetItem', floorOp: () => documents.send(new GetCommand({ TableName: tableName, Key: keys.action(slug) })) },
      { name: 'contributions, first page', path: `/v1/actions/${slug}/contributions`, floorName: 'Query, 21 items', floorOp: () => query() },
      {
        name: `contributions, ${Math.round(ours.length * 0.8).toLocaleString('en')} deep`,
        path: `/v1/actions/${slug}/contributions?cursor=${cursorAfter(deepId)}`,
        floorName: 'Query from a start key',
        floorOp: () => query(deepKey),
      },
      {
        name: `contributions from ${country}`,
        path: `/v1/actions/${slug}/contributions?country=${country}`,
        floorName: 'Query of the country index',
        floorOp: () => {
          const { index, partition } = keys.contributionsOfActionByCountry(slug, country);
          return documents.send(
            new QueryCommand({
              TableName: tableName,
              IndexName: index,
              KeyConditionExpression: '#pk = :pk',
              ExpressionAttributeNames: { '#pk': indexAttributes(index).partitionKey },
              ExpressionAttributeValues: { ':pk': partition },
              ScanIndexForward: false,
              Limit: 21,
            }),
          );
        },
      },
    ];
    const row = (name: string, measured: Awaited<ReturnType<typeof api>>, floorName: string, base: Awaited<ReturnType<typeof floor>>) =>
      console.log(
        `| ${total.toLocaleString('en')} | ${name} | ${measured.p50.toFixed(1)} | ${measured.p99.toFixed(1)} | ${measured.throughput.toFixed(0)} | ${measured.failed} | ${base.p50.toFixed(1)} | ${base.p99.toFixed(1)} | ${floorName} | ${(measured.p50 / base.p50).toFixed(2)} |`,
      );
    for (const scenario of scenarios) {
      // Two seconds of each, not counted, so code paths are compiled and connections open before measuring.
      await api(readRate, scenario.path, {}, 2);
      const measured = await api(readRate, scenario.path);
      await floor(readRate, scenario.floorOp, 2);
      row(scenario.name, measured, scenario.floorName, await floor(readRate, scenario.floorOp));
    }
    const body = JSON.stringify({ organisationId: organisation.id, offers: ['data'], title: 'Benchmark submission', text: 'Sent by the API benchmark.', language: 'en' });
    const submit = (headers: Record<string, string> = {}, requests?: autocannon.Options['requests']) =>
      api(writeRate, `/v1/actions/${slug}/contributions`, {
        method: 'POST',
        body,
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...headers },
        requests,
      });
    const submitted = await submit();
    // Each request a new key (the record is written, then completed), then one key sent again and again (its answer replayed).
    const keyed = await submit({}, [{ setupRequest: (request) => ({ ...request, headers: { ...request.headers, 'idempotency-key': randomUUID() } }) }]);
    const replayed = await submit({ 'idempotency-key': randomUUID() });
    const put = await floor(writeRate, () => {
      const id = ulid();
      return documents.send(new PutCommand({ TableName: tableName, Item: { ...keys.contribution(`${slug}-floor`, id), id } }));
    });
    row('submit a contribution', submitted, 'PutItem', put);
    row('submit, a new Idempotency-Key each', keyed, 'PutItem', put);
    row('submit, the same Idempotency-Key again', replayed, 'PutItem', put);
  }
} finally {
  await platform.stop();
}
