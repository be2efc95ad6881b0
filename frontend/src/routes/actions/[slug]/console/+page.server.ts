import { error } from '@sveltejs/kit';
import { formAction, requireSession } from '#lib/server/forms.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
  requireSession(locals, url);
  const [action, members] = await Promise.all([locals.api.read('GET /v1/actions/{slug}', { params }), locals.api.read('GET /v1/actions/{slug}/members', { params })]);
  if (!action.can.runCoalition) error(403, 'Forbidden');
  const appointing = url.searchParams.get('appoint')?.trim() ?? '';
  const [agenda, hidden, directory] = await Promise.all([
    locals.api.read('GET /v1/actions/{slug}/agenda', { params, query: { limit: '100' } }),
    locals.api.read('GET /v1/actions/{slug}/contributions', { params, query: { visibility: 'hidden', limit: '100' } }),
    // For stewards: the organisations of the directory whose name starts with what they looked for.
    members.can.appointLeads && appointing ? locals.api.read('GET /v1/organisations', { query: { name: appointing, limit: '20' } }) : null,
  ]);
  const leads = new Set(members.items.filter((member) => member.status === 'active' && member.role === 'lead').map((member) => member.organisation.id));
  return {
    action,
    members: members.items,
    agenda: agenda.items,
    hidden: hidden.items,
    /** For stewards: what they looked for, and the organisations found that could be appointed lead. */
    appoint: members.can.appointLeads ? { query: appointing, found: directory?.items.filter((organisation) => !leads.has(organisation.id)) ?? null } : null,
    formKey: crypto.randomUUID(),
    // The change a lead is asked to confirm, for one member: removing it, or making it a lead.
    confirming: url.searchParams.has('remove')
      ? { change: 'remove' as const, organisationId: url.searchParams.get('remove') }
      : url.searchParams.has('make-lead')
        ? { change: 'make-lead' as const, organisationId: url.searchParams.get('make-lead') }
        : null,
  };
};

const back = ({ params }: { params: Record<string, string> }) => `/actions/${params.slug}/console`;

export const actions: Actions = {
  decide: formAction('PATCH /v1/actions/{slug}/members/{organisationId}', {
    fields: ['change'],
    body: ({ values }) => values,
    params: ({ params, form }) => ({ slug: params.slug, organisationId: String(form.get('organisationId') ?? '') }),
    done: back,
    flash: ({ values }) => (values.change === 'remove' ? 'removed' : values.change === 'make-lead' ? 'made-lead' : undefined),
  }),
  addAgendaItem: formAction('POST /v1/actions/{slug}/agenda', {
    fields: ['kind', 'title', 'description', 'start', 'end', 'timeZone', 'place', 'onlineUrl', 'language'],
    trim: true,
    body: ({ values }) => values,
    done: back,
  }),
  appointLead: formAction('POST /v1/actions/{slug}/leads', { fields: ['organisationId'], body: ({ values }) => values, done: back, flash: 'made-lead' }),
  unhide: formAction('DELETE /v1/actions/{slug}/contributions/{id}/hidden', {
    params: ({ params, form }) => ({ slug: params.slug, id: String(form.get('id') ?? '') }),
    done: back,
    flash: 'shown',
  }),
};
