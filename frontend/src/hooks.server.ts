import { sequence } from '@sveltejs/kit/hooks';
import type { Handle } from '@sveltejs/kit/hooks';
import { paraglideMiddleware } from '#lib/paraglide/server.js';
import { apiClient } from '#lib/api.ts';
import { signOutOrigins } from '#lib/server/oidc.ts';
import { endSession, readSession } from '#lib/server/session.ts';

// The language of each request comes from its path (the reroute hook maps /fr/x to the page x); the page says which in <html lang>.
const language: Handle = ({ event, resolve }) =>
  paraglideMiddleware(event.request, ({ locale }) => resolve(event, { transformPageChunk: ({ html }) => html.replace('%lang%', locale) }));

const plain = (status: number, text: string) => new Response(text, { status, headers: { 'content-type': 'text/plain; charset=utf-8' } });

/**
 * Every POST to the site is a form (a page's form action, signing out): a body of another type, or one that is not a
 * form at all, is the sender's to fix (415, 400), never a failure of the site. A form from another site never gets
 * here: SvelteKit's own origin check answers it 403 first.
 */
const forms: Handle = async ({ event, resolve }) => {
  if (event.request.method !== 'POST') return resolve(event);
  const type = event.request.headers.get('content-type')?.split(';')[0].trim().toLowerCase();
  if (type !== 'application/x-www-form-urlencoded' && type !== 'multipart/form-data') {
    return plain(415, 'Send this form as application/x-www-form-urlencoded or multipart/form-data.\nEnvoyez ce formulaire en application/x-www-form-urlencoded ou multipart/form-data.');
  }
  try {
    await event.request.clone().formData();
  } catch {
    return plain(400, 'This form could not be read: send it again.\nCe formulaire n’a pas pu être lu : envoyez-le de nouveau.');
  }
  return resolve(event);
};

/**
 * Who is signed in, resolved once per request, and checked with the API: a session signed out elsewhere (a copied
 * cookie, another tab) ends here too. Pages for them are theirs alone, never kept by a shared cache.
 */
const session: Handle = async ({ event, resolve }) => {
  event.locals.session = await readSession(event.cookies);
  event.locals.api = apiClient(event.fetch, event.locals.session?.accessToken);
  if (event.locals.session && !(await event.locals.api.sessionIsOpen())) {
    endSession(event.cookies);
    event.locals.session = null;
    event.locals.api = apiClient(event.fetch);
  }
  const response = await resolve(event);
  if (event.locals.session) response.headers.set('cache-control', 'private, no-store');
  // Signing out posts a form that ends at the provider: the CSP lets forms lead there and nowhere else.
  const policy = response.headers.get('content-security-policy');
  if (policy) response.headers.set('content-security-policy', policy.replace("form-action 'self'", `form-action 'self' ${signOutOrigins().join(' ')}`));
  return response;
};

export const handle = sequence(language, forms, session);
