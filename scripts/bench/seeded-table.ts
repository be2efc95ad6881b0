// What the growth benchmarks start from: DynamoDB Local in memory with the seed, and a directory for the open-data
// snapshot, with the environment the functions' modules read (so they are imported after this).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Organisation } from '@collective-actions/shared';
import { freePort } from '@collective-actions/functions/local/free-port.ts';
import { dynamoDbLocalEnvironment, startDynamoDbLocal } from '@collective-actions/functions/local/dynamodb-local.ts';

export async function seededTable(name: string): Promise<{ snapshots: string; actions: string[]; organisations: Organisation[]; stop: () => Promise<void> }> {
  const port = await freePort();
  const snapshots = await mkdtemp(join(tmpdir(), `collective-actions-bench-${name}-`));
  Object.assign(process.env, dynamoDbLocalEnvironment(port));
  process.env.TABLE_NAME = 'collective-actions-bench';
  process.env.SNAPSHOT_URL = pathToFileURL(`${snapshots}/`).href;
  process.env.POWERTOOLS_LOG_LEVEL = 'SILENT';
  const database = await startDynamoDbLocal({ port });
  const { ensureTable } = await import('@collective-actions/functions/local/bootstrap.ts');
  const { seed } = await import('@collective-actions/functions/local/seed.ts');
  const { listActions } = await import('@collective-actions/functions/data/actions.ts');
  const { allOrganisations } = await import('@collective-actions/functions/data/organisations.ts');
  await ensureTable();
  await seed();
  return {
    snapshots,
    actions: (await listActions()).map((action) => action.slug),
    organisations: await allOrganisations(),
    stop: async () => {
      await database.stop();
      await rm(snapshots, { recursive: true, force: true });
    },
  };
}
