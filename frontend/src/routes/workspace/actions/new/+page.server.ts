import { error, fail, redirect } from '@sveltejs/kit';
import { newAction } from '@collective-actions/shared';
import { api } from '#lib/api.ts';
import { localizeHref } from '#lib/paraglide/runtime.js';
import { actionFieldNames, actionInput, actionValues } from '#lib/server/action-form.ts';
import { check, formKeyOf, problemErrors, requireSession } from '#lib/server/forms.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ fetch, locals, url }) => {
  const session = requireSession(locals, url);
  if (!session.steward) error(403, 'Forbidden');
  return { themes: (await api(fetch).actions()).themes, formKey: crypto.randomUUID() };
};

export const actions: Actions = {
  default: async ({ request, fetch, locals, url }) => {
    const session = requireSession(locals, url);
    const form = await request.formData();
    const values = actionValues(form, ['slug', ...actionFieldNames]);
    const checked = check(newAction, { slug: values.slug, ...actionInput(values) }, values);
    if (checked.failure) return checked.failure;
    const outcome = await api(fetch, session.accessToken).createAction(checked.data, formKeyOf(form));
    if (!outcome.ok) return fail(outcome.problem.status, { values, errors: problemErrors(outcome.problem) });
    redirect(303, localizeHref(`/actions/${checked.data.slug}`));
  },
};
