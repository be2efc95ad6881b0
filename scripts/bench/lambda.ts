// Every API function as `cdk deploy` ships it (the bundles in infra/cdk.out, synthesized first when stale), measured as
// Lambda starts it: a fresh Node process imports the bundle (its init), then calls the handler once with a request of
// its route, the first DynamoDB call included (against DynamoDB Local, seeded), with the function's own environment from
// the template. Medians of 10 rounds (each measures every function once, so that the machine's slow moments weigh on
// all alike), minus the median of a process that imports an empty module; the memory
// the process holds after its first request; and what the parts cost on their own. Given the directories of other
// synthesized apps (another commit's infra/cdk.out), measures them too, in the same run, for a before and after.
//   node scripts/bench/lambda.ts [other cdk.out …]
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { build } from 'esbuild';
import { findRoute } from '@collective-actions/shared/routes';
import { dynamoDbLocalEnvironment, startDynamoDbLocal } from '@collective-actions/functions/local/dynamodb-local.ts';
import { freePort } from '@collective-actions/functions/local/free-port.ts';

const runs = 10;
const port = await freePort();
Object.assign(process.env, dynamoDbLocalEnvironment(port), { TABLE_NAME: 'collective-actions-bench' });
const { ensureTable } = await import('@collective-actions/functions/local/bootstrap.ts');
const { seed } = await import('@collective-actions/functions/local/seed.ts');
const { deployedFunctions } = await import('@collective-actions/functions/local/deployed-functions.ts');
const { tableName } = await import('@collective-actions/functions/data/client.ts');

