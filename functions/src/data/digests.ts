// The digests: each notification a person wants in a daily or weekly digest waits for it (written with its inbox item,
// in the same transaction, so once however often delivery runs), and each person's digest of a frequency counts what
// waits and records up to when it was sent. A digest is claimed by one sender at a time, as a queued mail is.
import type { DigestFrequency, NotificationContent } from '@collective-actions/shared';
import { dynamo, isConditionFailure, tableName } from './client.ts';
import { keys } from './keys.ts';
import { claim as claimItem, getItem, indexPages, queryAll, release as releaseItem, type Item, type TransactItem } from './toolkit.ts';
import { tableDefinition } from './table.ts';

/** Deletions per transaction, beside the digest's own update (DynamoDB takes 100 items in one). */
const deletionsAtOnce = 99;

/** The items that make a notification wait for the person's digest, to write in the transaction of its inbox item. */
export function waitingItems(personId: string, frequency: DigestFrequency, notification: NotificationContent): TransactItem[] {
  return [
    { Put: { TableName: tableName, Item: { ...keys.digestItem(personId, frequency, notification.at, notification.id), notification } } },
    {
      Update: {
        TableName: tableName,
        Key: keys.digest(personId, frequency),
        UpdateExpression: 'ADD waiting :one SET #pk = :pk, #sk = :sk',
        ExpressionAttributeNames: listingNames,
        ExpressionAttributeValues: { ':one': 1, ...listingValues(personId, frequency) },
      },
    },
  ];
}

const [listingPartition, listingSort] = Object.keys(keys.digestListing('', 'daily'));
const listingNames = { '#pk': listingPartition, '#sk': listingSort };
const listingValues = (personId: string, frequency: DigestFrequency) => {
  const listing = keys.digestListing(personId, frequency) as Record<string, string>;
  return { ':pk': listing[listingPartition], ':sk': listing[listingSort] };
};

/** The people with notifications waiting for their digest of the frequency, a page at a time. */
export async function* peopleWaiting(frequency: DigestFrequency): AsyncGenerator<string[]> {
  for await (const items of indexPages(keys.digestsWaiting(frequency))) yield items.map((item) => item[listingSort] as string);
}

/** How many notifications the person's digest of the frequency counts as waiting. */
export async function waitingCount(personId: string, frequency: DigestFrequency): Promise<number> {
  return (await getItem(keys.digest(personId, frequency), true))?.waiting ?? 0;
}

/** Up to when the person's digest was sent last, if ever. */
export async function sentUntil(personId: string, frequency: DigestFrequency): Promise<string | undefined> {
  return (await getItem(keys.digest(personId, frequency), true))?.sentUntil;
}

export interface WaitingNotification {
  at: string;
  notification: NotificationContent;
}

/** What waits for the person's digest from before `until`, oldest first. */
export async function waitingBefore(personId: string, frequency: DigestFrequency, until: string): Promise<WaitingNotification[]> {
  const items = await queryAll({
    KeyConditionExpression: '#pk = :pk AND #sk < :until',
    ExpressionAttributeNames: { '#pk': tableDefinition.partitionKey, '#sk': tableDefinition.sortKey },
    ExpressionAttributeValues: { ':pk': keys.digestItemsPartition(personId, frequency), ':until': until },
    ConsistentRead: true,
  });
  return items.map((item: Item) => ({ at: item.notification.at, notification: item.notification }));
}

/** Takes the person's digest for this sender, unless another holds a claim that is not stale yet: answers whether it did. */
export const claim = (personId: string, frequency: DigestFrequency, now: Date): Promise<boolean> => claimItem(keys.digest(personId, frequency), now);

/** Gives a claimed digest back at once (its send failed), for the next run to try again. */
export const release = (personId: string, frequency: DigestFrequency): Promise<void> => releaseItem(keys.digest(personId, frequency));

/**
 * Records a digest as sent up to `until` (or as having nothing to send): its notifications stop waiting, and the
 * person is no longer listed once nothing else waits (a notification delivered meanwhile lists them again).
 */
export async function markSent(personId: string, frequency: DigestFrequency, until: string, sent: WaitingNotification[]): Promise<void> {
  const key = keys.digest(personId, frequency);
  for (let start = 0; start < sent.length || start === 0; start += deletionsAtOnce) {
    const chunk = sent.slice(start, start + deletionsAtOnce);
    const last = start + deletionsAtOnce >= sent.length;
    await dynamo.transactWrite({
      TransactItems: [
        ...chunk.map(({ notification }) => ({ Delete: { TableName: tableName, Key: keys.digestItem(personId, frequency, notification.at, notification.id) } })),
        {
          Update: {
            TableName: tableName,
            Key: key,
            UpdateExpression: last ? 'ADD waiting :minus SET sentUntil = :until REMOVE claimedUntil' : 'ADD waiting :minus',
            ExpressionAttributeValues: { ':minus': -chunk.length, ...(last ? { ':until': until } : {}) },
          },
        },
      ],
    });
  }
  try {
    await dynamo.update({
      TableName: tableName,
      Key: key,
      UpdateExpression: 'REMOVE #pk, #sk',
      ConditionExpression: 'waiting <= :none',
      ExpressionAttributeNames: listingNames,
      ExpressionAttributeValues: { ':none': 0 },
    });
  } catch (error) {
    if (!isConditionFailure(error)) throw error;
  }
}
