import { notificationKinds, stewardNotificationKinds } from '@collective-actions/shared/vocabulary';
import { formAction, requireSession } from '#lib/server/forms.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
  const session = requireSession(locals, url);
  const [settings, { themes }] = await Promise.all([locals.api.read('GET /v1/me/settings'), locals.api.read('GET /v1/actions')]);
  // What only stewards are told of, only stewards are asked about.
  const kinds = notificationKinds.filter((kind) => session.steward || !(stewardNotificationKinds as readonly string[]).includes(kind));
  return { settings, themes, kinds, timeZones: Intl.supportedValuesOf('timeZone') };
};

/** What was typed: a text per field, the themes ticked, and whether reminders are. */
type Values = Record<string, string | string[] | boolean>;

export const actions: Actions = {
  default: formAction<'PATCH /v1/me/settings', Values>('PATCH /v1/me/settings', {
    values: (form) => ({
      ...Object.fromEntries(['language', 'timeZone', ...notificationKinds].map((name) => [name, String(form.get(name) ?? '')])),
      // Boxes left unticked are not sent: no theme followed, no reminders.
      themes: form.getAll('themes').map(String),
      reminders: form.get('reminders') === 'on',
    }),
    body: ({ values }) => ({
      language: values.language,
      timeZone: values.timeZone,
      // The kinds the form asked about.
      emails: Object.fromEntries(notificationKinds.filter((kind) => values[kind] !== '').map((kind) => [kind, values[kind]])),
      themes: values.themes,
      reminders: values.reminders,
    }),
    done: () => '/settings',
    flash: 'settings-saved',
  }),
};
