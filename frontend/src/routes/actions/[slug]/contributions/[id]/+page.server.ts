import { api } from '#lib/api.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ fetch, params, setHeaders }) => {
  setHeaders({ 'cache-control': 'public, max-age=60' });
  const client = api(fetch);
  const [action, contribution] = await Promise.all([client.action(params.slug), client.contribution(params.slug, params.id)]);
  return { action, contribution };
};
