import { fail, redirect } from '@sveltejs/kit';
import { newContribution } from '@collective-actions/shared';
import { api } from '#lib/api.ts';
import { localizeHref } from '#lib/paraglide/runtime.js';
import { contributionInput, contributionValues } from '#lib/server/contribution-form.ts';
import { check, formKeyOf, problemErrors, requireSession } from '#lib/server/forms.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ fetch, locals, params, url }) => {
  const session = requireSession(locals, url);
  const client = api(fetch, session.accessToken);
  const [action, me] = await Promise.all([client.action(params.slug), client.me()]);
  return { action, organisations: me.organisations.map(({ organisation }) => organisation), formKey: crypto.randomUUID() };
};

export const actions: Actions = {
  default: async ({ request, fetch, locals, params, url }) => {
    const session = requireSession(locals, url);
    const form = await request.formData();
    const values = { organisationId: String(form.get('organisationId') ?? ''), ...contributionValues(form) };
    const checked = check(newContribution, { organisationId: values.organisationId, ...contributionInput(values) }, values);
    if (checked.failure) return checked.failure;
    const outcome = await api(fetch, session.accessToken).submitContribution(params.slug, checked.data, formKeyOf(form));
    if (!outcome.ok) return fail(outcome.problem.status, { values, errors: problemErrors(outcome.problem) });
    redirect(303, localizeHref(`/actions/${params.slug}/contributions/${outcome.value!.id}`));
  },
};
