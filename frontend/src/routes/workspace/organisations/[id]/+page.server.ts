import { fail, redirect } from '@sveltejs/kit';
import countries from 'i18n-iso-countries/index.js';
import { newPerson, organisationChanges } from '@collective-actions/shared';
import { api } from '#lib/api.ts';
import { localizeHref } from '#lib/paraglide/runtime.js';
import { check, formKeyOf, problemErrors, requireSession } from '#lib/server/forms.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ fetch, locals, params, url }) => {
  const session = requireSession(locals, url);
  const client = api(fetch, session.accessToken);
  // Only its people may see who they are (the API answers 403 to anyone else).
  const [organisation, people] = await Promise.all([client.organisation(params.id), client.people(params.id)]);
  return { organisation, people: people.items, countryCodes: Object.keys(countries.getAlpha2Codes()), formKey: crypto.randomUUID() };
};

const here = (id: string) => localizeHref(`/workspace/organisations/${id}`);

export const actions: Actions = {
  update: async ({ request, fetch, locals, params, url }) => {
    const session = requireSession(locals, url);
    const form = await request.formData();
    const values = Object.fromEntries(['name', 'kind', 'country', 'website', 'version'].map((name) => [name, String(form.get(name) ?? '')]));
    const checked = check(organisationChanges, { ...values, version: Number(values.version) }, values);
    if (checked.failure) return checked.failure;
    const outcome = await api(fetch, session.accessToken).updateOrganisation(params.id, checked.data);
    if (!outcome.ok) return fail(outcome.problem.status, { values, errors: problemErrors(outcome.problem) });
    redirect(303, here(params.id));
  },
  addPerson: async ({ request, fetch, locals, params, url }) => {
    const session = requireSession(locals, url);
    const form = await request.formData();
    const values = { email: String(form.get('email') ?? ''), role: String(form.get('role') ?? 'member') };
    const checked = check(newPerson, values, values);
    if (checked.failure) return checked.failure;
    const outcome = await api(fetch, session.accessToken).addPerson(params.id, checked.data, formKeyOf(form));
    if (!outcome.ok) return fail(outcome.problem.status, { values, errors: problemErrors(outcome.problem) });
    redirect(303, here(params.id));
  },
};
