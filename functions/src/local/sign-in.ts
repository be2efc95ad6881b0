// Signs a person in through the identity provider's real authorization-code + PKCE flow, as a browser would, and returns the access token.
import * as oidc from 'openid-client';
import { cliClient } from './identity-provider.ts';

/** Remembers cookies across the hops of the flow, as a browser does. */
export class CookieJar {
  private cookies = new Map<string, string>();

  store(response: Response): void {
    for (const header of response.headers.getSetCookie()) {
      const [pair] = header.split(';');
      const at = pair.indexOf('=');
      this.cookies.set(pair.slice(0, at).trim(), pair.slice(at + 1).trim());
    }
  }

  header(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }
}

export async function hop(url: URL, jar: CookieJar, init: RequestInit = {}): Promise<Response> {
  const response = await fetch(url, { ...init, redirect: 'manual', headers: { ...init.headers, cookie: jar.header() } });
  jar.store(response);
  return response;
}

/**
 * Follows a sign-in from `start` through the provider's sign-in page, filled in as a person would, until an address
 * `done` recognises (not fetched): that address.
 */
export async function followSignIn(start: URL, login: string, jar: CookieJar, done: (url: URL) => boolean): Promise<URL> {
  let next = start;
  for (let hops = 0; hops < 10; hops += 1) {
    if (done(next)) return next;
    let response = await hop(next, jar);
    if (response.status === 200) {
      // The login page: fill in its form as a person would.
      const page = await response.text();
      const action = /<form[^>]*action="([^"]+)"/.exec(page)?.[1];
      if (!action) throw new Error(`The identity provider showed a page without a sign-in form:\n${page.slice(0, 500)}`);
      response = await hop(new URL(action.replaceAll('&amp;', '&'), next), jar, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ prompt: 'login', login, password: 'demo' }),
      });
    }
    const location = response.headers.get('location');
    if (!location) throw new Error(`Sign-in stopped at ${next.href} with status ${response.status}.`);
    next = new URL(location, next);
  }
  throw new Error('Sign-in did not finish within 10 redirects.');
}

export async function signIn(issuer: string, login: string): Promise<string> {
  const config = await oidc.discovery(new URL(issuer), cliClient.clientId, undefined, oidc.None(), {
    execute: [oidc.allowInsecureRequests],
  });
  const verifier = oidc.randomPKCECodeVerifier();
  const state = oidc.randomState();
  const start = oidc.buildAuthorizationUrl(config, {
    redirect_uri: cliClient.redirectUri,
    scope: 'openid email profile api',
    code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
    code_challenge_method: 'S256',
    state,
  });
  const back = await followSignIn(start, login, new CookieJar(), (url) => url.href.startsWith(cliClient.redirectUri));
  const tokens = await oidc.authorizationCodeGrant(config, back, { pkceCodeVerifier: verifier, expectedState: state });
  return tokens.access_token;
}
