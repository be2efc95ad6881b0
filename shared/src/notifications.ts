// What the platform tells people, as their inbox holds it.
import * as z from 'zod';
import { id, slug, timestamp } from './common.ts';
import { organisationSummary } from './organisations.ts';
import { notificationKinds } from './vocabulary.ts';

export const notificationKind = z.enum(notificationKinds);

/** A notification: what happened, to which organisation, in which action's coalition; read or not. */
export const notification = z.object({
  id,
  kind: notificationKind,
  at: timestamp,
  action: slug,
  organisation: organisationSummary,
  read: z.boolean(),
});

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
export type Notification = z.infer<typeof notification>;
export type NotificationsRead = z.infer<typeof notificationsRead>;