const database = await startDynamoDbLocal({ port });
const scratch = mkdtempSync(join(tmpdir(), 'collective-actions-lambda-bench-'));
try {
  await ensureTable();
  await seed();
  const deployment = { tableName, issuer: 'https://issuer.invalid', audience: ['bench'], siteUrl: 'https://collective-actions.test', openDataUrl: `file://${scratch}/`, unsubscribeSecret: 'bench' };
  const assemblies = [...process.argv.slice(2).map((directory) => resolve(directory)), undefined];

  // A request of each route, as API Gateway sends it; signed-in routes carry the authorizer's claims of a steward.
  const sample: Record<string, string> = { slug: 'open-public-procurement', id: '01JDEM00000000000000000001', organisationId: '01JDEM00000000000000000001', file: 'organisations.json', proxy: 'nothing' };
  const eventOf = (key: string) => {
    const [method, path] = key.split(' ');
    const route = findRoute(key);
    const names = [...path.matchAll(/\{(\w+)\+?\}/g)].map(([, name]) => name);
    const signedIn = route && route.access !== 'public' && route.access !== 'optional';
    const takesBody = route && 'request' in route && 'body' in route.request;
    return {
      version: '2.0',
      routeKey: key,
      rawPath: path.replace(/\{(\w+)\+?\}/g, (_, name: string) => sample[name]),
      rawQueryString: '',
      headers: { host: 'bench.local', ...(takesBody ? { 'content-type': 'application/json' } : {}) },
      pathParameters: names.length ? Object.fromEntries(names.map((name) => [name, sample[name]])) : undefined,
      requestContext: {
        http: { method: method === 'ANY' ? 'DELETE' : method, path, protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'bench' },
        requestId: 'bench',
        routeKey: key,
        stage: '$default',
        timeEpoch: Date.now(),
        ...(signedIn ? { authorizer: { jwt: { claims: { sub: 'bench-steward', jti: 'bench', 'cognito:groups': '[stewards]', name: 'Bench', email: 'bench@example.org', email_verified: 'true' }, scopes: [] } } } : {}),
      },
      // A body that the route refuses after its write throttle has taken a token from the table.
      ...(takesBody ? { body: '{}', isBase64Encoded: false } : {}),
      isBase64Encoded: false,
    };
  };

  const runner = join(scratch, 'run.mjs');
  writeFileSync(
    runner,
    `const { handler } = await import(process.argv[2]);
if (process.env.BENCH_EVENT) {
  const reply = await handler(JSON.parse(process.env.BENCH_EVENT), { functionName: 'bench', awsRequestId: 'bench', getRemainingTimeInMillis: () => 10000 });
  process.stdout.write(JSON.stringify({ status: reply.statusCode, rss: process.memoryUsage().rss }));
}
`,
  );
  const empty = join(scratch, 'empty.mjs');
  writeFileSync(empty, '\n');
  // DYNAMODB_ENDPOINT for bundles of before the functions read the SDK's own AWS_ENDPOINT_URL_DYNAMODB.
  const base = { PATH: process.env.PATH!, ...dynamoDbLocalEnvironment(port), DYNAMODB_ENDPOINT: `http://localhost:${port}`, POWERTOOLS_LOG_LEVEL: 'SILENT', AWS_LAMBDA_FUNCTION_NAME: 'bench' };

  /** The wall time of a fresh process running `module` (and its first request, given an event), with what it printed. */
  function timed(module: string, environment: Record<string, string>, event?: unknown) {
    const start = performance.now();
    const printed = execFileSync(process.execPath, [runner, module], { env: { ...base, ...environment, ...(event ? { BENCH_EVENT: JSON.stringify(event) } : {}) }, encoding: 'utf8' });
    return { ms: performance.now() - start, printed };
  }
  const middle = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

  // What the parts cost on their own: each imported alone in a fresh process, bundled and minified as the CDK bundles them.
  // (Each re-exported whole, so that nothing is shaken out.)
  const parts = [
    ["the AWS SDK's DynamoDB client and document client, as the functions used them before", "export * from '@aws-sdk/lib-dynamodb'; export * from '@aws-sdk/client-dynamodb';"],
    ['aws4 and util-dynamodb, what data/client.ts uses instead', "export { default } from 'aws4'; export * from '@aws-sdk/util-dynamodb';"],
    ['zod', "export * from 'zod';"],
    ['the shared schemas and route table (zod included)', "export * from '@collective-actions/shared/routes';"],
    ['middy and its HTTP middlewares', "export * from '@middy/core'; export * from '@middy/http-cors'; export * from '@middy/http-json-body-parser'; export * from '@middy/http-header-normalizer';"],
    ['Powertools logger', "export * from '@aws-lambda-powertools/logger';"],
    ['Powertools idempotency (POST routes)', "export * from '@aws-lambda-powertools/idempotency'; export * from '@aws-lambda-powertools/idempotency/persistence';"],
    ['jose', "export * from 'jose';"],
    // Written where node_modules resolves the SDK's clients they leave out.
  ].map(([name, source], index) => ({ name, source, entry: join(process.cwd(), `node_modules/.cache/bench-part-${index}.mjs`), times: [] as number[] }));
  for (const part of parts) {
    await build({
      stdin: { contents: part.source, resolveDir: process.cwd(), loader: 'js' },
      bundle: true,
      minify: true,
      format: 'esm',
      platform: 'node',
      target: 'node24',
      mainFields: ['module', 'main'],
      // The SDK's clients from node_modules, as the Lambda runtime provides them; util-dynamodb bundled, as the functions have it.
      external: ['@aws-sdk/client-dynamodb', '@aws-sdk/lib-dynamodb', '@smithy/*'],
      outfile: part.entry,
      banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
      logLevel: 'error',
    });
  }

  // Every measurement of a round before the next round: a slow minute of the machine then weighs on every function
  // (and on the empty process) alike, instead of on the few measured during it.
  const measured = assemblies.map((directory) => {
    const { functions, integrations } = deployedFunctions(deployment, console.error, directory);
    const rows = [...integrations].filter(([key]) => !key.startsWith('HEAD ')).sort(([a], [b]) => a.localeCompare(b));
    return { directory, rows: rows.map(([key, name]) => ({ key, fn: functions.find((candidate) => candidate.name === name)!, imports: [] as number[], firsts: [] as number[], printed: '' })) };
  });
  const empties: number[] = [];
  for (let round = 0; round < runs; round++) {
    empties.push(timed(empty, {}).ms);
    for (const row of measured.flatMap(({ rows }) => rows)) {
      row.imports.push(timed(row.fn.module, row.fn.environment).ms);
      const first = timed(row.fn.module, row.fn.environment, eventOf(row.key));
      row.firsts.push(first.ms);
      row.printed = first.printed;
    }
    for (const part of parts) part.times.push(timed(part.entry, {}).ms);
  }
  const baseline = middle(empties);
  for (const { directory, rows } of measured) {
    console.log(`\nAPI functions as deployed (${directory ?? 'infra/cdk.out'}), ${new Date().toISOString()}, Node ${process.version}; empty process ${baseline.toFixed(0)} ms; medians of ${runs} rounds of fresh processes minus an empty one`);
    console.log('| route | bundle (KB) | cold import (ms) | import + first request (ms) | status | memory after (MB) |');
    console.log('|---|---:|---:|---:|---:|---:|');
    const figures = rows.map((row) => {
      const { status, rss } = JSON.parse(row.printed) as { status: number; rss: number };
      const figure = { imported: middle(row.imports) - baseline, first: middle(row.firsts) - baseline };
      console.log(`| ${row.key} | ${Math.round(statSync(row.fn.module).size / 1024)} | ${figure.imported.toFixed(0)} | ${figure.first.toFixed(0)} | ${status} | ${Math.round(rss / 1024 / 1024)} |`);
      return figure;
    });
    const imports = figures.map((figure) => figure.imported).sort((a, b) => a - b);
    const firsts = figures.map((figure) => figure.first).sort((a, b) => a - b);
    console.log(`\ncold import: ${imports[0].toFixed(0)}–${imports.at(-1)!.toFixed(0)} ms, median ${middle(imports).toFixed(0)}; ` +
      `${imports.filter((ms) => ms <= 80).length} of ${imports.length} within 80 ms`);
    console.log(`import + first request: ${firsts[0].toFixed(0)}–${firsts.at(-1)!.toFixed(0)} ms, median ${middle(firsts).toFixed(0)}; ` +
      `${firsts.filter((ms) => ms <= 150).length} of ${firsts.length} within 150 ms`);
  }
  console.log('\n| part, imported alone | ms |\n|---|---:|');
  for (const part of parts) {
    console.log(`| ${part.name} | ${(middle(part.times) - baseline).toFixed(0)} |`);
    rmSync(part.entry);
  }

} finally {
  await database.stop();
  rmSync(scratch, { recursive: true, force: true });
}
