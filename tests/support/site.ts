// The site as a browser without JavaScript meets it: a session through the real sign-in, and requests with its cookie.
import { inject } from 'vitest';
import { CookieJar, followSignIn, hop } from '@collective-actions/functions/local/sign-in.ts';

export const siteUrl = inject('siteUrl');

/**
 * Signs in on the site from `start`, through the identity provider's own page, as `login`: the jar then holds the
 * session cookie, and `location` is where the site sent the person back to.
 */
export async function signInOnSite(login: string, start = '/auth/sign-in'): Promise<{ jar: CookieJar; status: number; location: string | null }> {
  const jar = new CookieJar();
  const callback = await followSignIn(new URL(start, siteUrl), login, jar, (url) => url.pathname === '/auth/callback');
  const back = await hop(callback, jar);
  return { jar, status: back.status, location: back.headers.get('location') };
}

/** A request to the site with the session's cookies, following no redirect. */
export const siteRequest = (path: string, jar: CookieJar, init: RequestInit = {}) => hop(new URL(path, siteUrl), jar, init);
