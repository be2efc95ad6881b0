import { redirect } from '@sveltejs/kit';
import { OIDC_CLIENT_ID, OIDC_LOGOUT_URL } from '$app/env/private';
import { localizeHref } from '#lib/paraglide/runtime.js';
import { endSession } from '#lib/server/session.ts';
import { issuerOrigin, oidc, provider } from '#lib/server/oidc.ts';
import type { RequestHandler } from './$types';

/**
 * Ends the session: at the API, which refuses its token from then on (a copy of the cookie opens nothing), on the
 * site, then at the provider, in the page's language: by its end-session endpoint (RP-initiated logout), or by the
 * logout address a provider without one gives (Cognito's /logout).
 */
export const POST: RequestHandler = async ({ url, cookies, request, locals }) => {
  if (locals.session) await locals.api.change('DELETE /v1/me/session');
  endSession(cookies);
  const locale = (await request.formData()).get('locale') === 'fr' ? 'fr' : 'en';
  const home = new URL(localizeHref('/', { locale }), url).href;
  const config = await provider();
  if (config.serverMetadata().end_session_endpoint) {
    const endSessionUrl = oidc.buildEndSessionUrl(config, { client_id: OIDC_CLIENT_ID, post_logout_redirect_uri: home, ui_locales: locale });
    redirect(303, endSessionUrl.href, { external: [issuerOrigin()] });
  }
  if (OIDC_LOGOUT_URL) {
    const logout = new URL(OIDC_LOGOUT_URL);
    logout.search = new URLSearchParams({ client_id: OIDC_CLIENT_ID, logout_uri: home }).toString();
    redirect(303, logout.href, { external: [logout.origin] });
  }
  redirect(303, home);
};
