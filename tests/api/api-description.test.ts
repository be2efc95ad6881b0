import { beforeAll, describe, expect, it } from 'vitest';
import { apiDescription } from '@collective-actions/functions/http/api-description.ts';
import { routes } from '@collective-actions/shared/routes';
import { apiUrl, tokenFor, unique as uniqueName } from '../support/api.ts';
import { expectDescribed } from '../support/api-conformance.ts';
import { everyRead, type Read } from '../support/reads.ts';

describe('GET /v1/openapi.json', () => {
  it('serves the description generated from the route table, cacheable', async () => {
    const reply = await fetch(`${apiUrl}/v1/openapi.json`);
    expect(reply.status).toBe(200);
    expect(reply.headers.get('content-type')).toBe('application/json');
    expect(reply.headers.get('cache-control')).toBe('public, max-age=3600');
    expect(await reply.json()).toEqual(JSON.parse(JSON.stringify(apiDescription())));
  });
});

describe('the API against its description', () => {
  let reads: Read[];

  beforeAll(async () => {
    reads = await everyRead();
  });

  const send = async (read: Read, method: string, headers: Record<string, string> = {}) => {
    const authorization: Record<string, string> = read.as ? { authorization: `Bearer ${await tokenFor(read.as)}` } : {};
    const reply = await fetch(`${apiUrl}${read.path}`, { method, headers: { ...authorization, ...headers }, redirect: 'manual' });
    return { status: reply.status, headers: reply.headers, body: await reply.text() };
  };
  const pathOf = (read: Read) => read.key.slice('GET '.length);

  it('answers every read, on real records, as the description says: status, media type and body, formats checked', async () => {
    for (const read of reads) {
      const reply = await send(read, 'GET');
      expect([200, 204], read.path).toContain(reply.status);
      expectDescribed('GET', pathOf(read), reply);
      expectDescribed('HEAD', pathOf(read), await send(read, 'HEAD'));
      expectDescribed('GET', pathOf(read), await send(read, 'GET', { 'if-none-match': reply.headers.get('etag')! }));
    }
  });

  it("answers the reads' errors as the description says too", async () => {
    const wrong = [
      { path: '/v1/actions?theme=nonsense', key: 'GET /v1/actions' },
      { path: '/v1/actions/no-such-action', key: 'GET /v1/actions/{slug}' },
      { path: '/v1/actions/open-public-procurement/contributions?visibility=hidden', key: 'GET /v1/actions/{slug}/contributions' },
      { path: '/v1/actions/open-public-procurement/contributions?visibility=hidden', key: 'GET /v1/actions/{slug}/contributions', as: uniqueName('described') },
      { path: '/v1/organisations/01ARZ3NDEKTSV4RRFFQ69G5FAV', key: 'GET /v1/organisations/{id}' },
      { path: '/v1/organisations/01ARZ3NDEKTSV4RRFFQ69G5FAV/history', key: 'GET /v1/organisations/{id}/history' },
      { path: '/v1/verifications', key: 'GET /v1/verifications', as: uniqueName('described') },
      { path: '/v1/me', key: 'GET /v1/me' },
      { path: '/v1/search?q=', key: 'GET /v1/search' },
      { path: '/v1/exports/secrets.csv', key: 'GET /v1/exports/{file}' },
    ] as const;
    const statuses = new Set<number>();
    for (const read of wrong) {
      const reply = await send({ ...read, access: routes.find((route) => `GET ${route.path}` === read.key)!.access }, 'GET');
      expect(reply.status, read.path).toBeGreaterThanOrEqual(400);
      statuses.add(reply.status);
      expectDescribed('GET', read.key.slice(4), reply);
    }
    expect([...statuses].sort()).toEqual([400, 401, 403, 404]);
  });
});


