import { sharedPage } from '#lib/server/cache.ts';
import { formAction, pick } from '#lib/server/forms.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url, setHeaders }) => {
  if (!locals.session) setHeaders(sharedPage);
  const [action, members, agenda, contributions, history, stats, cooperations] = await Promise.all([
    locals.api.read('GET /v1/actions/{slug}', { params }),
    locals.api.read('GET /v1/actions/{slug}/members', { params }),
    locals.api.read('GET /v1/actions/{slug}/agenda', { params, query: { limit: '100' } }),
    // Only the filters and the cursor: a hand-edited `visibility` or `limit` is not the page's to pass on.
    locals.api.read('GET /v1/actions/{slug}/contributions', { params, query: pick(url.searchParams, ['kind', 'type', 'organisationKind', 'country', 'cursor']) }),
    locals.api.read('GET /v1/actions/{slug}/history', { params }),
    locals.api.read('GET /v1/stats'),
    locals.api.read('GET /v1/actions/{slug}/cooperations', { params, query: { limit: '5' } }),
  ]);
  return {
    action,
    members: members.items.filter((member) => member.status === 'active'),
    agenda: agenda.items,
    contributions,
    history: history.items,
    cooperations: cooperations.items,
    countries: stats.byCountry.map((entry) => entry.country),
    paged: url.searchParams.has('cursor'),
    filters: Object.fromEntries(['kind', 'type', 'organisationKind', 'country'].map((name) => [name, url.searchParams.get(name) ?? ''])),
  };
};

const here = ({ params }: { params: Record<string, string> }) => `/actions/${params.slug}`;

export const actions: Actions = {
  follow: formAction('PUT /v1/actions/{slug}/following', { done: here }),
  unfollow: formAction('DELETE /v1/actions/{slug}/following', { done: here }),
};
