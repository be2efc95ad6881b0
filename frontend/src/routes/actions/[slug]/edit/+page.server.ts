import { error } from '@sveltejs/kit';
import { actionFieldNames, actionInput } from '#lib/server/action-form.ts';
import { formAction, requireSession } from '#lib/server/forms.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
  requireSession(locals, url);
  const [action, list] = await Promise.all([locals.api.read('GET /v1/actions/{slug}', { params }), locals.api.read('GET /v1/actions')]);
  if (!action.can.edit) error(403, 'Forbidden');
  return { action, themes: list.themes };
};

export const actions: Actions = {
  default: formAction('PATCH /v1/actions/{slug}', {
    fields: [...actionFieldNames, 'version'],
    trim: true,
    body: ({ values }) => ({ version: Number(values.version), ...actionInput(values) }),
    done: ({ params }) => `/actions/${params.slug}`,
  }),
};
