import { isHttpError } from '@sveltejs/kit';
import { restorableDays } from '@collective-actions/shared';
import { titlesBySlug } from '#lib/labels.ts';
import { sharedPage } from '#lib/server/cache.ts';
import { formAction } from '#lib/server/forms.ts';
import type { Actions, PageServerLoad } from './$types';

/** How many matches the page shows. */
const matchesShown = '5';

export const load: PageServerLoad = async ({ locals, params, setHeaders }) => {
  if (!locals.session) setHeaders(sharedPage);
  const [action, contribution, matches, actions, me, cooperations] = await Promise.all([
    locals.api.read('GET /v1/actions/{slug}', { params }),
    locals.api.read('GET /v1/actions/{slug}/contributions/{id}', { params }),
    locals.api.read('GET /v1/actions/{slug}/contributions/{id}/matches', { params, query: { limit: matchesShown } }).catch((failure: unknown) => {
      // A hidden contribution has none (404); on a first start the index is still being built (503).
      if (isHttpError(failure, 404)) return null;
      if (isHttpError(failure, 503)) return 'later' as const;
      throw failure;
    }),
    // The titles of the actions the matches are in.
    locals.api.read('GET /v1/actions'),
    // The caller's organisations, which may propose to cooperate on it.
    locals.session ? locals.api.read('GET /v1/me') : null,
    locals.api.read('GET /v1/actions/{slug}/cooperations', { params: { slug: params.slug }, query: { contribution: params.id, limit: '20' } }),
  ]);
  // A hidden or withdrawn contribution's updates are not shown (nor may one be posted) until it is public again.
  const updates =
    contribution.hidden || contribution.status === 'withdrawn'
      ? null
      : await locals.api.read('GET /v1/actions/{slug}/contributions/{id}/updates', { params, query: { limit: '50' } });
  const organisations = me?.organisations.map(({ organisation }) => ({ id: organisation.id, name: organisation.name })) ?? [];
  return {
    action,
    contribution,
    matches,
    actionTitles: titlesBySlug(actions.actions),
    proposers: organisations.filter(({ id }) => id !== contribution.organisation.id),
    ownOrganisation: organisations.some(({ id }) => id === contribution.organisation.id),
    signedIn: me !== null,
    cooperations: cooperations.items,
    updates: updates?.items ?? null,
    // Until when a withdrawn one can be restored.
    restorableUntil: contribution.withdrawnAt ? new Date(Date.parse(contribution.withdrawnAt) + restorableDays * 24 * 3600 * 1000).toISOString() : null,
    restorableDays,
    formKey: crypto.randomUUID(),
  };
};

export const actions: Actions = {
  propose: formAction('POST /v1/actions/{slug}/contributions/{id}/cooperations', {
    fields: ['organisationId', 'message'],
    body: ({ values }) => values,
    done: ({ params }, cooperation) => `/actions/${params.slug}/cooperations/${cooperation.id}`,
  }),
  update: formAction('POST /v1/actions/{slug}/contributions/{id}/updates', {
    fields: ['update', 'link', 'progress'],
    trim: true,
    body: ({ values }) => ({ text: values.update, link: values.link, progress: values.progress }),
    renamed: { text: 'update' },
    done: ({ params }) => `/actions/${params.slug}/contributions/${params.id}#updates`,
  }),
  hide: formAction('PUT /v1/actions/{slug}/contributions/{id}/hidden', {
    fields: ['reason'],
    body: ({ values }) => values,
    done: ({ params }) => `/actions/${params.slug}/contributions/${params.id}`,
    flash: 'hidden',
  }),
  restore: formAction('POST /v1/actions/{slug}/contributions/{id}/restoration', {
    done: ({ params }) => `/actions/${params.slug}/contributions/${params.id}`,
    flash: 'restored',
  }),
};
