// The site as deployed: its Lambda asset's own server, with the environment its template gives it, behind what
// CloudFront does in front of it.
import { describe, expect, inject, it } from 'vitest';

const siteUrl = inject('siteUrl');
const apiUrl = inject('apiUrl');
const issuer = inject('issuer');

describe('the deployed site', () => {
  it('serves its pages with the security headers CloudFront adds, and each page its own policy', async () => {
    const reply = await fetch(`${siteUrl}/fr`);
    expect(reply.status).toBe(200);
    expect(await reply.text()).toContain('<html lang="fr"');
    expect(reply.headers.get('x-content-type-options')).toBe('nosniff');
    expect(reply.headers.get('x-frame-options')).toBe('DENY');
    expect(reply.headers.get('content-security-policy')).toMatch(/script-src 'self' 'sha256-/);
  });

  it('signs in with the client and scopes of its template: the client the API trusts, as Cognito names it', async () => {
    const reply = await fetch(`${siteUrl}/auth/sign-in`, { redirect: 'manual' });
    expect(reply.status).toBe(303);
    const authorization = new URL(reply.headers.get('location')!);
    expect(authorization.origin).toBe(new URL(issuer).origin);
    expect(authorization.searchParams.get('client_id')).toBe(apiUrl);
    expect(authorization.searchParams.get('scope')).toBe('openid email profile');
    // Built from the address the visitor used, which the viewer-request function passes on.
    expect(authorization.searchParams.get('redirect_uri')).toBe(`${siteUrl}/auth/callback`);
  });
});
