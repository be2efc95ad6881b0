import { error } from '@sveltejs/kit';
import { actionFieldNames, actionInput } from '#lib/server/action-form.ts';
import { formAction, requireSession } from '#lib/server/forms.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
  const session = requireSession(locals, url);
  if (!session.steward) error(403, 'Forbidden');
  return { themes: (await locals.api.read('GET /v1/actions')).themes, formKey: crypto.randomUUID() };
};

export const actions: Actions = {
  default: formAction('POST /v1/actions', {
    fields: ['slug', ...actionFieldNames],
    trim: true,
    body: ({ values }) => ({ slug: values.slug, ...actionInput(values) }),
    done: (_, action) => `/actions/${action.slug}`,
  }),
};
