import { sharedPage } from '#lib/server/cache.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url, setHeaders }) => {
  setHeaders(sharedPage);
  const [action, item] = await Promise.all([
    locals.api.read('GET /v1/actions/{slug}', { params }),
    locals.api.read('GET /v1/actions/{slug}/agenda/{id}', { params }),
  ]);
  return { action, item, pageUrl: url.href };
};
