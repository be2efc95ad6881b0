import { listActions } from '#lib/api.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ fetch, params, setHeaders }) => {
  // The same for everyone: CloudFront may keep it a minute.
  setHeaders({ 'cache-control': 'public, max-age=60' });
  return { lang: params.lang ?? ('en' as const), ...(await listActions(fetch)) };
};
