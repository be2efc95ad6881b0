import { isHttpError } from '@sveltejs/kit';
import { isPublicStatus } from '@collective-actions/shared';
import { sharedPage } from '#lib/server/cache.ts';
import { formAction } from '#lib/server/forms.ts';
import type { Actions, PageServerLoad } from './$types';

/** How many of the newest messages the page shows at once. */
const messagesShown = '50';

export const load: PageServerLoad = async ({ locals, params, url, setHeaders }) => {
  if (!locals.session) setHeaders(sharedPage);
  const [action, cooperation] = await Promise.all([
    locals.api.read('GET /v1/actions/{slug}', { params }),
    locals.api.read('GET /v1/actions/{slug}/cooperations/{id}', { params }),
  ]);
  // The thread is the two organisations' alone; older messages a page further on (from the newest, if the address is spoilt).
  const before = url.searchParams.get('before') ?? '';
  const readThread = (cursor: string) => locals.api.read('GET /v1/actions/{slug}/cooperations/{id}/messages', { params, query: { limit: messagesShown, cursor } });
  const updates = isPublicStatus(cooperation.status) ? await locals.api.read('GET /v1/actions/{slug}/cooperations/{id}/updates', { params, query: { limit: '50' } }) : null;
  const thread = cooperation.can.read
    ? await readThread(before).catch((failure: unknown) => {
        if (before && isHttpError(failure, 400)) return readThread('');
        throw failure;
      })
    : null;
  return {
    action,
    cooperation,
    updates: updates?.items ?? null,
    // Oldest first, as a conversation reads.
    messages: thread ? thread.items.toReversed() : [],
    older: thread?.next ?? null,
    paged: Boolean(before),
    editing: url.searchParams.get('edit'),
    reporting: url.searchParams.get('report'),
    formKey: crypto.randomUUID(),
  };
};

const here = ({ params }: { params: Record<string, string> }) => `/actions/${params.slug}/cooperations/${params.id}`;

export const actions: Actions = {
  write: formAction('POST /v1/actions/{slug}/cooperations/{id}/messages', {
    fields: ['text'],
    body: ({ values }) => values,
    done: (sending, message) => `${here(sending)}#message-${message.id}`,
  }),
  edit: formAction('PATCH /v1/actions/{slug}/cooperations/{id}/messages/{messageId}', {
    fields: ['text', 'messageId'],
    body: ({ values }) => ({ text: values.text }),
    params: ({ params, values }) => ({ slug: params.slug, id: params.id, messageId: values.messageId }),
    done: (sending, message) => `${here(sending)}#message-${message.id}`,
  }),
  report: formAction('POST /v1/actions/{slug}/cooperations/{id}/messages/{messageId}/report', {
    fields: ['reportReason', 'note', 'messageId'],
    trim: true,
    body: ({ values }) => (values.note ? { reason: values.reportReason, note: values.note } : { reason: values.reportReason }),
    renamed: { reason: 'reportReason' },
    params: ({ params, values }) => ({ slug: params.slug, id: params.id, messageId: values.messageId }),
    done: (sending, message) => `${here(sending)}#message-${message.id}`,
  }),
  accept: formAction('PUT /v1/actions/{slug}/cooperations/{id}/acceptances/{organisationId}', {
    params: ({ params, form }) => ({ slug: params.slug, id: params.id, organisationId: String(form.get('organisationId') ?? '') }),
    done: here,
  }),
  update: formAction('POST /v1/actions/{slug}/cooperations/{id}/updates', {
    fields: ['update', 'link'],
    trim: true,
    body: ({ values }) => ({ text: values.update, link: values.link }),
    renamed: { text: 'update' },
    done: (sending) => `${here(sending)}#updates`,
  }),
  status: formAction('PUT /v1/actions/{slug}/cooperations/{id}/status', {
    fields: ['status', 'reason'],
    trim: true,
    body: ({ values }) => (values.reason ? values : { status: values.status }),
    done: here,
  }),
};
