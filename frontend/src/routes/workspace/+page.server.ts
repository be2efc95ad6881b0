import { isHttpError } from '@sveltejs/kit';
import countries from 'i18n-iso-countries/index.js';
import { formAction, requireSession } from '#lib/server/forms.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
  const session = requireSession(locals, url);
  const [me, verifications, reports] = await Promise.all([
    locals.api.read('GET /v1/me'),
    session.steward ? locals.api.read('GET /v1/verifications', { query: { limit: '100' } }) : null,
    session.steward ? locals.api.read('GET /v1/reports', { query: { limit: '100' } }) : null,
  ]);
  // What could answer each of the caller's organisations' contributions, new this week (later, while the index is built).
  const matches = await Promise.all(
    me.organisations.map(({ organisation }) =>
      locals.api.read('GET /v1/organisations/{id}/matches', { params: { id: organisation.id } }).then(
        (found) => ({ organisation, items: found.items }),
        (failure: unknown) => {
          if (isHttpError(failure, 503)) return { organisation, items: null };
          throw failure;
        },
      ),
    ),
  );
  return {
    me,
    matches,
    verifications: verifications?.items ?? null,
    // How many reports wait (a hundred or more, as "100+").
    reportsWaiting: reports && `${reports.items.length}${reports.next ? '+' : ''}`,
    countryCodes: Object.keys(countries.getAlpha2Codes()),
    formKey: crypto.randomUUID(),
  };
};

export const actions: Actions = {
  register: formAction('POST /v1/organisations', {
    fields: ['name', 'kind', 'country', 'website'],
    body: ({ values }) => values,
    done: (_, organisation) => `/organisations/${organisation.id}`,
  }),
};
