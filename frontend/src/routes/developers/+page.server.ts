import { sharedPage } from '#lib/server/cache.ts';
import { api, apiAddress, type ApiOperation } from '#lib/api.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ fetch, setHeaders }) => {
  setHeaders(sharedPage);
  const description = await api(fetch).apiDescription();
  // HEAD repeats each GET without its body: the reference says so once rather than listing each.
  const operations = Object.entries(description.paths).flatMap(([path, methods]) =>
    Object.entries(methods)
      .filter(([method]) => method !== 'head')
      .map(([method, operation]) => ({ method: method.toUpperCase(), path, ...operation })),
  );
  const byTag = new Map<string, Array<ApiOperation & { method: string; path: string }>>();
  for (const operation of operations) byTag.set(operation.tags[0], [...(byTag.get(operation.tags[0]) ?? []), operation]);
  return {
    openApi: apiAddress('/openapi.json'),
    base: apiAddress(''),
    groups: [...byTag].map(([tag, list]) => ({ tag, operations: list })),
  };
};
