import { error, fail, redirect } from '@sveltejs/kit';
import { agendaItemChanges } from '@collective-actions/shared';
import { api } from '#lib/api.ts';
import { localizeHref } from '#lib/paraglide/runtime.js';
import { check, problemErrors, requireSession } from '#lib/server/forms.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ fetch, locals, params, url }) => {
  const session = requireSession(locals, url);
  const client = api(fetch, session.accessToken);
  const [action, item] = await Promise.all([client.action(params.slug), client.agendaItem(params.slug, params.id)]);
  if (!action.can.runCoalition) error(403, 'Forbidden');
  return { action, item };
};

const consolePage = (slug: string) => localizeHref(`/actions/${slug}/console`);

export const actions: Actions = {
  save: async ({ request, fetch, locals, params, url }) => {
    const session = requireSession(locals, url);
    const form = await request.formData();
    const names = ['kind', 'status', 'title', 'description', 'start', 'end', 'timeZone', 'place', 'onlineUrl', 'language', 'version'];
    const values = Object.fromEntries(names.map((name) => [name, String(form.get(name) ?? '').trim()]));
    // Fields emptied on purpose are cleared, not left as they were.
    const cleared = Object.fromEntries(['description', 'end', 'place', 'onlineUrl'].filter((name) => values[name] === '').map((name) => [name, null]));
    const checked = check(agendaItemChanges, { ...values, version: Number(values.version) }, values);
    if (checked.failure) return checked.failure;
    const outcome = await api(fetch, session.accessToken).editAgendaItem(params.slug, params.id, { ...checked.data, ...cleared });
    if (!outcome.ok) return fail(outcome.problem.status, { values, errors: problemErrors(outcome.problem) });
    redirect(303, consolePage(params.slug));
  },
  delete: async ({ fetch, locals, params, url }) => {
    const session = requireSession(locals, url);
    const outcome = await api(fetch, session.accessToken).deleteAgendaItem(params.slug, params.id);
    if (!outcome.ok) return fail(outcome.problem.status, { values: {}, errors: problemErrors(outcome.problem) });
    redirect(303, consolePage(params.slug));
  },
};
