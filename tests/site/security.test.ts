// The site and everything local that serves it, as an attacker would try them: forms posted from elsewhere or in
// another shape, return paths that are not, sessions that should be over, headers, and who can reach the servers.
import { connect } from 'node:net';
import { networkInterfaces } from 'node:os';
import { describe, expect, inject, it } from 'vitest';
import { CookieJar } from '@collective-actions/functions/local/sign-in.ts';
import { fallbackContentSecurityPolicy, securityHeaders } from '@collective-actions/shared/security-headers';
import { apiUrl, call, unique } from '../support/api.ts';
import { signInOnSite, siteRequest, siteUrl } from '../support/site.ts';

/** A form as a browser without JavaScript posts it (SvelteKit answers JSON to a client that does not ask for HTML). */
const form = (fields: Record<string, string>, origin = siteUrl) => ({
  method: 'POST',
  headers: { 'content-type': 'application/x-www-form-urlencoded', origin, accept: 'text/html' },
  body: new URLSearchParams(fields).toString(),
});

const registration = { name: 'Cross-site Organisation', kind: 'civil-society', country: 'FR', website: 'https://example.org/' };

describe('forms', () => {
  it('refuse a form posted from another site with 403, however it is sent, and create nothing', async () => {
    const login = unique('csrf');
    const { jar } = await signInOnSite(login);
    for (const type of ['application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'text/plain']) {
      const reply = await siteRequest('/workspace?/register', jar, { ...form(registration, 'https://evil.example'), headers: { 'content-type': type, origin: 'https://evil.example' } });
      expect(reply.status, type).toBe(403);
    }
    expect((await call('GET', '/v1/me', { as: login })).body.organisations).toEqual([]);
    // The same form from the site itself goes through.
    expect((await siteRequest('/workspace?/register', jar, form(registration))).status).toBe(303);
    expect((await call('GET', '/v1/me', { as: login })).body.organisations).toHaveLength(1);
  });

  it('answer a body that is not a form 415, and a form that cannot be read 400, never 500', async () => {
    const { jar } = await signInOnSite(unique('shape'));
    const send = (path: string, type: string, body: string) => siteRequest(path, jar, { method: 'POST', headers: { 'content-type': type, origin: siteUrl }, body });
    for (const path of ['/workspace?/register', '/actions/open-public-procurement/contribute', '/auth/sign-out']) {
      expect((await send(path, 'text/plain', 'name=x')).status, path).toBe(415);
      expect((await send(path, 'application/json', '{"name":"x"}')).status, path).toBe(415);
      expect((await send(path, 'multipart/form-data; boundary=----x', '------x\r\nnot a part')).status, path).toBe(400);
    }
  });
});

describe('signing in', () => {
  it('comes back to a path of the site only, written so that it makes a valid address, or to the home page', async () => {
    const cases: Array<[string, string]> = [
      ['/actions/open-public-procurement?type=data#contributions', '/actions/open-public-procurement?type=data#contributions'],
      ['/search?q=march\u00e9s publics', '/search?q=march%C3%A9s%20publics'],
      ['/actions/\u2028x', '/actions/%E2%80%A8x'],
      ['/\u3002evil.example', '/%E3%80%82evil.example'],
      ['/fr/\tpath', '/'],
      ['/x\ny', '/'],
      ['/x\u0000y', '/'],
      ['//evil.example/', '/'],
      ['/\\evil.example', '/'],
      ['//evil\u3002example/', '/'],
      ['https://evil.example/', '/'],
      ['workspace', '/'],
    ];
    for (const [returnTo, expected] of cases) {
      const { status, location } = await signInOnSite(unique('return'), `/auth/sign-in?returnTo=${encodeURIComponent(returnTo)}`);
      expect([status, location], JSON.stringify(returnTo)).toEqual([303, expected]);
    }
  });
});

describe('signing out', () => {
  it('ends the session for a copy of its cookie too, at the site and at the API', async () => {
    const { jar } = await signInOnSite(unique('leaving'));
    const copy = new CookieJar();
    copy.store(new Response(null, { headers: { 'set-cookie': jar.header().split('; ').find((pair) => pair.startsWith('session='))! } }));
    expect((await siteRequest('/workspace', copy)).status).toBe(200);
    const out = await siteRequest('/auth/sign-out', jar, form({ locale: 'en' }));
    expect(out.status).toBe(303);
    // The copy no longer opens the workspace: it is sent to sign in, and its cookie is cleared.
    const after = await siteRequest('/workspace', copy);
    expect(after.status).toBe(303);
    expect(after.headers.get('location')).toMatch(/^\/auth\/sign-in\?returnTo=/);
    expect(after.headers.getSetCookie().some((cookie) => /^session=;/.test(cookie))).toBe(true);
    // The site's header shows nobody signed in either.
    const home = await (await siteRequest('/', copy)).text();
    expect(home).not.toContain('Sign out');
  });
});

describe('security headers', () => {
  it('are the same on the site, its files, the API and the identity provider, as CloudFront adds them in AWS', async () => {
    const page = await fetch(`${siteUrl}/`);
    const asset = (await page.text()).match(/\/_app\/immutable\/[^"]+\.js/)![0];
    const issuer = inject('issuer');
    const answers = {
      page,
      asset: await fetch(`${siteUrl}${asset}`),
      api: await fetch(`${apiUrl}/v1/stats`),
      discovery: await fetch(`${issuer}/.well-known/openid-configuration`),
    };
    for (const [what, reply] of Object.entries(answers)) {
      for (const [name, value] of Object.entries(securityHeaders(false))) expect(reply.headers.get(name), `${what} ${name}`).toBe(value);
      expect(reply.headers.get('content-security-policy'), what).toMatch(/frame-ancestors 'none'/);
    }
    expect(answers.api.headers.get('content-security-policy')).toBe(fallbackContentSecurityPolicy);
    expect(answers.asset.headers.get('content-security-policy')).toBe(fallbackContentSecurityPolicy);
    // The page brings its own policy, with the hashes of its scripts.
    expect(answers.page.headers.get('content-security-policy')).toMatch(/script-src 'self' 'sha256-/);
  });

  it("keep the identity provider's sign-in page out of frames, with a policy that lets it style itself and send people back", async () => {
    const started = await fetch(`${siteUrl}/auth/sign-in`, { redirect: 'manual' });
    const jar = new CookieJar();
    let next = new URL(started.headers.get('location')!);
    let reply = await fetch(next, { redirect: 'manual' });
    while (reply.status >= 300 && reply.status < 400) {
      jar.store(reply);
      next = new URL(reply.headers.get('location')!, next);
      reply = await fetch(next, { redirect: 'manual', headers: { cookie: jar.header() } });
    }
    expect(next.pathname).toMatch(/^\/interaction\//);
    const policy = reply.headers.get('content-security-policy')!;
    expect(policy).toMatch(/frame-ancestors 'none'/);
    expect(policy).toContain(`form-action 'self' ${new URL(siteUrl).origin}`);
    expect(policy).toMatch(/style-src 'sha256-/);
    expect(reply.headers.get('x-frame-options')).toBe('DENY');
  });
});

describe('what listens', () => {
  const external = Object.values(networkInterfaces()).flat().filter((address) => address && !address.internal && address.family === 'IPv4');
  const ports = () => ({
    site: new URL(siteUrl).port,
    api: new URL(apiUrl).port,
    identity: new URL(inject('issuer')).port,
    dynamodb: new URL(process.env.AWS_ENDPOINT_URL_DYNAMODB!).port,
  });
  const reaches = (host: string, port: string) =>
    new Promise<boolean>((resolve) => {
      const socket = connect({ host, port: Number(port), timeout: 2000 });
      socket.once('connect', () => (socket.destroy(), resolve(true)));
      socket.once('error', () => resolve(false));
      socket.once('timeout', () => (socket.destroy(), resolve(false)));
    });

  it.skipIf(external.length === 0)('is reached on this machine only: the site, the API, the identity provider and DynamoDB Local', async () => {
    for (const [what, port] of Object.entries(ports())) {
      expect(await reaches('127.0.0.1', port), `${what} on 127.0.0.1`).toBe(true);
      for (const address of external) expect(await reaches(address!.address, port), `${what} on ${address!.address}`).toBe(false);
    }
  });
});
