import { sharedPage } from '#lib/server/cache.ts';
import { apiAddress, dataPackage } from '#lib/api.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, setHeaders }) => {
  setHeaders(sharedPage);
  const descriptor = await locals.api.read('GET /v1/exports/{file}', { params: { file: 'datapackage.json' } }, dataPackage);
  const csv = descriptor.resources.filter((resource) => resource.format === 'csv');
  return {
    created: descriptor.created,
    resources: csv.map((resource) => ({
      name: resource.name,
      columns: resource.schema.fields.map((field) => field.name),
      csv: apiAddress('GET /v1/exports/{file}', { file: resource.path }),
      json: apiAddress('GET /v1/exports/{file}', { file: resource.path.replace(/\.csv$/, '.json') }),
    })),
    links: {
      dataPackage: apiAddress('GET /v1/exports/{file}', { file: 'datapackage.json' }),
      jsonFeed: apiAddress('GET /v1/changes'),
      atomFeed: apiAddress('GET /v1/changes.atom'),
    },
  };
};
