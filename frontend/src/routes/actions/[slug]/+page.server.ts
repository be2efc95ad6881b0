import { sharedPage } from '#lib/server/cache.ts';
import { fail, redirect } from '@sveltejs/kit';
import { joinRequest } from '@collective-actions/shared';
import { api } from '#lib/api.ts';
import { localizeHref } from '#lib/paraglide/runtime.js';
import { participation } from '#lib/server/coalition.ts';
import { check, problemErrors, requireSession } from '#lib/server/forms.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ fetch, locals, params, url, setHeaders }) => {
  const token = locals.session?.accessToken;
  if (!token) setHeaders(sharedPage);
  const client = api(fetch, token);
  const [action, members, agenda, contributions, history, stats, me] = await Promise.all([
    client.action(params.slug),
    client.members(params.slug),
    client.actionAgenda(params.slug),
    client.contributions(params.slug, url.searchParams),
    client.history(params.slug),
    client.stats(),
    token ? client.me() : null,
  ]);
  return {
    action,
    members: members.items.filter((member) => member.status === 'active'),
    participation: me ? participation(me, members.items) : null,
    agenda: agenda.items,
    contributions,
    history: history.items,
    countries: stats.byCountry.map((entry) => entry.country),
    paged: url.searchParams.has('cursor'),
    filters: Object.fromEntries(['type', 'organisationKind', 'country'].map((name) => [name, url.searchParams.get(name) ?? ''])),
  };
};

export const actions: Actions = {
  join: async ({ request, fetch, locals, params, url }) => {
    const session = requireSession(locals, url);
    const form = await request.formData();
    const values = { organisationId: String(form.get('organisationId') ?? ''), message: String(form.get('message') ?? '') };
    const checked = check(joinRequest, values, values);
    if (checked.failure) return checked.failure;
    const outcome = await api(fetch, session.accessToken).requestMembership(params.slug, checked.data);
    if (!outcome.ok) return fail(outcome.problem.status, { values, errors: problemErrors(outcome.problem) });
    redirect(303, `${localizeHref(`/actions/${params.slug}`)}#coalition`);
  },
  leave: async ({ request, fetch, locals, params, url }) => {
    const session = requireSession(locals, url);
    const organisationId = String((await request.formData()).get('organisationId') ?? '');
    const outcome = await api(fetch, session.accessToken).leaveCoalition(params.slug, organisationId);
    if (!outcome.ok) return fail(outcome.problem.status, { values: {}, errors: problemErrors(outcome.problem) });
    redirect(303, `${localizeHref(`/actions/${params.slug}`)}#coalition`);
  },
};
