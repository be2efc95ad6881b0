// HTTP as RFC 9110 has it, on every read the API has: HEAD, ETag and 304, Cache-Control, Vary, Allow.
import { beforeAll, describe, expect, it } from 'vitest';
import { publicCacheSeconds } from '@collective-actions/shared/api-policy';
import { routes } from '@collective-actions/shared/routes';
import { apiUrl, tokenFor } from '../support/api.ts';
import { everyRead, type Read } from '../support/reads.ts';

let reads: Read[];

beforeAll(async () => {
  reads = await everyRead();
});

async function send(read: Read, method = 'GET', headers: Record<string, string> = {}) {
  const authorization: Record<string, string> = read.as ? { authorization: `Bearer ${await tokenFor(read.as)}` } : {};
  const reply = await fetch(`${apiUrl}${read.path}`, { method, headers: { ...authorization, ...headers }, redirect: 'manual' });
  return { status: reply.status, headers: reply.headers, body: await reply.text() };
}

const cacheSecondsOf = (read: Read) => {
  const route = routes.find((candidate) => `${candidate.method} ${candidate.path}` === read.key)!;
  return 'cacheSeconds' in route ? route.cacheSeconds : publicCacheSeconds;
};

describe('every read', () => {
  it('answers HEAD as GET, without the body', async () => {
    for (const read of reads) {
      // A file of the open-data snapshot may be rebuilt between the two (after another test's write): the pair is asked again.
      let [get, head] = [await send(read), await send(read, 'HEAD')];
      for (let attempt = 1; attempt < 3 && head.headers.get('etag') !== get.headers.get('etag'); attempt += 1) {
        [get, head] = [await send(read), await send(read, 'HEAD')];
      }
      expect(head.status, read.path).toBe(get.status);
      expect(head.body, read.path).toBe('');
      for (const name of ['content-type', 'cache-control', 'etag', 'vary']) expect(head.headers.get(name), `${read.path} ${name}`).toBe(get.headers.get(name));
      expect(Number(head.headers.get('content-length')), read.path).toBe(Buffer.byteLength(get.body));
    }
  });

  it('says how long it may be kept: anyone’s answers a while (unless its route says never), a signed-in person’s never', async () => {
    for (const read of reads) {
      const { headers } = await send(read);
      const expected = read.as ? 'private, no-store' : cacheSecondsOf(read) === 0 ? 'no-store' : `public, max-age=${cacheSecondsOf(read)}`;
      expect(headers.get('cache-control'), read.path).toBe(expected);
    }
  });

  it('has an entity tag, and answers a request that has the same one 304, with the headers the 200 had and no body', async () => {
    let notModified = 0;
    for (const read of reads) {
      const first = await send(read);
      // (A read that answers no content has no version to tag.)
      if (first.status === 204) continue;
      expect(first.status, read.path).toBe(200);
      const tag = first.headers.get('etag')!;
      expect(tag, read.path).toMatch(/^(W\/)?"[\w-]+"$/);
      for (const match of [tag, `"other", ${tag}`, `W/${tag.replace(/^W\//, '')}`, '*']) {
        const again = await send(read, 'GET', { 'if-none-match': match });
        // The snapshot is rebuilt every second here: the data package (which says when) may be newer meanwhile.
        if (again.status === 200 && match !== '*') {
          expect(again.headers.get('etag'), `${read.path} ${match}`).not.toBe(tag);
          continue;
        }
        notModified += 1;
        expect(again.status, `${read.path} ${match}`).toBe(304);
        expect(again.body).toBe('');
        // `*` matches whatever version is current, which a rebuilt snapshot may have changed meanwhile.
        if (match === '*') expect(again.headers.get('etag')).toMatch(/^(W\/)?"[\w-]+"$/);
        else expect(again.headers.get('etag')).toBe(tag);
        expect(again.headers.get('cache-control')).toBe(first.headers.get('cache-control'));
        expect(again.headers.get('vary')).toBe(first.headers.get('vary'));
      }
      expect((await send(read, 'GET', { 'if-none-match': '"something-else"' })).status, read.path).toBe(200);
    }
    // Every read but the data package, four times each.
    expect(notModified).toBeGreaterThanOrEqual((reads.length - 2) * 4);
  });

  it('varies by Origin, whether or not a request sends one, with one Vary header', async () => {
    for (const read of reads) {
      for (const origin of [{}, { origin: 'https://collective-actions.test' }, { origin: 'https://elsewhere.example' }] as Array<Record<string, string>>) {
        const { headers } = await send(read, 'GET', origin);
        const vary = headers.get('vary')!.split(', ');
        expect(vary, read.path).toContain('origin');
        expect(new Set(vary).size, read.path).toBe(vary.length);
        if (read.access === 'optional') expect(vary).toContain('authorization');
      }
    }
  });
});

