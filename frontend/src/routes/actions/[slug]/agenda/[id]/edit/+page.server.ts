import { error } from '@sveltejs/kit';
import { formAction, requireSession } from '#lib/server/forms.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
  requireSession(locals, url);
  const [action, item] = await Promise.all([
    locals.api.read('GET /v1/actions/{slug}', { params }),
    locals.api.read('GET /v1/actions/{slug}/agenda/{id}', { params }),
  ]);
  if (!action.can.runCoalition) error(403, 'Forbidden');
  return { action, item };
};

const consolePage = ({ params }: { params: Record<string, string> }) => `/actions/${params.slug}/console`;

export const actions: Actions = {
  save: formAction('PATCH /v1/actions/{slug}/agenda/{id}', {
    fields: ['kind', 'status', 'title', 'description', 'start', 'end', 'timeZone', 'place', 'onlineUrl', 'language', 'version'],
    trim: true,
    // Fields emptied on purpose are cleared, not left as they were.
    body: ({ values }) => ({
      ...values,
      version: Number(values.version),
      ...Object.fromEntries(['description', 'end', 'place', 'onlineUrl'].filter((name) => values[name] === '').map((name) => [name, null])),
    }),
    done: consolePage,
  }),
  delete: formAction('DELETE /v1/actions/{slug}/agenda/{id}', { done: consolePage }),
};
