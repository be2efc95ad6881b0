import { sharedPage } from '#lib/server/cache.ts';
import { api } from '#lib/api.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ fetch, url, setHeaders }) => {
  setHeaders(sharedPage);
  const client = api(fetch);
  const [agenda, list] = await Promise.all([client.agenda(url.searchParams), client.actions()]);
  return { agenda, actions: list.actions, paged: url.searchParams.has('cursor') };
};
