import { sharedPage } from '#lib/server/cache.ts';
import { fail, redirect } from '@sveltejs/kit';
import { hiding } from '@collective-actions/shared';
import { api } from '#lib/api.ts';
import { localizeHref } from '#lib/paraglide/runtime.js';
import { check, problemErrors, requireSession } from '#lib/server/forms.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ fetch, locals, params, setHeaders }) => {
  const token = locals.session?.accessToken;
  if (!token) setHeaders(sharedPage);
  const client = api(fetch, token);
  const [action, contribution] = await Promise.all([client.action(params.slug), client.contribution(params.slug, params.id)]);
  return { action, contribution };
};

export const actions: Actions = {
  hide: async ({ request, fetch, locals, params, url }) => {
    const session = requireSession(locals, url);
    const values = { reason: String((await request.formData()).get('reason') ?? '') };
    const checked = check(hiding, values, values);
    if (checked.failure) return checked.failure;
    const outcome = await api(fetch, session.accessToken).hideContribution(params.slug, params.id, checked.data);
    if (!outcome.ok) return fail(outcome.problem.status, { values, errors: problemErrors(outcome.problem) });
    redirect(303, localizeHref(`/actions/${params.slug}/contributions/${params.id}`));
  },
};
