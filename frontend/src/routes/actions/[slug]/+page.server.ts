import { sharedPage } from '#lib/server/cache.ts';
import { api } from '#lib/api.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ fetch, locals, params, url, setHeaders }) => {
  const token = locals.session?.accessToken;
  if (!token) setHeaders(sharedPage);
  const client = api(fetch, token);
  const [action, members, agenda, contributions, history, stats] = await Promise.all([
    client.action(params.slug),
    client.members(params.slug),
    client.actionAgenda(params.slug),
    client.contributions(params.slug, url.searchParams),
    client.history(params.slug),
    client.stats(),
  ]);
  return {
    action,
    members: members.items.filter((member) => member.status === 'active'),
    agenda: agenda.items,
    contributions,
    history: history.items,
    countries: stats.byCountry.map((entry) => entry.country),
    paged: url.searchParams.has('cursor'),
    filters: Object.fromEntries(['type', 'organisationKind', 'country'].map((name) => [name, url.searchParams.get(name) ?? ''])),
  };
};
