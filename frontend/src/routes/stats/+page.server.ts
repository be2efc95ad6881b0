import { sharedPage } from '#lib/server/cache.ts';
import { api } from '#lib/api.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ fetch, setHeaders }) => {
  setHeaders(sharedPage);
  return { stats: await api(fetch).stats() };
};
