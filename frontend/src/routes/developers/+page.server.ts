import { sharedPage } from '#lib/server/cache.ts';
import { apiAddress, apiBase, apiDescription, type ApiOperation } from '#lib/api.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, setHeaders }) => {
  setHeaders(sharedPage);
  const description = await locals.api.read('GET /v1/openapi.json', {}, apiDescription);
  // HEAD repeats each GET without its body: the reference says so once rather than listing each.
  const operations = Object.entries(description.paths).flatMap(([path, methods]) =>
    Object.entries(methods)
      .filter(([method]) => method !== 'head')
      .map(([method, operation]) => ({ method: method.toUpperCase(), path, ...operation })),
  );
  const byTag = new Map<string, Array<ApiOperation & { method: string; path: string }>>();
  for (const operation of operations) byTag.set(operation.tags[0], [...(byTag.get(operation.tags[0]) ?? []), operation]);
  return {
    openApi: apiAddress('GET /v1/openapi.json'),
    base: apiBase,
    groups: [...byTag].map(([tag, list]) => ({ tag, operations: list })),
  };
};
