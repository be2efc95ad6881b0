import { sharedPage } from '#lib/server/cache.ts';
import { api } from '#lib/api.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ fetch, setHeaders }) => {
  // The same for everyone: CloudFront may keep it a minute.
  setHeaders(sharedPage);
  const client = api(fetch);
  const [list, stats, upcoming] = await Promise.all([client.actions(), client.stats(), client.agenda(new URLSearchParams({ limit: '5' }))]);
  return { ...list, stats, upcoming: upcoming.items };
};
