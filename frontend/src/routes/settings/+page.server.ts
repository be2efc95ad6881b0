import { notificationKinds } from '@collective-actions/shared/vocabulary';
import { formAction, requireSession } from '#lib/server/forms.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
  requireSession(locals, url);
  return { settings: await locals.api.read('GET /v1/me/settings'), timeZones: Intl.supportedValuesOf('timeZone'), saved: url.searchParams.has('saved') };
};

export const actions: Actions = {
  default: formAction('PATCH /v1/me/settings', {
    values: (form) => Object.fromEntries(['language', 'timeZone', ...notificationKinds].map((name) => [name, String(form.get(name) ?? '')])),
    body: ({ values }) => ({
      language: values.language,
      timeZone: values.timeZone,
      emails: Object.fromEntries(notificationKinds.map((kind) => [kind, values[kind]])),
    }),
    done: () => '/settings?saved',
  }),
};
