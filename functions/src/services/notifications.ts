// Who is told what: each event's recipients, its delivery from the outbox to their inboxes, and the caller's inbox.
import { NotFound, type Notification, type NotificationsRead } from '@collective-actions/shared';
import * as coalitions from '../data/coalitions.ts';
import * as notifications from '../data/notifications.ts';
import * as people from '../data/people.ts';
import type { Caller } from './caller.ts';
import { now } from './clock.ts';

/**
 * The people an event is for, as its kind says: the admins of the coalition's active leads for a request to join, the
 * organisation's admins for anything else, and the people the event names (a contribution's author); never the person
 * whose act it was.
 */
async function recipientsOf(event: notifications.NotificationEvent): Promise<string[]> {
  const organisations =
    event.kind === 'join-requested'
      ? (await coalitions.listMembers(event.action)).filter((member) => member.status === 'active' && member.role === 'lead').map((member) => member.organisation.id)
      : [event.organisation.id];
  const admins = await Promise.all(organisations.map((id) => people.listAdminIds(id)));
  return [...new Set([...admins.flat(), ...event.people])].filter((person) => person !== event.actor);
}

/** Puts an event in the inbox of each of its recipients, once however often it runs, then takes it off the pending list. */
export async function deliverEvent(event: notifications.NotificationEvent): Promise<number> {
  let delivered = 0;
  for (const person of await recipientsOf(event)) if (await notifications.deliver(person, event)) delivered++;
  await notifications.markDelivered(event.id, new Date(now()));
  return delivered;
}

/** Delivers every pending event, oldest first: what the table's stream does in AWS, as events are written. */
export async function deliverPending(): Promise<number> {
  let delivered = 0;
  for (const event of await notifications.pendingEvents()) delivered += await deliverEvent(event);
  return delivered;
}

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
