// Each person's settings: the language and time zone of what the platform sends them, and how often it e-mails each
// kind of notification (the inbox always holds them all).
import * as z from 'zod';
import { timeZone } from './agenda.ts';
import { slug } from './common.ts';
import { notificationKind, type NotificationKind } from './notifications.ts';
import { cooperationNotificationKinds, digestFrequencies, emailFrequencies, frequenciesOf, notificationKinds, siteLanguages } from './vocabulary.ts';

export const siteLanguage = z.enum(siteLanguages, { error: `must be one of: ${siteLanguages.join(', ')}` });

/**
 * A coalition's leads hear of a request to join, those who asked for reminders of an agenda item, the two sides of a
 * cooperation of what the other says and does, and stewards of a reported message, at once; everything else comes in a
 * daily digest.
 */
export const defaultFrequency = (kind: NotificationKind): EmailFrequency =>
  kind === 'join-requested' || kind === 'agenda-item-starting' || kind === 'message-reported' || (cooperationNotificationKinds as readonly string[]).includes(kind)
    ? 'immediately'
    : 'daily';

/** The frequency of a kind of notification: one of those it may be e-mailed at. */
const frequencyOf = (kind: NotificationKind) => {
  const allowed = frequenciesOf(kind);
  const note = allowed.length < emailFrequencies.length ? ` (for this kind of notification)` : '';
  return z.enum(allowed as [EmailFrequency, ...EmailFrequency[]], { error: `must be one of: ${allowed.join(', ')}${note}` });
};

/** Each kind of notification, with the schema of its frequency. */
const byKind = <S extends z.ZodType>(schema: (kind: NotificationKind) => S) =>
  Object.fromEntries(notificationKinds.map((kind) => [kind, schema(kind)])) as Record<NotificationKind, S>;

export const settings = z.object({
  /** The person's own verified address, where e-mail goes: shown to them alone. Null until one is verified. */
  email: z.string().nullable(),
  /** Whether e-mail to that address stopped: it could not be delivered, for good, or one of the platform's mails was marked as spam. */
  emailStopped: z.boolean(),
  language: siteLanguage,
  timeZone,
  /** How often each kind of notification is e-mailed. */
  emails: z.object(byKind(frequencyOf)),
  /** Whether the person is reminded of each agenda item of the actions they follow, a day before it starts. */
  reminders: z.boolean(),
  /** The themes the person follows: they are told of each new action in them. */
  themes: z.array(slug),
});

export const settingsChanges = z.strictObject({
  language: siteLanguage.optional(),
  timeZone: timeZone.optional(),
  emails: z.strictObject(byKind((kind) => frequencyOf(kind).optional())).optional(),
  reminders: z.boolean().optional(),
  /** Every theme the person follows from now on (any other they followed, they stop following). */
  themes: z.array(slug).max(100, 'must name at most 100 themes').optional(),
});

/** What the site says of the person when they sign in: the language they are reading it in. */
export const signInQuery = z.strictObject({ language: siteLanguage.optional() });

/** What one unsubscribe link turns off: the e-mail of one kind of notification, or one of the digests. */
export const unsubscribeTopic = z.enum([...notificationKinds, ...digestFrequencies]);

export const unsubscribeQuery = z.strictObject({
  token: z
    .string()
    .min(1)
    .max(1000)
    .meta({ description: "The token of an e-mail's unsubscribe link: signed by the platform, it names the person and what to turn off, and expires" }),
});

/** RFC 8058's one-click unsubscribe, as a mail client sends it: a form with this one field. */
export const oneClickUnsubscribe = z.object({ 'List-Unsubscribe': z.literal('One-Click') });

export const unsubscription = z.object({
  about: unsubscribeTopic,
  /** The kinds of notification whose e-mail it turns off: one kind, or each kind the digest gathers. */
  kinds: z.array(notificationKind),
});

export type SiteLanguage = z.infer<typeof siteLanguage>;
export type EmailFrequency = (typeof emailFrequencies)[number];
export type Settings = z.infer<typeof settings>;
export type SettingsChanges = z.infer<typeof settingsChanges>;
export type DigestFrequency = (typeof digestFrequencies)[number];
export type UnsubscribeTopic = z.infer<typeof unsubscribeTopic>;
export type Unsubscription = z.infer<typeof unsubscription>;
