// The deployed shape's own guarantees: a function refused by its IAM policy fails as it would in AWS, and one that runs
// past its timeout is stopped, API Gateway answering for it. Each test runs the bundles behind a gateway of its own,
// one function's configuration changed on purpose.
import { afterEach, describe, expect, inject, it } from 'vitest';
import { tableName } from '@collective-actions/functions/data/client.ts';
import { deployedFunctions } from '@collective-actions/functions/local/deployed-functions.ts';
import { freePort } from '@collective-actions/functions/local/free-port.ts';
import type { LocalFunction } from '@collective-actions/functions/local/lambda-service.ts';
import { startApi } from '@collective-actions/functions/local/platform.ts';
import { call, tokenFor } from '../support/api.ts';

const issuer = inject('issuer');
// Tokens from the identity provider are for the suite's API: this one accepts them too.
const audience = inject('apiUrl');
let stop: (() => Promise<void>) | undefined;
afterEach(async () => {
  await stop?.();
  stop = undefined;
});

/** The deployed functions behind a gateway of their own, the function of `routeKey` changed by `change`. */
async function apiWith(routeKey: string, change: (fn: LocalFunction) => void): Promise<string> {
  const deployed = deployedFunctions({ tableName, issuer, audience: [audience], siteUrl: 'https://collective-actions.test', openDataUrl: 'file:///nowhere/', unsubscribeSecret: 'lambda-shape' }, () => {});
  change(deployed.functions.find((fn) => fn.name === deployed.integrations.get(routeKey))!);
  const port = await freePort();
  ({ stop } = await startApi({ port, issuer, audience, functions: deployed }));
  return `http://localhost:${port}`;
}

const registration = (name: string) => ({ name, kind: 'civil-society', country: 'SN', website: 'https://example.org/' });

describe('the deployed functions', () => {
  it("fail as in AWS when their IAM policy does not allow a call: a 500, and nothing written", async () => {
    const url = await apiWith('POST /v1/organisations', (fn) => {
      for (const statement of fn.identity.statements) statement.actions = statement.actions.filter((action) => action !== 'dynamodb:PutItem');
    });
    const name = `Refused by IAM ${Date.now()}`;
    const reply = await fetch(`${url}/v1/organisations`, {
      method: 'POST',
      headers: { authorization: `Bearer ${await tokenFor('iam-narrowed')}`, 'content-type': 'application/json' },
      body: JSON.stringify(registration(name)),
    });
    expect(reply.status).toBe(500);
    expect(await reply.json()).toMatchObject({ status: 500, type: expect.stringContaining('internal-error') });
    const mine = await call('GET', '/v1/me', { as: 'iam-narrowed' });
    expect(mine.body.organisations).toEqual([]);
    // The same request to the functions as synthesized goes through.
    expect((await call('POST', '/v1/organisations', { as: 'iam-narrowed', body: registration(name) })).status).toBe(201);
  });

  it('are stopped past their timeout, and the gateway answers as API Gateway does', async () => {
    const url = await apiWith('GET /v1/actions/{slug}', (fn) => (fn.timeoutSeconds = 0.001));
    const reply = await fetch(`${url}/v1/actions/open-public-procurement`);
    expect(reply.status).toBe(500);
    expect(await reply.json()).toEqual({ message: 'Internal Server Error' });
    // Another function of the same gateway is not affected.
    expect((await fetch(`${url}/v1/actions`)).status).toBe(200);
  });

  it('each read only the environment their template gives them', async () => {
    const deployed = deployedFunctions({ tableName, issuer, audience: [audience], siteUrl: 'https://site.test', openDataUrl: 'file:///open-data/', unsubscribeSecret: 'the key' }, () => {});
    const byRoute = (key: string) => deployed.functions.find((fn) => fn.name === deployed.integrations.get(key))!;
    expect(Object.keys(byRoute('GET /v1/openapi.json').environment).sort()).toEqual(['ALLOWED_ORIGINS', 'POWERTOOLS_SERVICE_NAME', 'SITE_URL']);
    expect(byRoute('GET /v1/actions/{slug}').environment).toMatchObject({ OIDC_ISSUER: issuer, OIDC_AUDIENCE: audience, TABLE_NAME: tableName, SITE_URL: 'https://site.test' });
    expect(byRoute('GET /v1/search').environment).toMatchObject({ SNAPSHOT_URL: 'file:///open-data/' });
    // The secret CloudFormation resolves while deploying is the deployment's own key here.
    expect(byRoute('POST /v1/unsubscribe').environment).toMatchObject({ UNSUBSCRIBE_SECRET: 'the key' });
    expect(byRoute('GET /v1/actions/{slug}').environment.UNSUBSCRIBE_SECRET).toBeUndefined();
    expect(byRoute('GET /v1/search').environment).not.toHaveProperty('TABLE_NAME');
    // A read route's policy allows no write.
    expect(byRoute('GET /v1/actions').identity.statements.flatMap((statement) => statement.actions)).not.toContain('dynamodb:PutItem');
    expect(deployed.integrations.get('HEAD /v1/actions')).toBe(deployed.integrations.get('GET /v1/actions'));
  });
});
