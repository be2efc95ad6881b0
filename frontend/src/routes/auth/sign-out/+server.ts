import { redirect } from '@sveltejs/kit';
import { OIDC_CLIENT_ID } from '$app/env/private';
import { localizeHref } from '#lib/paraglide/runtime.js';
import { endSession } from '#lib/server/session.ts';
import { issuerOrigin, oidc, provider } from '#lib/server/oidc.ts';
import type { RequestHandler } from './$types';

/** Ends the site's session, then the provider's where it says how (its end-session endpoint), in the page's language. */
export const POST: RequestHandler = async ({ url, cookies, request }) => {
  endSession(cookies);
  const locale = (await request.formData()).get('locale') === 'fr' ? 'fr' : 'en';
  const home = new URL(localizeHref('/', { locale }), url).href;
  const config = await provider();
  if (!config.serverMetadata().end_session_endpoint) redirect(303, home);
  const endSessionUrl = oidc.buildEndSessionUrl(config, { client_id: OIDC_CLIENT_ID, post_logout_redirect_uri: home, ui_locales: locale });
  redirect(303, endSessionUrl.href, { external: [issuerOrigin()] });
};
