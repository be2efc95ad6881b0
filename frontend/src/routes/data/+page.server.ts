import { sharedPage } from '#lib/server/cache.ts';
import { api, apiAddress } from '#lib/api.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ fetch, setHeaders }) => {
  setHeaders(sharedPage);
  const descriptor = await api(fetch).dataPackage();
  const csv = descriptor.resources.filter((resource) => resource.format === 'csv');
  return {
    created: descriptor.created,
    resources: csv.map((resource) => ({
      name: resource.name,
      columns: resource.schema.fields.map((field) => field.name),
      csv: apiAddress(`/exports/${resource.path}`),
      json: apiAddress(`/exports/${resource.path.replace(/\.csv$/, '.json')}`),
    })),
    links: {
      dataPackage: apiAddress('/exports/datapackage.json'),
      jsonFeed: apiAddress('/changes'),
      atomFeed: apiAddress('/changes.atom'),
    },
  };
};
