// What the platform tells people, as their inbox holds it.
import * as z from 'zod';
import { agendaTime, timeZone } from './agenda.ts';
import { id, slug, timestamp } from './common.ts';
import { contributionKind } from './contributions.ts';
import { reportReason } from './cooperations.ts';
import { organisationRole, organisationSummary } from './organisations.ts';
import { agendaChanges, cooperationNotificationKinds, membershipNotificationKinds, notificationKinds } from './vocabulary.ts';

export const notificationKind = z.enum(notificationKinds);

/** What every notification says: when, and whether it was read. */
const about = { id, at: timestamp, read: z.boolean() };
/** …and, for most, in which action and about which organisation. */
const inAction = { ...about, action: slug };
const concerning = { ...inAction, organisation: organisationSummary };
const contributionReference = z.object({ id, title: z.string() });
/** An agenda item as it stood when the notification was sent: its start where it happens, and as an instant. */
const agendaReference = z.object({ id, title: z.string(), start: agendaTime, timeZone, startsAt: timestamp });

/** A cooperation, with the side told (the organisation that acted is the notification's `organisation`). */
const cooperationReference = z.object({ id, told: id });

/** A notification, by its kind. */
export const notification = z.discriminatedUnion('kind', [
  z.object({ ...concerning, kind: z.enum(membershipNotificationKinds) }),
  z.object({ ...concerning, kind: z.literal('contribution-added'), contribution: contributionReference }),
  z.object({ ...concerning, kind: z.literal('contribution-hidden'), contribution: contributionReference, reason: z.string() }),
  z.object({ ...concerning, kind: z.literal('contribution-shown'), contribution: contributionReference }),
  /** Of the week's new contributions, how many could answer this one: offers for a request, requests for an offer. */
  z.object({ ...concerning, kind: z.literal('matches-found'), contribution: contributionReference.extend({ kind: contributionKind }), matches: z.int().positive() }),
  z.object({
    ...concerning,
    kind: z.enum(cooperationNotificationKinds),
    cooperation: cooperationReference,
    contribution: contributionReference.extend({ kind: contributionKind }),
  }),
  /** To the stewards: a message of `organisation`'s, in one of the action's cooperation threads, was reported. */
  z.object({ ...concerning, kind: z.literal('message-reported'), report: z.object({ id, reason: reportReason }) }),
  z.object({ ...inAction, kind: z.enum(['agenda-item-added', 'agenda-item-cancelled', 'agenda-item-starting']), agendaItem: agendaReference }),
  z.object({ ...inAction, kind: z.literal('agenda-item-changed'), agendaItem: agendaReference, changes: z.array(z.enum(agendaChanges)).min(1) }),
  z.object({ ...about, kind: z.literal('added-to-organisation'), organisation: organisationSummary, role: organisationRole }),
  z.object({ ...inAction, kind: z.literal('action-created'), theme: slug }),
]);

/** The caller's notifications, newest first, with how many are unread in all. */
export const notificationPage = z.object({
  items: z.array(notification),
  next: z.string().nullable(),
  unread: z.int().nonnegative(),
});

/** Marks some notifications read (by id), or all of them. */
export const notificationsRead = z.union([
  z.strictObject({ ids: z.array(id).min(1, 'must name at least one notification').max(100, 'must name at most 100 notifications') }),
  z.strictObject({ all: z.literal(true, 'must be true, to mark every notification read') }),
]);

export const unreadCount = z.object({ unread: z.int().nonnegative() });

export type NotificationKind = z.infer<typeof notificationKind>;

/** Each member of a union without the keys named (Omit of the union itself would keep only the shared keys). */
export type Without<T, Keys extends PropertyKey> = T extends unknown ? Omit<T, Keys> : never;

/** What a notification says, as its event records it and every copy of it (the inbox's, the mail's, the digest's) keeps it. */
export type NotificationContent = Without<Notification, 'read'>;
export type MembershipNotificationKind = (typeof membershipNotificationKinds)[number];
export type CooperationNotificationKind = (typeof cooperationNotificationKinds)[number];
export type AgendaChange = (typeof agendaChanges)[number];
export type Notification = z.infer<typeof notification>;
export type NotificationsRead = z.infer<typeof notificationsRead>;
