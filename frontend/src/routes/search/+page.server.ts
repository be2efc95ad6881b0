import { sharedPage } from '#lib/server/cache.ts';
import { api } from '#lib/api.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ fetch, setHeaders, url }) => {
  setHeaders(sharedPage);
  const q = url.searchParams.get('q')?.trim() ?? '';
  return { q, results: q ? await api(fetch).search(q) : null };
};
