import { formAction, requireSession } from '#lib/server/forms.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
  requireSession(locals, url);
  const [action, members] = await Promise.all([locals.api.read('GET /v1/actions/{slug}', { params }), locals.api.read('GET /v1/actions/{slug}/members', { params })]);
  return {
    action,
    /** Memberships and requests of the person's organisations that they may end. */
    own: members.items.filter((member) => members.can.leave.includes(member.organisation.id)),
    joinable: members.can.join,
    formKey: crypto.randomUUID(),
  };
};

const here = ({ params }: { params: Record<string, string> }) => `/actions/${params.slug}/coalition`;

export const actions: Actions = {
  join: formAction('POST /v1/actions/{slug}/members', { fields: ['organisationId', 'message'], body: ({ values }) => values, done: here }),
  leave: formAction('DELETE /v1/actions/{slug}/members/{organisationId}', {
    fields: ['organisationId'],
    params: ({ params, values }) => ({ slug: params.slug, organisationId: values.organisationId }),
    done: here,
  }),
};
