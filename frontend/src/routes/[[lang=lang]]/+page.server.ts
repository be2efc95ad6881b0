import { listActions } from '#lib/api.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ fetch, params }) => ({
  lang: params.lang ?? ('en' as const),
  ...(await listActions(fetch)),
});
