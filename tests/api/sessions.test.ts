import { describe, expect, inject, it } from 'vitest';
import { signIn } from '@collective-actions/functions/local/sign-in.ts';
import { apiUrl, unique } from '../support/api.ts';

const issuer = inject('issuer');
const as = (token: string) => ({ headers: { authorization: `Bearer ${token}` } });

describe('signing out', () => {
  it('makes the API refuse the access token at once, on every route, while the person can sign in again', async () => {
    const login = unique('leaver');
    const [token, other] = [await signIn(issuer, login), await signIn(issuer, login)];
    expect((await fetch(`${apiUrl}/v1/me/session`, as(token))).status).toBe(204);
    expect((await fetch(`${apiUrl}/v1/me/session`, { method: 'DELETE', ...as(token) })).status).toBe(204);
    for (const path of ['/v1/me', '/v1/me/session', '/v1/actions/open-public-procurement/members']) {
      const reply = await fetch(`${apiUrl}${path}`, as(token));
      expect(reply.status, path).toBe(401);
      expect((await reply.json()).detail, path).toMatch(/signed out/);
    }
    const change = await fetch(`${apiUrl}/v1/organisations`, { method: 'POST', headers: { ...as(token).headers, 'content-type': 'application/json' }, body: '{}' });
    expect(change.status).toBe(401);
    // Another session of the same person (another browser) goes on; a new sign-in works.
    expect((await fetch(`${apiUrl}/v1/me`, as(other))).status).toBe(200);
    expect((await fetch(`${apiUrl}/v1/me`, as(await signIn(issuer, login)))).status).toBe(200);
  });
});
