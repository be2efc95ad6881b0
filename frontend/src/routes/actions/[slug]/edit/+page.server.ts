import { error, fail, redirect } from '@sveltejs/kit';
import { actionChanges } from '@collective-actions/shared';
import { api } from '#lib/api.ts';
import { localizeHref } from '#lib/paraglide/runtime.js';
import { actionFieldNames, actionInput, actionValues } from '#lib/server/action-form.ts';
import { check, problemErrors, requireSession } from '#lib/server/forms.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ fetch, locals, params, url }) => {
  const session = requireSession(locals, url);
  const client = api(fetch, session.accessToken);
  const [action, list] = await Promise.all([client.action(params.slug), client.actions()]);
  if (!action.can.edit) error(403, 'Forbidden');
  return { action, themes: list.themes };
};

export const actions: Actions = {
  default: async ({ request, fetch, locals, params, url }) => {
    const session = requireSession(locals, url);
    const form = await request.formData();
    const values = actionValues(form, [...actionFieldNames, 'version']);
    const checked = check(actionChanges, { version: Number(values.version), ...actionInput(values) }, values);
    if (checked.failure) return checked.failure;
    const outcome = await api(fetch, session.accessToken).updateAction(params.slug, checked.data);
    if (!outcome.ok) return fail(outcome.problem.status, { values, errors: problemErrors(outcome.problem) });
    redirect(303, localizeHref(`/actions/${params.slug}`));
  },
};
