import { sharedPage } from '#lib/server/cache.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url, setHeaders }) => {
  setHeaders(sharedPage);
  const [agenda, list] = await Promise.all([locals.api.read('GET /v1/agenda', { query: url.searchParams }), locals.api.read('GET /v1/actions')]);
  return { agenda, actions: list.actions, paged: url.searchParams.has('cursor') };
};
