import { sharedPage } from '#lib/server/cache.ts';
import { api } from '#lib/api.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ fetch, params, url, setHeaders }) => {
  setHeaders(sharedPage);
  const client = api(fetch);
  const [action, item] = await Promise.all([client.action(params.slug), client.agendaItem(params.slug, params.id)]);
  return { action, item, pageUrl: url.href };
};
