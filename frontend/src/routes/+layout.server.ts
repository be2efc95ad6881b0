import { flashCookie, isFlash } from '#lib/flash.ts';
import type { LayoutServerLoad } from './$types';

// Only the name, the steward flag and how many notifications are unread reach the page: the access token stays on the server.
export const load: LayoutServerLoad = async ({ locals, cookies, url }) => {
  // Read on every navigation (`url`), so that what a change did is said on the next page only.
  void url.pathname;
  const said = cookies.get(flashCookie.name);
  if (said !== undefined) cookies.delete(flashCookie.name, { path: flashCookie.options.path });
  const flash = isFlash(said) ? said : null;
  if (!locals.session) return { person: null, flash };
  const { unread } = await locals.api.read('GET /v1/me/notifications', { query: { limit: '1' } });
  return { person: { name: locals.session.name, steward: locals.session.steward, unread }, flash };
};
