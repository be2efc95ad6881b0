import countries from 'i18n-iso-countries/index.js';
import { formAction, requireSession } from '#lib/server/forms.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
  requireSession(locals, url);
  // Only its people may see who they are (the API answers 403 to anyone else).
  const [organisation, people] = await Promise.all([
    locals.api.read('GET /v1/organisations/{id}', { params }),
    locals.api.read('GET /v1/organisations/{id}/people', { params }),
  ]);
  return { organisation, people: people.items, countryCodes: Object.keys(countries.getAlpha2Codes()), formKey: crypto.randomUUID() };
};

const here = ({ params }: { params: Record<string, string> }) => `/workspace/organisations/${params.id}`;

export const actions: Actions = {
  update: formAction('PATCH /v1/organisations/{id}', {
    fields: ['name', 'kind', 'country', 'website', 'version'],
    body: ({ values }) => ({ ...values, version: Number(values.version) }),
    done: here,
  }),
  addPerson: formAction('POST /v1/organisations/{id}/people', {
    values: (form) => ({ email: String(form.get('email') ?? ''), role: String(form.get('role') ?? 'member') }),
    body: ({ values }) => values,
    done: here,
  }),
};
