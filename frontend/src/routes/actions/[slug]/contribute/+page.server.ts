import { contributionInput, contributionValues } from '#lib/server/contribution-form.ts';
import { formAction, requireSession } from '#lib/server/forms.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
  requireSession(locals, url);
  const [action, me] = await Promise.all([locals.api.read('GET /v1/actions/{slug}', { params }), locals.api.read('GET /v1/me')]);
  return { action, organisations: me.organisations.map(({ organisation }) => organisation), formKey: crypto.randomUUID() };
};

export const actions: Actions = {
  default: formAction('POST /v1/actions/{slug}/contributions', {
    values: (form) => ({ organisationId: String(form.get('organisationId') ?? ''), kind: String(form.get('kind') ?? ''), ...contributionValues(form) }),
    body: ({ values }) => ({ organisationId: values.organisationId, kind: values.kind, ...contributionInput(values) }),
    done: ({ params }, contribution) => `/actions/${params.slug}/contributions/${contribution.id}`,
  }),
};
