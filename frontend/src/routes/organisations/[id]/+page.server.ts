import { sharedPage } from '#lib/server/cache.ts';
import { api } from '#lib/api.ts';
import { fail, redirect } from '@sveltejs/kit';
import { localizeHref } from '#lib/paraglide/runtime.js';
import { problemErrors, requireSession } from '#lib/server/forms.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ fetch, locals, params, url, setHeaders }) => {
  const token = locals.session?.accessToken;
  if (!token) setHeaders(sharedPage);
  const client = api(fetch, token);
  const [organisation, contributions, history, list] = await Promise.all([
    client.organisation(params.id),
    client.organisationContributions(params.id, url.searchParams),
    client.organisationHistory(params.id),
    client.actions(),
  ]);
  return { organisation, contributions, history: history.items, actions: list.actions, paged: url.searchParams.has('cursor') };
};

export const actions: Actions = {
  verify: async ({ request, fetch, locals, params, url }) => {
    const session = requireSession(locals, url);
    // The version the steward saw: a verification vouches for that identity, not for one changed meanwhile.
    const version = Number((await request.formData()).get('version'));
    const outcome = await api(fetch, session.accessToken).verifyOrganisation(params.id, { version });
    if (!outcome.ok) return fail(outcome.problem.status, { errors: problemErrors(outcome.problem) });
    redirect(303, localizeHref(`/organisations/${params.id}`));
  },
};
