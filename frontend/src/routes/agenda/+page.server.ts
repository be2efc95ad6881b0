import { api } from '#lib/api.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ fetch, url, setHeaders }) => {
  setHeaders({ 'cache-control': 'public, max-age=60' });
  const client = api(fetch);
  const [agenda, list] = await Promise.all([client.agenda(url.searchParams), client.actions()]);
  return { agenda, actions: list.actions, paged: url.searchParams.has('cursor') };
};
