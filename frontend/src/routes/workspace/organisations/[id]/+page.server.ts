import countries from 'i18n-iso-countries/index.js';
import { titlesBySlug } from '#lib/labels.ts';
import { formAction, requireSession } from '#lib/server/forms.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
  requireSession(locals, url);
  // Only its people may see who they are (the API answers 403 to anyone else).
  const cursor = url.searchParams.get('cursor');
  const [organisation, people, contributions, { actions }, cooperations, blocks] = await Promise.all([
    locals.api.read('GET /v1/organisations/{id}', { params }),
    locals.api.read('GET /v1/organisations/{id}/people', { params }),
    locals.api.read('GET /v1/organisations/{id}/contributions', { params, query: { visibility: 'all', ...(cursor ? { cursor } : {}) } }),
    locals.api.read('GET /v1/actions'),
    locals.api.read('GET /v1/organisations/{id}/cooperations', { params, query: { limit: '100' } }),
    locals.api.read('GET /v1/organisations/{id}/blocks', { params }),
  ]);
  const blocked = new Set(blocks.items.map((block) => block.organisation.id));
  return {
    organisation,
    people: people.items,
    contributions: { items: contributions.items, next: contributions.next, paged: cursor !== null },
    actionTitles: titlesBySlug(actions),
    // Each with the other organisation, and whether it is blocked.
    cooperations: cooperations.items.map((cooperation) => {
      const other = cooperation.proposer.id === params.id ? cooperation.partner : cooperation.proposer;
      return { cooperation, other, blocked: blocked.has(other.id) };
    }),
    blocks: blocks.items,
    countryCodes: Object.keys(countries.getAlpha2Codes()),
    formKey: crypto.randomUUID(),
  };
};

const here = ({ params }: { params: Record<string, string> }) => `/workspace/organisations/${params.id}`;

export const actions: Actions = {
  update: formAction('PATCH /v1/organisations/{id}', {
    fields: ['name', 'kind', 'country', 'website', 'version'],
    body: ({ values }) => ({ ...values, version: Number(values.version) }),
    done: here,
  }),
  block: formAction('PUT /v1/organisations/{id}/blocks/{organisationId}', {
    params: ({ params, form }) => ({ id: params.id, organisationId: String(form.get('organisationId') ?? '') }),
    done: (sending) => `${here(sending)}#blocks`,
  }),
  unblock: formAction('DELETE /v1/organisations/{id}/blocks/{organisationId}', {
    params: ({ params, form }) => ({ id: params.id, organisationId: String(form.get('organisationId') ?? '') }),
    done: (sending) => `${here(sending)}#blocks`,
  }),
  addPerson: formAction('POST /v1/organisations/{id}/people', {
    values: (form) => ({ email: String(form.get('email') ?? ''), role: String(form.get('role') ?? 'member') }),
    body: ({ values }) => values,
    done: here,
  }),
};
