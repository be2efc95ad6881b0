import { error, redirect } from '@sveltejs/kit';
import { OIDC_GROUPS_CLAIM } from '$app/env/private';
import { decodeJwt } from 'jose';
import { stewardsGroup } from '@collective-actions/shared/vocabulary';
import { apiClient } from '#lib/api.ts';
import { baseLocale, extractLocaleFromUrl } from '#lib/paraglide/runtime.js';
import { startSession, takeSignInFlow } from '#lib/server/session.ts';
import { oidc, provider } from '#lib/server/oidc.ts';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ url, cookies, fetch }) => {
  const flow = await takeSignInFlow(cookies);
  // Too slow, opened in another browser, or replayed: start again rather than guess.
  if (!flow) redirect(303, '/auth/sign-in');
  const config = await provider();
  let tokens: Awaited<ReturnType<typeof oidc.authorizationCodeGrant>>;
  try {
    tokens = await oidc.authorizationCodeGrant(config, url, { pkceCodeVerifier: flow.verifier, expectedState: flow.state, expectedNonce: flow.nonce });
  } catch {
    error(400, 'The sign-in could not be completed');
  }
  const claims = tokens.claims();
  if (!claims) error(400, 'The sign-in could not be completed');
  const name = [claims.name, claims.email, claims.sub].find((value) => typeof value === 'string' && value) as string;
  // The token comes straight from the provider's token endpoint: its groups need no second check here.
  const groups = decodeJwt(tokens.access_token)[OIDC_GROUPS_CLAIM];
  // Signing in is where invitations to the person's e-mail become memberships (the API accepts them as it answers /me),
  // and where the API learns the language the person reads the site in, for what it e-mails them.
  const language = extractLocaleFromUrl(new URL(flow.returnTo, url)) ?? baseLocale;
  await apiClient(fetch, tokens.access_token).read('GET /v1/me', { query: { language } });
  await startSession(cookies, {
    sub: claims.sub,
    name,
    steward: (Array.isArray(groups) ? groups : String(groups ?? '').split(/[\s,]+/)).includes(stewardsGroup),
    accessToken: tokens.access_token,
    expiresAt: Math.floor(Date.now() / 1000) + (tokens.expiresIn() ?? 3600),
  });
  redirect(303, flow.returnTo);
};
