import { describe, expect, it } from 'vitest';
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
