import { api } from '#lib/api.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ fetch, params, url, setHeaders }) => {
  setHeaders({ 'cache-control': 'public, max-age=60' });
  const client = api(fetch);
  const [action, item] = await Promise.all([client.action(params.slug), client.agendaItem(params.slug, params.id)]);
  return { action, item, pageUrl: url.href };
};
