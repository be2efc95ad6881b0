import { isHttpError } from '@sveltejs/kit';
import countries from 'i18n-iso-countries/index.js';
import { titlesBySlug } from '#lib/labels.ts';
import { formAction, requireSession } from '#lib/server/forms.ts';
import type { Actions, PageServerLoad } from './$types';

/** How many of an organisation's contributions the dashboard shows; its workspace page has them all. */
const contributionsShown = 10;

export const load: PageServerLoad = async ({ locals, url }) => {
  const session = requireSession(locals, url);
  const [me, { actions }, verifications, reports, hidden] = await Promise.all([
    locals.api.read('GET /v1/me'),
    locals.api.read('GET /v1/actions'),
    session.steward ? locals.api.read('GET /v1/verifications', { query: { limit: '100' } }) : null,
    session.steward ? locals.api.read('GET /v1/reports', { query: { limit: '100' } }) : null,
    session.steward ? locals.api.read('GET /v1/hidden-contributions', { query: { limit: '10' } }) : null,
  ]);
  // For each of the caller's organisations: its coalitions and requests, all its contributions, and what could answer
  // them, new this week (later, while the index is built).
  const organisations = await Promise.all(
    me.organisations.map(async ({ organisation, role }) => {
      const params = { id: organisation.id };
      const [view, contributions, matches] = await Promise.all([
        locals.api.read('GET /v1/organisations/{id}', { params }),
        locals.api.read('GET /v1/organisations/{id}/contributions', { params, query: { visibility: 'all', limit: String(contributionsShown) } }),
        locals.api.read('GET /v1/organisations/{id}/matches', { params }).then(
          (found) => found.items,
          (failure: unknown) => {
            if (isHttpError(failure, 503)) return null;
            throw failure;
          },
        ),
      ]);
      return { organisation: view, role, contributions: contributions.items, moreContributions: contributions.next !== null, matches };
    }),
  );
  return {
    organisations,
    actionTitles: titlesBySlug(actions),
    verifications: verifications?.items ?? null,
    // How many reports wait (a hundred or more, as "100+").
    reportsWaiting: reports && `${reports.items.length}${reports.next ? '+' : ''}`,
    hidden: hidden?.items ?? null,
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
