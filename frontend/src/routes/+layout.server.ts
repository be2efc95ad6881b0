import type { LayoutServerLoad } from './$types';

// Only the name, the steward flag and how many notifications are unread reach the page: the access token stays on the server.
export const load: LayoutServerLoad = async ({ locals }) => {
  if (!locals.session) return { person: null };
  const { unread } = await locals.api.read('GET /v1/me/notifications', { query: { limit: '1' } });
  return { person: { name: locals.session.name, steward: locals.session.steward, unread } };
};
