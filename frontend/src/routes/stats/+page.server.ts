import { sharedPage } from '#lib/server/cache.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, setHeaders }) => {
  setHeaders(sharedPage);
  return { stats: await locals.api.read('GET /v1/stats') };
};
