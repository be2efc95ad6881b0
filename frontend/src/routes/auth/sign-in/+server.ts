import { redirect } from '@sveltejs/kit';
import { keepSignInFlow } from '#lib/server/session.ts';
import { issuerOrigin, oidc, provider, scope } from '#lib/server/oidc.ts';
import type { RequestHandler } from './$types';

const here = 'http://site.invalid';

/**
 * Where to come back to: a path of this site, written out (percent-encoded, so that it makes a valid Location), or
 * the home page. Never another site, however the path is spelled ("//x", "/\x", "/<tab>/x", "//x。com" …).
 */
function safeReturn(value: string | null): string {
  if (!value?.startsWith('/') || /[\u0000-\u001f\u007f\\]/.test(value)) return '/';
  try {
    const address = new URL(value, here);
    return address.origin === here ? `${address.pathname}${address.search}${address.hash}` : '/';
  } catch {
    return '/';
  }
}

export const GET: RequestHandler = async ({ url, cookies }) => {
  const config = await provider();
  const verifier = oidc.randomPKCECodeVerifier();
  const flow = { verifier, state: oidc.randomState(), nonce: oidc.randomNonce(), returnTo: safeReturn(url.searchParams.get('returnTo')) };
  await keepSignInFlow(cookies, flow);
  const authorization = oidc.buildAuthorizationUrl(config, {
    redirect_uri: new URL('/auth/callback', url).href,
    scope: scope(),
    code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
    code_challenge_method: 'S256',
    state: flow.state,
    nonce: flow.nonce,
    // The provider's pages in the visitor's language, where it can.
    ui_locales: flow.returnTo.startsWith('/fr') ? 'fr en' : 'en fr',
  });
  redirect(303, authorization.href, { external: [issuerOrigin()] });
};
