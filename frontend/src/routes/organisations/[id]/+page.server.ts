import { sharedPage } from '#lib/server/cache.ts';
import { api } from '#lib/api.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ fetch, params, url, setHeaders }) => {
  setHeaders(sharedPage);
  const client = api(fetch);
  const [organisation, contributions, list] = await Promise.all([
    client.organisation(params.id),
    client.organisationContributions(params.id, url.searchParams),
    client.actions(),
  ]);
  return { organisation, contributions, actions: list.actions, paged: url.searchParams.has('cursor') };
};
