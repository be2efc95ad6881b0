// Starts the platform's back end on one machine: DynamoDB Local with the table and seed, the identity provider, the
// route functions in the local Lambda service (from their sources, or from the bundles `cdk deploy` ships) behind IAM
// and the local API gateway. Set AWS_ENDPOINT_URL_DYNAMODB and TABLE_NAME before importing this module: the data client
// reads them once.
import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { routeKey, routes, unmatchedRouteKey } from '@collective-actions/shared/routes';
import { tableName } from '../data/client.ts';
import { notifierFunction, routeFunction, tableStatement, unmatchedRouteFunction, type Deployment, type FunctionDefinition } from '../function-definitions.ts';
import { ensureTable } from './bootstrap.ts';
import { deployedFunctions, deployedSite, type DeployedFunctions, type DeployedSite } from './deployed-functions.ts';
import { startDynamoDbLocal } from './dynamodb-local.ts';
import { localTableArn, startDynamoDbWithIam } from './dynamodb-with-iam.ts';
import { freePort } from './free-port.ts';
import { startGateway } from './gateway.ts';
import { startIdentityProvider } from './identity-provider.ts';
import { startLambdaService, type LocalFunction } from './lambda-service.ts';
import { startMailServer } from './mail-server.ts';
import { seed } from './seed.ts';
import { startDigestSender, startMatchNoticeWriter, startNotifier, startReminderWriter, startSnapshotBuilder } from './in-process-jobs.ts';

export interface PlatformOptions {
  ports: { dynamodb: number; api: number; identity: number; mailSmtp: number; mailWeb: number };
  /** Where the site will run: the identity provider sends people back there after signing in. */
  siteUrl: string;
  /** The site's address as the functions give it (in links, and as the origin allowed to call the API); siteUrl unless told. */
  publicUrl?: string;
  /** The route functions from their TypeScript sources (the default), or from the bundles in infra/cdk.out, as deployed. */
  functions?: 'sources' | 'bundles';
  /** Where DynamoDB Local, the identity provider and the open-data snapshot keep their data; in memory (and a temporary directory) when absent. */
  dataDirectory?: string;
  /** How often the open-data snapshot (exports, search index) is rebuilt; 10 seconds unless told. */
  snapshotSeconds?: number;
  log?: (line: string) => void;
}

export interface RunningPlatform {
  apiUrl: string;
  issuer: string;
  /** MailDev's web inbox (and REST API), where the platform's e-mail arrives. */
  mailUrl: string;
  /** With the bundles, the site's server as its function deploys it, for `startDeployedSite`. */
  site?: DeployedSite;
  stop: () => Promise<void>;
}

const repositoryRoot = join(import.meta.dirname, '../../..');

/** The API's functions from the same definitions the CDK stack is made of, each from its handler's source. */
export function functionsFromSources(deployment: Deployment): DeployedFunctions {
  const integrations = new Map<string, string>();
  const local = (definition: FunctionDefinition): LocalFunction => {
    const statements = definition.table ? [{ effect: 'Allow' as const, ...tableStatement(definition.table, localTableArn(deployment.tableName)) }] : [];
    return { ...definition, module: join(repositoryRoot, definition.entry), identity: { role: `${definition.name}Role`, statements } };
  };
  const functions = routes.map((route) => {
    const definition = routeFunction(route, deployment);
    integrations.set(routeKey(route), definition.name);
    // Every GET answers HEAD too, from the same function, as the CDK stack routes it.
    if (route.method === 'GET') integrations.set(`HEAD ${route.path}`, definition.name);
    return local(definition);
  });
  const unmatched = unmatchedRouteFunction(deployment);
  integrations.set(unmatchedRouteKey, unmatched.name);
  return { functions: [...functions, local(unmatched)], integrations };
}

/** The functions the local API runs, as `functionsFromSources` or `deployedFunctions` give them. */
export interface ApiOptions {
  port: number;
  issuer: string;
  /** The audience of the access tokens the gateway accepts. */
  audience: string;
  functions: DeployedFunctions;
}

/** The route functions in the local Lambda service, behind IAM (in front of DynamoDB Local) and the local gateway. */
export async function startApi({ port, issuer, audience, functions: { functions, integrations } }: ApiOptions): Promise<{ stop: () => Promise<void> }> {
  const apiUrl = `http://localhost:${port}`;
  const identities = new Map(functions.map((fn) => [fn.name, fn.identity]));
  const iamPort = await freePort();
  const iam = await startDynamoDbWithIam(iamPort, process.env.AWS_ENDPOINT_URL_DYNAMODB!, (accessKeyId) => identities.get(accessKeyId));
  const lambda = startLambdaService(functions, {
    AWS_REGION: process.env.AWS_REGION!,
    AWS_ENDPOINT_URL_DYNAMODB: `http://localhost:${iamPort}`,
    // Where feeds say the API is: in AWS the site's own address, which serves /v1 too; here a port of its own.
    API_URL: apiUrl,
    ...Object.fromEntries(['POWERTOOLS_LOG_LEVEL', 'POWERTOOLS_DEV', 'AWS_MAX_ATTEMPTS'].flatMap((name) => (process.env[name] ? [[name, process.env[name]]] : []))),
  });
  const gateway = await startGateway({ port, issuer, audience, lambda, integrations }).catch(async (error) => {
    await Promise.all([lambda.stop(), iam.stop()]);
    throw error;
  });
  return {
    stop: async () => {
      await gateway.stop();
      await lambda.stop();
      await iam.stop();
    },
  };
}

