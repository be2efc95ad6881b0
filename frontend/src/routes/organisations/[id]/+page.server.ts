import { sharedPage } from '#lib/server/cache.ts';
import { formAction, pick } from '#lib/server/forms.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url, setHeaders }) => {
  if (!locals.session) setHeaders(sharedPage);
  const [organisation, contributions, history, list] = await Promise.all([
    locals.api.read('GET /v1/organisations/{id}', { params }),
    locals.api.read('GET /v1/organisations/{id}/contributions', { params, query: pick(url.searchParams, ['cursor']) }),
    locals.api.read('GET /v1/organisations/{id}/history', { params, query: { limit: '100' } }),
    locals.api.read('GET /v1/actions'),
  ]);
  return {
    organisation,
    contributions,
    history: history.items,
    actions: list.actions,
    paged: url.searchParams.has('cursor'),
    // A steward's second step: the verification, or its withdrawal, to confirm (which one follows the organisation's state).
    confirming: url.searchParams.has('verify') || url.searchParams.has('unverify'),
  };
};

export const actions: Actions = {
  // The version the steward saw: a verification vouches for that identity, not for one changed meanwhile.
  verify: formAction('POST /v1/organisations/{id}/verification', {
    fields: ['version', 'note'],
    trim: true,
    body: ({ values }) => ({ ...values, version: Number(values.version) }),
    done: ({ params }) => `/organisations/${params.id}#history`,
    flash: 'verified',
  }),
  unverify: formAction('POST /v1/organisations/{id}/verification/withdrawal', {
    fields: ['version', 'note'],
    trim: true,
    body: ({ values }) => ({ ...values, version: Number(values.version) }),
    done: ({ params }) => `/organisations/${params.id}#history`,
    flash: 'unverified',
  }),
};