describe('conditional requests by date', () => {
  it('answer 304 to If-Modified-Since for an agenda item not changed since, and 200 once it has', async () => {
    const read = reads.find(({ key }) => key === 'GET /v1/actions/{slug}/agenda/{id}')!;
    const first = await send(read);
    const modified = first.headers.get('last-modified')!;
    expect(new Date(modified).toUTCString()).toBe(modified);
    expect((await send(read, 'GET', { 'if-modified-since': modified })).status).toBe(304);
    expect((await send(read, 'GET', { 'if-modified-since': new Date(Date.parse(modified) - 1000).toUTCString() })).status).toBe(200);
    // If-None-Match wins over If-Modified-Since.
    expect((await send(read, 'GET', { 'if-modified-since': modified, 'if-none-match': '"other"' })).status).toBe(200);
  });

  it('answer a calendar client asking again 304, though each feed says when it was written', async () => {
    const read = reads.find(({ key }) => key === 'GET /v1/actions/{slug}/agenda.ics')!;
    const first = await send(read);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const second = await send(read);
    expect(second.body).not.toBe(first.body);
    expect(second.headers.get('etag')).toBe(first.headers.get('etag'));
    expect(first.headers.get('etag')).toMatch(/^W\//);
    expect((await send(read, 'GET', { 'if-none-match': first.headers.get('etag')! })).status).toBe(304);
  });
});

describe('every answer', () => {
  it('varies by Origin on errors and changes too, and says on OPTIONS which methods a path takes', async () => {
    // (What the gateway answers before any function runs, as API Gateway does, carries no CORS headers at all.)
    const authorization = `Bearer ${await tokenFor('steward')}`;
    for (const [method, path, body] of [['GET', '/v1/actions/no-such-action/history'], ['POST', '/v1/organisations', '{"name":""}'], ['PATCH', '/v1/actions/open-public-procurement', '{"version":1000,"workingGroup":null}']]) {
      const reply = await fetch(`${apiUrl}${path}`, { method, headers: { authorization, 'content-type': 'application/json' }, body });
      expect(reply.status, path).toBeGreaterThanOrEqual(400);
      expect(reply.headers.get('vary'), `${method} ${path}`).toBe('origin');
      expect(reply.headers.get('cache-control'), `${method} ${path}`).toBe(method === 'GET' ? 'no-store' : null);
    }
    const refused = await fetch(`${apiUrl}/v1/actions`, { method: 'DELETE' });
    expect(refused.status).toBe(405);
    expect(refused.headers.get('allow')).toBe('GET, POST, HEAD, OPTIONS');
    for (const [path, allow] of [['/v1/actions', 'GET, POST, HEAD, OPTIONS'], ['/v1/actions/open-public-procurement/contributions/01ARZ3NDEKTSV4RRFFQ69G5FAV', 'GET, PATCH, DELETE, HEAD, OPTIONS'], ['/v1/me', 'GET, HEAD, OPTIONS']]) {
      for (const headers of [{}, { origin: 'https://collective-actions.test', 'access-control-request-method': 'GET' }] as Array<Record<string, string>>) {
        const reply = await fetch(`${apiUrl}${path}`, { method: 'OPTIONS', headers });
        expect(reply.status, path).toBe(204);
        expect(reply.headers.get('allow'), path).toBe(allow);
      }
    }
  });
});
