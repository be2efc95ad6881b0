// `npm start`: the whole platform on one machine, on its embedded defaults, until Ctrl-C. `npm run dev` (--dev) serves
// the site with SvelteKit's development server instead of its build; `npm start -- --bundles` runs the API's functions
// and the site from what `cdk deploy` ships (infra/cdk.out, synthesized when stale) instead of their sources.
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { dynamoDbLocalEnvironment } from '@collective-actions/functions/local/dynamodb-local.ts';

const port = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const ports = {
  site: port('SITE_PORT', 3000),
  api: port('API_PORT', 3001),
  identity: port('IDENTITY_PORT', 3002),
  dynamodb: port('DYNAMODB_PORT', 8000),
  mailSmtp: port('MAIL_SMTP_PORT', 1025),
  mailWeb: port('MAIL_WEB_PORT', 1080),
};

/** The name of the first port something already listens on, if any. */
async function takenPort(): Promise<string | undefined> {
  for (const [name, number] of Object.entries(ports)) {
    const free = await new Promise<boolean>((done) => {
      const probe = createServer().once('error', () => done(false));
      probe.listen(number, listenHost, () => probe.close(() => done(true)));
    });
    if (!free) return `${name} port ${number}`;
  }
  return undefined;
}

const dev = process.argv.includes('--dev');
const bundles = process.argv.includes('--bundles');
const dataDirectory = resolve(import.meta.dirname, '../.data');
Object.assign(process.env, dynamoDbLocalEnvironment(ports.dynamodb));
process.env.TABLE_NAME ??= 'collective-actions';
process.env.ALLOWED_ORIGINS ??= `http://localhost:${ports.site}`;
const siteUrl = (process.env.SITE_URL ??= `http://localhost:${ports.site}`);
process.env.POWERTOOLS_DEV ??= 'true';

const { startPlatform } = await import('@collective-actions/functions/local/platform.ts');
const { JavaMissing } = await import('@collective-actions/functions/local/dynamodb-local.ts');
const { demoAccounts } = await import('@collective-actions/functions/local/demo-accounts.ts');
const { listenHost } = await import('@collective-actions/functions/local/serve.ts');
const { startSite } = await import('@collective-actions/frontend/serve.ts');
const { startDeployedSite } = await import('@collective-actions/functions/local/deployed-site.ts');

const log = (line: string) => console.log(`  ${line}`);
let stopping = false;
const stops: Array<() => Promise<void>> = [];
async function stopAll(code: number) {
  if (stopping) return;
  stopping = true;
  for (const stop of stops.reverse()) await stop().catch(() => {});
  process.exit(code);
}
process.on('SIGINT', () => stopAll(0));
process.on('SIGTERM', () => stopAll(0));

const taken = await takenPort();
if (taken) {
  console.error(
    `The ${taken} is already in use (another npm start?): stop what uses it, or choose other ports with SITE_PORT, API_PORT, IDENTITY_PORT, DYNAMODB_PORT, MAIL_SMTP_PORT and MAIL_WEB_PORT.`,
  );
  process.exit(1);
}

if (!/^(127\.|::1$|localhost$)/.test(listenHost)) {
  console.warn(
    `Warning: LISTEN_HOST is ${listenHost}, so anyone who can reach this machine can use the platform as it runs here: sign in as any account, the steward included (the local identity provider takes any password), and read and change the table.`,
  );
}

try {
  console.log(`Starting Collective Actions${dev ? ' (the site from its development server)' : ''}${bundles ? ' (the API and the site from their deployed bundles)' : ''}…`);
  const platform = await startPlatform({ ports, dataDirectory, log, siteUrl, functions: bundles ? 'bundles' : 'sources' });
  stops.push(platform.stop);
  const site = platform.site
    ? await startDeployedSite({ port: ports.site, site: platform.site })
    : await startSite({ port: ports.site, host: listenHost, apiUrl: platform.apiUrl, issuer: platform.issuer, dev });
  stops.push(site.stop);
  console.log(`
Collective Actions is running (data in ${dataDirectory}):
  site               http://localhost:${ports.site}
  API                ${platform.apiUrl}/v1/actions
  identity provider  ${platform.issuer}/.well-known/openid-configuration
  DynamoDB Local     ${process.env.AWS_ENDPOINT_URL_DYNAMODB}
  e-mail (MailDev)   ${platform.mailUrl}

Demo accounts (any password on the local sign-in page):
${demoAccounts.map((account) => `  ${account.login.padEnd(14)} ${account.name}, ${account.description}`).join('\n')}

An access token for curl:  npm run token -- government
Ctrl-C stops everything; the data stays for the next start.`);
} catch (error) {
  console.error(error instanceof JavaMissing ? error.message : error);
  await stopAll(1);
}
