// Each person's settings, and what they mean for the e-mail a notification sends them.
import {
  defaultFrequency,
  notificationKinds,
  type NotificationKind,
  type Settings,
  type SettingsChanges,
  type SiteLanguage,
  type UnsubscribeTopic,
  type Unsubscription,
} from '@collective-actions/shared';
import type { Mailing } from '../data/notifications.ts';
import * as settingsRecords from '../data/settings.ts';
import { isSuppressed } from '../data/suppressions.ts';
import type { Caller } from './caller.ts';
import { now } from './clock.ts';
import { chooseThemes, followedThemes } from './follows.ts';
import { readUnsubscribeToken } from './unsubscribe-tokens.ts';

/** What the platform sends a person: where, in which language and zone, and how often. */
export type MailSettings = Omit<Settings, 'themes'>;

/** A person's settings, as what the platform sends them sees them. */
export async function settingsOf(personId: string): Promise<MailSettings> {
  const stored = await settingsRecords.getSettings(personId);
  const email = stored?.email ?? null;
  return { ...viewOf(stored), emailStopped: email !== null && (await isSuppressed(email)) };
}

const viewOf = (stored: settingsRecords.StoredSettings | undefined): Omit<MailSettings, 'emailStopped'> => ({
  email: stored?.email ?? null,
  language: stored?.language ?? 'en',
  timeZone: stored?.timeZone ?? 'UTC',
  emails: Object.fromEntries(notificationKinds.map((kind) => [kind, stored?.emails[kind] ?? defaultFrequency(kind)])) as Settings['emails'],
  reminders: stored?.reminders ?? false,
});

/** The caller's settings, as their settings page shows them: with the themes they follow. */
export async function getSettings(caller: Caller): Promise<Settings> {
  const [settings, themes] = await Promise.all([settingsOf(caller.id), followedThemes(caller)]);
  return { ...settings, themes };
}

export async function changeSettings(caller: Caller, { themes, ...changes }: SettingsChanges): Promise<Settings> {
  if (themes) await chooseThemes(caller, themes);
  await settingsRecords.changeSettings(caller.id, changes, now());
  return getSettings(caller);
}

/** At sign-in: the verified address the identity provider gives now, and the language the site is read in. */
export const recordSignIn = (caller: Caller, language: SiteLanguage | undefined) =>
  settingsRecords.recordSignIn({ id: caller.id, email: caller.verifiedEmail, steward: caller.steward }, language, now());

/**
 * How a notification of this kind is e-mailed to the person: at once (where, in which language), in one of their
 * digests, or not at all (they want none, or have no verified address).
 */
export async function mailingOf(personId: string, kind: NotificationKind): Promise<Mailing | undefined> {
  const settings = await settingsOf(personId);
  const frequency = settings.emails[kind];
  const to = deliverableAddress(settings);
  if (!to || frequency === 'never') return undefined;
  return frequency === 'immediately' ? { to, language: settings.language } : { digest: frequency };
}

/** Those of these people who asked to be reminded of agenda items, read a few at a time. */
export async function askedForReminders(people: string[]): Promise<string[]> {
  const asked: string[] = [];
  for (let start = 0; start < people.length; start += readsAtOnce) {
    const some = people.slice(start, start + readsAtOnce);
    const settings = await Promise.all(some.map((person) => settingsRecords.getSettings(person)));
    asked.push(...some.filter((_, index) => settings[index]?.reminders));
  }
  return asked;
}

const readsAtOnce = 25;

/** Where the person's e-mail may go: their verified address, unless e-mail to it stopped (it bounced for good, or they marked a mail as spam). */
export const deliverableAddress = (settings: MailSettings): string | undefined => (settings.email && !settings.emailStopped ? settings.email : undefined);

/** The kinds an unsubscribe link turns off: its one kind, or each kind the person has sent in that digest. */
const kindsOf = (about: UnsubscribeTopic, settings: Pick<Settings, 'emails'>): NotificationKind[] =>
  about === 'daily' || about === 'weekly' ? notificationKinds.filter((kind) => settings.emails[kind] === about) : [about];

/** What the link's token would turn off, for the page that asks before it does. */
export async function unsubscription({ token }: { token: string }): Promise<Unsubscription> {
  const { personId, about } = await readUnsubscribeToken(token, new Date(now()));
  return { about, kinds: kindsOf(about, await settingsOf(personId)) };
}

/** Turns off the e-mail the link's token names (once or many times alike): what it turned off. */
export async function unsubscribe({ token }: { token: string }): Promise<Unsubscription> {
  const { personId, about } = await readUnsubscribeToken(token, new Date(now()));
  const kinds = kindsOf(about, await settingsOf(personId));
  if (kinds.length) await settingsRecords.changeSettings(personId, { emails: Object.fromEntries(kinds.map((kind) => [kind, 'never'])) }, now());
  return { about, kinds };
}
