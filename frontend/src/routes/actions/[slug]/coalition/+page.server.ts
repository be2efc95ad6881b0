import { fail, redirect } from '@sveltejs/kit';
import { joinRequest } from '@collective-actions/shared';
import { api } from '#lib/api.ts';
import { localizeHref } from '#lib/paraglide/runtime.js';
import { check, formKeyOf, problemErrors, requireSession } from '#lib/server/forms.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ fetch, locals, params, url }) => {
  const session = requireSession(locals, url);
  const client = api(fetch, session.accessToken);
  const [action, members] = await Promise.all([client.action(params.slug), client.members(params.slug)]);
  return {
    action,
    /** Memberships and requests of the person's organisations that they may end. */
    own: members.items.filter((member) => members.can.leave.includes(member.organisation.id)),
    joinable: members.can.join,
    formKey: crypto.randomUUID(),
  };
};

const here = (slug: string) => localizeHref(`/actions/${slug}/coalition`);

export const actions: Actions = {
  join: async ({ request, fetch, locals, params, url }) => {
    const session = requireSession(locals, url);
    const form = await request.formData();
    const values = { organisationId: String(form.get('organisationId') ?? ''), message: String(form.get('message') ?? '') };
    const checked = check(joinRequest, values, values);
    if (checked.failure) return checked.failure;
    const outcome = await api(fetch, session.accessToken).requestMembership(params.slug, checked.data, formKeyOf(form));
    if (!outcome.ok) return fail(outcome.problem.status, { values, errors: problemErrors(outcome.problem) });
    redirect(303, here(params.slug));
  },
  leave: async ({ request, fetch, locals, params, url }) => {
    const session = requireSession(locals, url);
    const organisationId = String((await request.formData()).get('organisationId') ?? '');
    const outcome = await api(fetch, session.accessToken).leaveCoalition(params.slug, organisationId);
    if (!outcome.ok) return fail(outcome.problem.status, { values: {}, errors: problemErrors(outcome.problem) });
    redirect(303, here(params.slug));
  },
};
