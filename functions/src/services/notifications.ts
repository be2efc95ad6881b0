// The caller's inbox: their notifications, newest first, and marking them read.
import { ValidationFailed, type Notification, type NotificationsRead } from '@collective-actions/shared';
import * as notifications from '../data/notifications.ts';
import type { Caller } from './caller.ts';
import { now } from './clock.ts';

export async function listNotifications(caller: Caller, page: { cursor?: string; limit: number }) {
  const [{ items, next }, unread] = await Promise.all([notifications.listInbox(caller.id, page), notifications.unreadCount(caller.id)]);
  return { items: items.map(({ readAt, ...notification }): Notification => ({ ...notification, read: readAt !== null })), next, unread };
}

/** Marks the notifications named (or all) read; naming one the caller does not have is a 400 that marks nothing. */
export async function readNotifications(caller: Caller, request: NotificationsRead): Promise<{ unread: number }> {
  let ids: string[];
  if ('all' in request) ids = await notifications.unreadIds(caller.id);
  else {
    ids = [...new Set(request.ids)];
    // As any id a body names: one that is not the caller's is the request's to fix (never "someone else's").
    const missing = new Set(await notifications.missingFrom(caller.id, ids));
    const errors = request.ids.flatMap((id, index) => (missing.has(id) ? [{ pointer: `#/ids/${index}`, detail: 'is not one of your notifications' }] : []));
    if (errors.length) throw new ValidationFailed(errors);
  }
  const time = now();
  for (const id of ids) await notifications.markRead(caller.id, id, time);
  return { unread: await notifications.unreadCount(caller.id) };
}
