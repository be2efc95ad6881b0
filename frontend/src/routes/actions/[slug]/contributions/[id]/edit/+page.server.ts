import { contributionInput, contributionValues } from '#lib/server/contribution-form.ts';
import { formAction, requireSession } from '#lib/server/forms.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
  requireSession(locals, url);
  return { contribution: await locals.api.read('GET /v1/actions/{slug}/contributions/{id}', { params }) };
};

export const actions: Actions = {
  save: formAction('PATCH /v1/actions/{slug}/contributions/{id}', {
    values: (form) => ({ version: String(form.get('version') ?? ''), ...contributionValues(form) }),
    body: ({ values }) => ({ version: Number(values.version), ...contributionInput(values) }),
    done: ({ params }) => `/actions/${params.slug}/contributions/${params.id}`,
  }),
  withdraw: formAction('DELETE /v1/actions/{slug}/contributions/{id}', { done: ({ params }) => `/actions/${params.slug}` }),
};
