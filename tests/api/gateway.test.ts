import { get } from 'node:http';
import { describe, expect, it } from 'vitest';
import { routeThrottle } from '@collective-actions/shared/api-policy';
import { apiUrl, call } from '../support/api.ts';

describe('the local gateway', () => {
  it('answers a CORS preflight from the site’s origin', async () => {
    const reply = await fetch(`${apiUrl}/v1/organisations`, {
      method: 'OPTIONS',
      headers: { origin: 'https://collective-actions.test', 'access-control-request-method': 'POST' },
    });
    expect(reply.status).toBe(204);
    expect(reply.headers.get('access-control-allow-origin')).toBe('https://collective-actions.test');
  });

  it('gives no CORS grant to another origin', async () => {
    const reply = await fetch(`${apiUrl}/v1/actions`, { headers: { origin: 'https://evil.example' } });
    expect(reply.status).toBe(200);
    expect(reply.headers.get('access-control-allow-origin')).not.toBe('https://evil.example');
  });

  it('ignores a token on a public route, as API Gateway does without an authorizer', async () => {
    const reply = await call('GET', '/v1/stats', { headers: { authorization: 'Bearer rubbish' } });
    expect(reply.status).toBe(200);
  });
});

describe('the gateway as the deployed HTTP API is', () => {
  it('sends a /v1 path no route takes to the catch-all route: 404 as a problem, with the CORS headers of the site', async () => {
    const reply = await fetch(`${apiUrl}/v1/nothing/here`, { headers: { origin: 'https://collective-actions.test' } });
    expect(reply.status).toBe(404);
    expect(reply.headers.get('content-type')).toBe('application/problem+json');
    expect((await reply.json()).detail).toBe('No API route matches /v1/nothing/here.');
    expect(reply.headers.get('access-control-allow-origin')).toBe('https://collective-actions.test');
  });

  it('answers a method a path does not take with 405 and Allow, and OPTIONS with Allow', async () => {
    const wrong = await fetch(`${apiUrl}/v1/stats`, { method: 'DELETE' });
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get('allow')).toBe('GET, HEAD, OPTIONS');
    expect((await wrong.json()).type).toBe('/problems/method-not-allowed');
    const options = await fetch(`${apiUrl}/v1/actions/open-public-procurement/members`, { method: 'OPTIONS' });
    expect(options.status).toBe(204);
    expect(options.headers.get('allow')).toBe('GET, POST, HEAD, OPTIONS');
  });

  it('leaves what is outside /v1 to the site, answering as API Gateway does with no route', async () => {
    const reply = await fetch(`${apiUrl}/robots.txt`);
    expect(reply.status).toBe(404);
    expect(await reply.json()).toEqual({ message: 'Not Found' });
  });

  it('refuses a body over 10 MB itself, as API Gateway does', async () => {
    const reply = await fetch(`${apiUrl}/v1/organisations`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: 'x'.repeat(10 * 1024 * 1024 + 1) });
    expect(reply.status).toBe(413);
    expect(await reply.json()).toEqual({ message: 'Request Entity Too Large' });
  });

  it('sends each header name once, whatever case the function wrote it in', async () => {
    for (const path of ['/v1/actions', '/v1/actions/open-public-procurement', '/v1/nothing']) {
      const names = await new Promise<string[]>((resolve, reject) =>
        get(`${apiUrl}${path}`, { headers: { origin: 'https://collective-actions.test' } }, (response) => {
          response.resume();
          resolve(response.rawHeaders.filter((_, index) => index % 2 === 0).map((name) => name.toLowerCase()));
        }).on('error', reject),
      );
      expect(names.length, path).toBe(new Set(names).size);
    }
  });

  it('throttles a write route for all callers together, before its authorizer: 429 past the burst', async () => {
    const statuses: number[] = [];
    // A route the other tests rarely call, so that they never meet its emptied bucket (it refills in two seconds).
    const path = `${apiUrl}/v1/actions/open-public-procurement/leads`;
    for (let batch = 0; batch < 8 && !statuses.includes(429); batch++) {
      const replies = await Promise.all(Array.from({ length: 100 }, () => fetch(path, { method: 'POST' })));
      for (const reply of replies) {
        statuses.push(reply.status);
        if (reply.status === 429) expect(await reply.json()).toEqual({ message: 'Too Many Requests' });
        else await reply.arrayBuffer();
      }
    }
    expect(statuses.indexOf(429)).toBeGreaterThanOrEqual(routeThrottle.burst);
    expect(new Set(statuses)).toEqual(new Set([401, 429]));
  });
});
