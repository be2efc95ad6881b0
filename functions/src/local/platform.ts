// Starts the platform's back end on one machine: DynamoDB Local with the table and seed, the identity provider, the API gateway.
// Set DYNAMODB_ENDPOINT and TABLE_NAME before importing this module: the data client reads them once.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ensureTable } from './bootstrap.ts';
import { startDynamoDbLocal } from './dynamodb-local.ts';
import { startGateway } from './gateway.ts';
import { startIdentityProvider } from './identity-provider.ts';
import { seed } from './seed.ts';
import { startSnapshotBuilder } from './snapshot-builder.ts';

export interface PlatformOptions {
  ports: { dynamodb: number; api: number; identity: number };
  /** Where the site will run: the identity provider sends people back there after signing in. */
  siteUrl: string;
  /** Where DynamoDB Local, the identity provider and the open-data snapshot keep their data; in memory (and a temporary directory) when absent. */
  dataDirectory?: string;
  /** How often the open-data snapshot (exports, search index) is rebuilt; 10 seconds unless told. */
  snapshotSeconds?: number;
  log?: (line: string) => void;
}

export interface RunningPlatform {
  apiUrl: string;
  issuer: string;
  stop: () => Promise<void>;
}

export async function startPlatform(options: PlatformOptions): Promise<RunningPlatform> {
  const log = options.log ?? (() => {});
  const { ports, dataDirectory } = options;
  const issuer = `http://localhost:${ports.identity}`;
  const apiUrl = `http://localhost:${ports.api}`;
  const stops: Array<() => Promise<void>> = [];
  const stop = async () => {
    for (const stopOne of stops.reverse()) await stopOne();
  };
  try {
    const database = await startDynamoDbLocal({ port: ports.dynamodb, directory: dataDirectory && `${dataDirectory}/dynamodb` });
    stops.push(database.stop);
    log(`DynamoDB Local: table ${await ensureTable()}, data ${(await seed()) === 'seeded' ? 'loaded' : 'already there'}`);
    const identity = await startIdentityProvider({
      port: ports.identity,
      issuer,
      audience: apiUrl,
      siteUrl: options.siteUrl,
      keysFile: dataDirectory && `${dataDirectory}/identity/signing-keys.json`,
    });
    stops.push(identity.stop);
    // What the functions of optional-token routes check tokens against, as their environment says in AWS.
    process.env.OIDC_ISSUER = issuer;
    process.env.OIDC_AUDIENCE = apiUrl;
    // Where feeds say the API is; in AWS that is the site's address, which serves /v1 too.
    process.env.API_URL = apiUrl;
    const snapshots = dataDirectory ? `${dataDirectory}/open-data` : await mkdtemp(join(tmpdir(), 'collective-actions-open-data-'));
    if (!dataDirectory) stops.push(() => rm(snapshots, { recursive: true, force: true }));
    process.env.SNAPSHOT_URL = pathToFileURL(`${snapshots}/`).href;
    const builder = await startSnapshotBuilder(options.snapshotSeconds ?? 10, log);
    stops.push(builder.stop);
    log(`Open data: snapshot in ${snapshots}, rebuilt every ${options.snapshotSeconds ?? 10} s`);
    const gateway = await startGateway({ port: ports.api, issuer, audience: apiUrl });
    stops.push(gateway.stop);
  } catch (error) {
    await stop();
    throw error;
  }
  return { apiUrl, issuer, stop };
}
