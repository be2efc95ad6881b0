import countries from 'i18n-iso-countries/index.js';
import { sharedPage } from '#lib/server/cache.ts';
import { pick } from '#lib/server/forms.ts';
import type { PageServerLoad } from './$types';

const filterNames = ['name', 'kind', 'country'];

export const load: PageServerLoad = async ({ locals, setHeaders, url }) => {
  if (!locals.session) setHeaders(sharedPage);
  // The filters a person set (an empty field is no filter) and the cursor; nothing else is the page's to pass on.
  const query = new URLSearchParams([...pick(url.searchParams, [...filterNames, 'cursor'])].filter(([, value]) => value.trim()));
  const directory = await locals.api.read('GET /v1/organisations', { query });
  return {
    directory,
    filters: Object.fromEntries(filterNames.map((name) => [name, url.searchParams.get(name) ?? ''])),
    paged: url.searchParams.has('cursor'),
    countryCodes: Object.keys(countries.getAlpha2Codes()),
  };
};
