import { fail, redirect } from '@sveltejs/kit';
import { contributionChanges } from '@collective-actions/shared';
import { api } from '#lib/api.ts';
import { localizeHref } from '#lib/paraglide/runtime.js';
import { contributionInput, contributionValues } from '#lib/server/contribution-form.ts';
import { check, problemErrors, requireSession } from '#lib/server/forms.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ fetch, locals, params, url }) => {
  const session = requireSession(locals, url);
  const contribution = await api(fetch, session.accessToken).contribution(params.slug, params.id);
  return { contribution };
};

export const actions: Actions = {
  save: async ({ request, fetch, locals, params, url }) => {
    const session = requireSession(locals, url);
    const form = await request.formData();
    const values = { version: String(form.get('version') ?? ''), ...contributionValues(form) };
    const checked = check(contributionChanges, { version: Number(values.version), ...contributionInput(values) }, values);
    if (checked.failure) return checked.failure;
    const outcome = await api(fetch, session.accessToken).editContribution(params.slug, params.id, checked.data);
    if (!outcome.ok) return fail(outcome.problem.status, { values, errors: problemErrors(outcome.problem) });
    redirect(303, localizeHref(`/actions/${params.slug}/contributions/${params.id}`));
  },
  withdraw: async ({ fetch, locals, params, url }) => {
    const session = requireSession(locals, url);
    const outcome = await api(fetch, session.accessToken).withdrawContribution(params.slug, params.id);
    if (!outcome.ok) return fail(outcome.problem.status, { values: undefined, errors: problemErrors(outcome.problem) });
    redirect(303, localizeHref(`/actions/${params.slug}`));
  },
};
