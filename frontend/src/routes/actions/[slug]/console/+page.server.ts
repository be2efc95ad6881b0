import { error, fail, redirect } from '@sveltejs/kit';
import { leadAppointment, membershipChange, newAgendaItem } from '@collective-actions/shared';
import { api } from '#lib/api.ts';
import { localizeHref } from '#lib/paraglide/runtime.js';
import { check, formKeyOf, problemErrors, requireSession } from '#lib/server/forms.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ fetch, locals, params, url }) => {
  const session = requireSession(locals, url);
  const client = api(fetch, session.accessToken);
  const [action, members] = await Promise.all([client.action(params.slug), client.members(params.slug)]);
  if (!action.can.runCoalition) error(403, 'Forbidden');
  const [agenda, hidden, directory] = await Promise.all([
    client.actionAgenda(params.slug),
    client.hiddenContributions(params.slug),
    members.can.appointLeads ? client.organisations() : null,
  ]);
  const inCoalition = new Set(members.items.filter((member) => member.status === 'active' && member.role === 'lead').map((member) => member.organisation.id));
  return {
    action,
    members: members.items,
    agenda: agenda.items,
    hidden: hidden.items,
    /** For stewards: organisations that could be appointed lead. */
    appointable: directory?.items.filter((organisation) => !inCoalition.has(organisation.id)) ?? null,
    formKey: crypto.randomUUID(),
  };
};

const back = (slug: string) => `${localizeHref(`/actions/${slug}/console`)}`;

export const actions: Actions = {
  decide: async ({ request, fetch, locals, params, url }) => {
    const session = requireSession(locals, url);
    const form = await request.formData();
    const values = { change: String(form.get('change') ?? '') };
    const checked = check(membershipChange, values, values);
    if (checked.failure) return checked.failure;
    const outcome = await api(fetch, session.accessToken).changeMembership(params.slug, String(form.get('organisationId') ?? ''), checked.data);
    if (!outcome.ok) return fail(outcome.problem.status, { values, errors: problemErrors(outcome.problem) });
    redirect(303, back(params.slug));
  },
  addAgendaItem: async ({ request, fetch, locals, params, url }) => {
    const session = requireSession(locals, url);
    const form = await request.formData();
    const names = ['kind', 'title', 'description', 'start', 'end', 'timeZone', 'place', 'onlineUrl', 'language'];
    const values = Object.fromEntries(names.map((name) => [name, String(form.get(name) ?? '').trim()]));
    const checked = check(newAgendaItem, values, values);
    if (checked.failure) return checked.failure;
    const outcome = await api(fetch, session.accessToken).addAgendaItem(params.slug, checked.data, formKeyOf(form));
    if (!outcome.ok) return fail(outcome.problem.status, { values, errors: problemErrors(outcome.problem) });
    redirect(303, back(params.slug));
  },
  appointLead: async ({ request, fetch, locals, params, url }) => {
    const session = requireSession(locals, url);
    const form = await request.formData();
    const values = { organisationId: String(form.get('organisationId') ?? '') };
    const checked = check(leadAppointment, values, values);
    if (checked.failure) return checked.failure;
    const outcome = await api(fetch, session.accessToken).appointLead(params.slug, checked.data, formKeyOf(form));
    if (!outcome.ok) return fail(outcome.problem.status, { values, errors: problemErrors(outcome.problem) });
    redirect(303, back(params.slug));
  },
  unhide: async ({ request, fetch, locals, params, url }) => {
    const session = requireSession(locals, url);
    const outcome = await api(fetch, session.accessToken).unhideContribution(params.slug, String((await request.formData()).get('id') ?? ''));
    if (!outcome.ok) return fail(outcome.problem.status, { values: {}, errors: problemErrors(outcome.problem) });
    redirect(303, back(params.slug));
  },
};
