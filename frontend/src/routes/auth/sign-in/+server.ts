import { redirect } from '@sveltejs/kit';
import { keepSignInFlow } from '#lib/server/session.ts';
import { issuerOrigin, oidc, provider, scope } from '#lib/server/oidc.ts';
import type { RequestHandler } from './$types';

/** Where to come back to: a path of this site only, never another site. */
const safeReturn = (value: string | null) => (value && /^\/(?![/\\])/.test(value) ? value : '/');

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
