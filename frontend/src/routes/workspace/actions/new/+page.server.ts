import { error, fail, redirect } from '@sveltejs/kit';
import { newAction } from '@collective-actions/shared';
import { api } from '#lib/api.ts';
import { localizeHref } from '#lib/paraglide/runtime.js';
import { actionFieldNames, actionInput, actionValues } from '#lib/server/action-form.ts';
import { check, problemErrors, requireSession } from '#lib/server/forms.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ fetch, locals, url }) => {
  const session = requireSession(locals, url);
  if (!session.steward) error(403, 'Forbidden');
  return { themes: (await api(fetch).actions()).themes };
};

export const actions: Actions = {
  default: async ({ request, fetch, locals, url }) => {
    const session = requireSession(locals, url);
    const values = actionValues(await request.formData(), ['slug', ...actionFieldNames]);
    const checked = check(newAction, { slug: values.slug, ...actionInput(values) }, values);
    if (checked.failure) return checked.failure;
    const outcome = await api(fetch, session.accessToken).createAction(checked.data);
    if (!outcome.ok) return fail(outcome.problem.status, { values, errors: problemErrors(outcome.problem) });
    redirect(303, localizeHref(`/actions/${checked.data.slug}`));
  },
};
