import { sequence } from '@sveltejs/kit/hooks';
import type { Handle } from '@sveltejs/kit/hooks';
import { paraglideMiddleware } from '#lib/paraglide/server.js';
import { issuerOrigin } from '#lib/server/oidc.ts';
import { readSession } from '#lib/server/session.ts';

// The language of each request comes from its path (the reroute hook maps /fr/x to the page x); the page says which in <html lang>.
const language: Handle = ({ event, resolve }) =>
  paraglideMiddleware(event.request, ({ locale }) => resolve(event, { transformPageChunk: ({ html }) => html.replace('%lang%', locale) }));

/** Who is signed in, resolved once per request; pages for them are theirs alone, never kept by a shared cache. */
const session: Handle = async ({ event, resolve }) => {
  event.locals.session = await readSession(event.cookies);
  const response = await resolve(event);
  if (event.locals.session) response.headers.set('cache-control', 'private, no-store');
  // Signing out posts a form that ends at the provider: the CSP lets forms lead there and nowhere else.
  const policy = response.headers.get('content-security-policy');
  if (policy) response.headers.set('content-security-policy', policy.replace("form-action 'self'", `form-action 'self' ${issuerOrigin()}`));
  return response;
};

export const handle = sequence(language, session);
