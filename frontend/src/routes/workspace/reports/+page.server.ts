import { isHttpError } from '@sveltejs/kit';
import { reportStatuses } from '@collective-actions/shared/vocabulary';
import { formAction, requireSession } from '#lib/server/forms.ts';
import type { Actions, PageServerLoad } from './$types';

type Status = (typeof reportStatuses)[number];

export const load: PageServerLoad = async ({ locals, url }) => {
  requireSession(locals, url);
  // The stewards' alone (the API answers 403 to anyone else); an unknown status is the open ones.
  const asked = url.searchParams.get('status') ?? '';
  const status: Status = (reportStatuses as readonly string[]).includes(asked) ? (asked as Status) : 'open';
  const cursor = url.searchParams.get('cursor') ?? '';
  const read = (from: string) => locals.api.read('GET /v1/reports', { query: { status, limit: '50', cursor: from } });
  // A spoilt cursor: the queue from its start.
  const page = await read(cursor).catch((failure: unknown) => {
    if (cursor && isHttpError(failure, 400)) return read('');
    throw failure;
  });
  return { status, reports: page.items, next: page.next, formKey: crypto.randomUUID() };
};

export const actions: Actions = {
  decide: formAction('PUT /v1/reports/{id}/decision', {
    fields: ['id', 'decision', 'note'],
    trim: true,
    body: ({ values }) => (values.note ? { decision: values.decision, note: values.note } : { decision: values.decision }),
    params: ({ values }) => ({ id: values.id }),
    done: () => '/workspace/reports',
  }),
};
