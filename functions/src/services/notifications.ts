// The caller's inbox: their notifications, newest first, and marking them read.
import { NotFound, type Notification, type NotificationsRead } from '@collective-actions/shared';
import * as notifications from '../data/notifications.ts';
import type { Caller } from './caller.ts';
import { now } from './clock.ts';

export async function listNotifications(caller: Caller, page: { cursor?: string; limit: number }) {
  const [{ items, next }, unread] = await Promise.all([notifications.listInbox(caller.id, page), notifications.unreadCount(caller.id)]);
  return { items: items.map(({ readAt, ...notification }): Notification => ({ ...notification, read: readAt !== null })), next, unread };
}

/** Marks the notifications named (or all) read; one the caller does not have is a 404 that marks nothing. */
export async function readNotifications(caller: Caller, request: NotificationsRead): Promise<{ unread: number }> {
  let ids: string[];
  if ('all' in request) ids = await notifications.unreadIds(caller.id);
  else {
    ids = [...new Set(request.ids)];
    const missing = await notifications.missingFrom(caller.id, ids);
    if (missing.length) throw new NotFound(`You have no notification ${missing.join(', ')}.`);
  }
  const time = now();
  for (const id of ids) await notifications.markRead(caller.id, id, time);
  return { unread: await notifications.unreadCount(caller.id) };
}
