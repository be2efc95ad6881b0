import { sharedPage } from '#lib/server/cache.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, setHeaders, url }) => {
  setHeaders(sharedPage);
  const q = url.searchParams.get('q')?.trim() ?? '';
  return { q, results: q ? await locals.api.read('GET /v1/search', { query: { q } }) : null };
};