/** The key of the unsubscribe links: kept with the data, so that the links of e-mail sent before a restart still work. */
async function unsubscribeSecret(dataDirectory: string | undefined): Promise<string> {
  if (!dataDirectory) return randomBytes(32).toString('base64url');
  const file = `${dataDirectory}/notifier/unsubscribe-secret`;
  const kept = await readFile(file, 'utf8').catch(() => undefined);
  if (kept) return kept;
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, randomBytes(32).toString('base64url'), { mode: 0o600 });
  return readFile(file, 'utf8');
}

export async function startPlatform(options: PlatformOptions): Promise<RunningPlatform> {
  const log = options.log ?? (() => {});
  const { ports, dataDirectory } = options;
  const issuer = `http://localhost:${ports.identity}`;
  const apiUrl = `http://localhost:${ports.api}`;
  const bundles = options.functions === 'bundles';
  let site: DeployedSite | undefined;
  let mailUrl = '';
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
      // As deployed, the site's client id is the access tokens' audience, as in Cognito (the site's template gives it
      // the client the API trusts); from the sources, the site has a client id of its own.
      ...(bundles ? { siteClientId: apiUrl } : {}),
      siteUrl: options.siteUrl,
      keysFile: dataDirectory && `${dataDirectory}/identity/signing-keys.json`,
    });
    stops.push(identity.stop);
    const mail = await startMailServer({ smtpPort: ports.mailSmtp, webPort: ports.mailWeb, directory: dataDirectory && `${dataDirectory}/mail` });
    stops.push(mail.stop);
    mailUrl = mail.inboxUrl;
    const snapshots = dataDirectory ? `${dataDirectory}/open-data` : await mkdtemp(join(tmpdir(), 'collective-actions-open-data-'));
    if (!dataDirectory) stops.push(() => rm(snapshots, { recursive: true, force: true }));
    const deployment: Deployment = {
      tableName,
      issuer,
      audience: [apiUrl],
      siteUrl: options.publicUrl ?? options.siteUrl,
      // The directory stands for the bucket CloudFront serves the snapshot from.
      openDataUrl: pathToFileURL(`${snapshots}/`).href,
      unsubscribeSecret: await unsubscribeSecret(dataDirectory),
      mail: { from: 'Collective Actions <notifications@collective-actions.localhost>', smtpUrl: mail.smtpUrl },
    };
    // The builder runs here, in this process, as the table's stream runs it in AWS.
    Object.assign(process.env, { SNAPSHOT_URL: deployment.openDataUrl, SITE_URL: deployment.siteUrl });
    const builder = await startSnapshotBuilder(options.snapshotSeconds ?? 10, log);
    stops.push(builder.stop);
    log(`Open data: snapshot in ${snapshots}, rebuilt every ${options.snapshotSeconds ?? 10} s`);
    // Every second: a notification arrives about as soon as its event, as the stream delivers it in AWS; with the
    // notifier's own environment (who its e-mail is from, and through which server), and where the API answers, as
    // the route functions are told (`startApi`), for the one-click unsubscribe address.
    Object.assign(process.env, notifierFunction(deployment).environment, { API_URL: apiUrl });
    const notifier = await startNotifier(1, log);
    stops.push(notifier.stop);
    // The digest sender's environment is the notifier's own mail environment; it runs every minute here, hourly in AWS,
    // so that a digest comes within a minute of its window's end.
    const digestSender = await startDigestSender(60, log);
    stops.push(digestSender.stop);
    // Reminders, every minute here (every quarter of an hour in AWS).
    const reminderWriter = await startReminderWriter(60, log);
    stops.push(reminderWriter.stop);
    // The week's new matches, looked at every minute here (every hour in AWS): a week is told once it is over.
    const matchNoticeWriter = await startMatchNoticeWriter(60, log);
    stops.push(matchNoticeWriter.stop);
    log(`E-mail: through MailDev's SMTP server; its inbox at ${mail.inboxUrl}`);

    const functions = bundles ? deployedFunctions(deployment, log) : functionsFromSources(deployment);
    log(`Functions: ${functions.functions.length}, from ${bundles ? 'the bundles in infra/cdk.out' : 'their sources'}, each with its own environment and IAM policy`);
    const api = await startApi({ port: ports.api, issuer, audience: apiUrl, functions });
    stops.push(api.stop);
    if (bundles) site = deployedSite(deployment, apiUrl, log);
  } catch (error) {
    await stop();
    throw error;
  }
  return { apiUrl, issuer, mailUrl, site, stop };
}
