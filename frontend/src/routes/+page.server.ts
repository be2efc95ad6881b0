import { sharedPage } from '#lib/server/cache.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, setHeaders }) => {
  // The same for everyone: CloudFront may keep it a minute.
  setHeaders(sharedPage);
  const [list, stats, upcoming, delivered] = await Promise.all([
    locals.api.read('GET /v1/actions'),
    locals.api.read('GET /v1/stats'),
    locals.api.read('GET /v1/agenda', { query: { limit: '5' } }),
    locals.api.read('GET /v1/cooperations', { query: { status: 'delivered', limit: '3' } }),
  ]);
  return { ...list, stats, upcoming: upcoming.items, delivered: delivered.items };
};
