// What the platform tells people, as their inbox holds it.
import * as z from 'zod';
import { id, slug, timestamp } from './common.ts';
import { organisationSummary } from './organisations.ts';
import { membershipNotificationKinds, notificationKinds } from './vocabulary.ts';

export const notificationKind = z.enum(notificationKinds);

/** What every notification says: when, in which action, about which organisation; and whether it was read. */
const about = { id, at: timestamp, action: slug, organisation: organisationSummary, read: z.boolean() };
const contributionReference = z.object({ id, title: z.string() });

/** A notification, by its kind. */
export const notification = z.discriminatedUnion('kind', [
  z.object({ ...about, kind: z.enum(membershipNotificationKinds) }),
  z.object({ ...about, kind: z.literal('contribution-hidden'), contribution: contributionReference, reason: z.string() }),
  z.object({ ...about, kind: z.literal('contribution-shown'), contribution: contributionReference }),
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
export type MembershipNotificationKind = (typeof membershipNotificationKinds)[number];
export type Notification = z.infer<typeof notification>;
export type NotificationsRead = z.infer<typeof notificationsRead>;
