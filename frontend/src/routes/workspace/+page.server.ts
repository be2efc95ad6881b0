import { fail, redirect } from '@sveltejs/kit';
import countries from 'i18n-iso-countries/index.js';
import { newOrganisation } from '@collective-actions/shared';
import { api } from '#lib/api.ts';
import { localizeHref } from '#lib/paraglide/runtime.js';
import { check, formKeyOf, problemErrors, requireSession } from '#lib/server/forms.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ fetch, locals, url }) => {
  const session = requireSession(locals, url);
  const client = api(fetch, session.accessToken);
  const [me, verifications] = await Promise.all([client.me(), session.steward ? client.verificationQueue() : null]);
  return { me, verifications: verifications?.items ?? null, countryCodes: Object.keys(countries.getAlpha2Codes()), formKey: crypto.randomUUID() };
};

export const actions: Actions = {
  register: async ({ request, fetch, locals, url }) => {
    const session = requireSession(locals, url);
    const form = await request.formData();
    const values = Object.fromEntries(['name', 'kind', 'country', 'website'].map((name) => [name, String(form.get(name) ?? '')]));
    const checked = check(newOrganisation, values, values);
    if (checked.failure) return checked.failure;
    const outcome = await api(fetch, session.accessToken).registerOrganisation(checked.data, formKeyOf(form));
    if (!outcome.ok) return fail(outcome.problem.status, { values, errors: problemErrors(outcome.problem) });
    redirect(303, localizeHref(`/organisations/${outcome.value!.id}`));
  },
};
