// Notifications: the outbox (what happened, written in the transaction of the change that made it happen) and each
// person's inbox, delivered from it once per recipient however often delivery runs.
import { monotonicFactory } from 'ulid';
import type { DigestFrequency, NotificationContent, Without } from '@collective-actions/shared';
import { dynamo, tableName } from './client.ts';
import { waitingItems } from './digests.ts';
import { keys } from './keys.ts';
import { queuedMailItem, type QueuedMail } from './mail.ts';
import { isKeyAttribute, itemIsNew } from './table.ts';
import { cancellationCodes, getItem, queryIndex, queryPage, ulidPattern, type Item, type TransactItem } from './toolkit.ts';


/** Something that happened, which its notifier tells the people concerned. */
export type NotificationEvent = NotificationContent & {
  /** The person whose act it was: never told of it. */
  actor: string;
  /** People to tell besides those its kind names (a contribution's author); never shown. */
  people: string[];
};

export type StoredNotification = NotificationContent & { readAt: string | null };

/** What an event's item (or an inbox's) holds besides its content. */
const bookkeeping = new Set(['actor', 'people', 'deliveredAt', 'expiration', 'readAt']);

const contentOf = (item: Item) =>
  Object.fromEntries(Object.entries(item).filter(([name]) => !isKeyAttribute(name) && !bookkeeping.has(name))) as NotificationContent;

/** Whose act an event of the platform's own is (a reminder, a notice of matches): nobody's, so nobody is left out of it. */
export const platformActor = 'platform';

const eventIds = monotonicFactory();

/** How long a delivered event stays in the outbox, for a look after the fact: then DynamoDB deletes it. */
const keptSeconds = 14 * 24 * 3600;

/** The outbox item of an event, to write in the transaction of the change it tells of. */
export function outboxItem(event: Without<NotificationEvent, 'id'>): TransactItem {
  const id = eventIds();
  return { Put: { TableName: tableName, Item: { ...keys.outboxEvent(id), ...keys.pendingEventListing(id), ...event, id }, ConditionExpression: itemIsNew } };
}

const eventOf = (item: Item): NotificationEvent => ({ ...contentOf(item), actor: item.actor, people: item.people ?? [] });

/** The event an outbox item's key addresses (as the table's stream names it), if it is still there. */
export async function eventAt(key: Record<string, string>): Promise<NotificationEvent | undefined> {
  const item = await getItem(key, true);
  return item && eventOf(item);
}

/** The events not delivered yet, oldest first. */
export async function pendingEvents(): Promise<NotificationEvent[]> {
  return (await queryIndex(keys.pendingEvents)).map(eventOf);
}

/** Takes a delivered event off the pending list; it stays a while, then expires. */
export async function markDelivered(id: string, now: Date): Promise<void> {
  const listing = Object.keys(keys.pendingEventListing(id));
  await dynamo.update({
    TableName: tableName,
    Key: keys.outboxEvent(id),
    UpdateExpression: `SET deliveredAt = :now, expiration = :expiration REMOVE ${listing.join(', ')}`,
    ExpressionAttributeValues: { ':now': now.toISOString(), ':expiration': Math.floor(now.getTime() / 1000) + keptSeconds },
  });
}

/** How a notification is e-mailed to its recipient: at once (where, in which language), or in one of their digests. */
export type Mailing = Omit<QueuedMail, 'notification' | 'personId'> | { digest: DigestFrequency };

/**
 * Puts an event in a person's inbox and counts it unread, with its e-mail queued or waiting for their digest if one is
 * to be sent, unless it is there already (delivery ran before, and stopped before it was done): answers whether it was
 * put there now.
 */
export async function deliver(personId: string, event: NotificationEvent, now: string, mailing?: Mailing): Promise<boolean> {
  const { actor: _, people: __, ...notification } = event;
  try {
    await dynamo.transactWrite({
      TransactItems: [
        {
          Put: {
            TableName: tableName,
            Item: { ...keys.notification(personId, event.id), ...keys.notificationListing(personId, event.id), ...keys.unreadListing(personId, event.id), ...notification, readAt: null },
            ConditionExpression: itemIsNew,
          },
        },
        { Update: { TableName: tableName, Key: keys.unreadCounter(personId), UpdateExpression: 'ADD unread :one', ExpressionAttributeValues: { ':one': 1 } } },
        ...(!mailing ? [] : 'digest' in mailing ? waitingItems(personId, mailing.digest, notification) : [queuedMailItem({ ...mailing, personId, notification }, now)]),
      ],
    });
    return true;
  } catch (error) {
    if (cancellationCodes(error)?.[0] === 'ConditionalCheckFailed') return false;
    throw error;
  }
}

const notificationOf = (item: Item): StoredNotification => ({ ...contentOf(item), readAt: item.readAt ?? null });

/** A page of a person's notifications, newest first. */
export async function listInbox(personId: string, page: { cursor?: string; limit: number }) {
  const { items, next } = await queryPage({
    ...keys.inbox(personId),
    limit: page.limit,
    cursor: page.cursor,
    cursorPattern: ulidPattern,
    tableKeyAt: (id) => keys.notification(personId, id),
    newestFirst: true,
  });
  return { items: items.map(notificationOf), next };
}

export async function unreadCount(personId: string): Promise<number> {
  return Math.max(0, (await getItem(keys.unreadCounter(personId), true))?.unread ?? 0);
}

/** The ids of a person's unread notifications. */
export async function unreadIds(personId: string): Promise<string[]> {
  return (await queryIndex(keys.unread(personId))).map((item) => item.id);
}

/** Which of the ids name no notification of the person's. */
export async function missingFrom(personId: string, ids: string[]): Promise<string[]> {
  const found = await Promise.all(ids.map((id) => getItem(keys.notification(personId, id), true)));
  return ids.filter((_, index) => !found[index]);
}

/** Marks one of a person's notifications read, unless it is already. */
export async function markRead(personId: string, id: string, now: string): Promise<void> {
  const listing = Object.keys(keys.unreadListing(personId, id));
  try {
    await dynamo.transactWrite({
      TransactItems: [
        {
          Update: {
            TableName: tableName,
            Key: keys.notification(personId, id),
            UpdateExpression: `SET readAt = :now REMOVE ${listing.join(', ')}`,
            ConditionExpression: 'attribute_exists(#unread)',
            ExpressionAttributeNames: { '#unread': listing[0] },
            ExpressionAttributeValues: { ':now': now },
          },
        },
        { Update: { TableName: tableName, Key: keys.unreadCounter(personId), UpdateExpression: 'ADD unread :minus', ExpressionAttributeValues: { ':minus': -1 } } },
      ],
    });
  } catch (error) {
    if (cancellationCodes(error)?.[0] !== 'ConditionalCheckFailed') throw error;
  }
}
