import { titlesBySlug } from '#lib/labels.ts';
import { formAction, requireSession } from '#lib/server/forms.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
  requireSession(locals, url);
  const cursor = url.searchParams.get('cursor');
  const [notifications, { actions }] = await Promise.all([
    locals.api.read('GET /v1/me/notifications', { query: { limit: '20', ...(cursor ? { cursor } : {}) } }),
    locals.api.read('GET /v1/actions'),
  ]);
  // Each notification names its action by slug: the page says its title.
  return { notifications, titles: titlesBySlug(actions) };
};

export const actions: Actions = {
  read: formAction('POST /v1/me/notifications/read', {
    values: (form) => ({ id: String(form.get('id') ?? '') }),
    body: ({ values }) => ({ ids: [values.id] }),
    done: () => '/notifications',
  }),
  readAll: formAction('POST /v1/me/notifications/read', {
    body: () => ({ all: true }),
    done: () => '/notifications',
  }),
};
