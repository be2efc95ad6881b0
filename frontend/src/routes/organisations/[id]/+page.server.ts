import { api } from '#lib/api.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ fetch, params, url, setHeaders }) => {
  setHeaders({ 'cache-control': 'public, max-age=60' });
  const client = api(fetch);
  const [organisation, contributions, list] = await Promise.all([
    client.organisation(params.id),
    client.organisationContributions(params.id, url.searchParams),
    client.actions(),
  ]);
  return { organisation, contributions, actions: list.actions, paged: url.searchParams.has('cursor') };
};
