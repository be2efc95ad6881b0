import { sharedPage } from '#lib/server/cache.ts';
import { formAction } from '#lib/server/forms.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, setHeaders }) => {
  if (!locals.session) setHeaders(sharedPage);
  const [action, contribution] = await Promise.all([
    locals.api.read('GET /v1/actions/{slug}', { params }),
    locals.api.read('GET /v1/actions/{slug}/contributions/{id}', { params }),
  ]);
  return { action, contribution };
};

export const actions: Actions = {
  hide: formAction('PUT /v1/actions/{slug}/contributions/{id}/hidden', {
    fields: ['reason'],
    body: ({ values }) => values,
    done: ({ params }) => `/actions/${params.slug}/contributions/${params.id}`,
  }),
};
