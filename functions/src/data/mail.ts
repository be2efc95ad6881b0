// The e-mail queue: each notification e-mailed to one person is queued with its inbox item (in the same transaction, so
// once however often delivery runs), claimed by one sender at a time, and taken off the queue once the mail server
// has it. A sender that dies after claiming leaves the claim to go stale; another sender then takes it.
import type { NotificationContent, SiteLanguage } from '@collective-actions/shared';
import { dynamo, tableName } from './client.ts';
import { keys } from './keys.ts';
import { claim as claimItem, indexPages, release as releaseItem, type Item, type TransactItem } from './toolkit.ts';

export interface QueuedMail {
  personId: string;
  to: string;
  language: SiteLanguage;
  notification: NotificationContent;
}

/** How long a sent mail's record stays, for a look after the fact. */
const keptSeconds = 14 * 24 * 3600;

/** The queue's item of a mail, to write in the transaction of its inbox item. */
export function queuedMailItem(mail: QueuedMail, now: string): TransactItem {
  const eventId = mail.notification.id;
  return {
    Put: {
      TableName: tableName,
      Item: { ...keys.queuedMail(eventId, mail.personId), ...keys.queuedMailListing(eventId, mail.personId), ...mail, queuedAt: now },
    },
  };
}

const mailOf = ({ personId, to, language, notification }: Item): QueuedMail => ({ personId, to, language, notification });

/** The queue, oldest first, a page at a time. */
export async function* queuedPages(): AsyncGenerator<QueuedMail[]> {
  for await (const items of indexPages(keys.queuedMails)) yield items.map(mailOf);
}

/** Takes the mail for this sender, unless another holds a claim that is not stale yet or it was sent: answers whether it did. */
export function claim(mail: QueuedMail, now: Date): Promise<boolean> {
  const [listing] = Object.keys(keys.queuedMailListing(mail.notification.id, mail.personId));
  return claimItem(keys.queuedMail(mail.notification.id, mail.personId), now, { expression: 'attribute_exists(#queued)', names: { '#queued': listing } });
}

/** Takes a sent mail off the queue; its record stays a while, then expires. */
export async function markSent(mail: QueuedMail, messageId: string, now: Date): Promise<void> {
  const listing = Object.keys(keys.queuedMailListing(mail.notification.id, mail.personId));
  await dynamo.update({
    TableName: tableName,
    Key: keys.queuedMail(mail.notification.id, mail.personId),
    UpdateExpression: `SET sentAt = :now, messageId = :messageId, expiration = :expiration REMOVE claimedUntil, ${listing.join(', ')}`,
    ExpressionAttributeValues: { ':now': now.toISOString(), ':messageId': messageId, ':expiration': Math.floor(now.getTime() / 1000) + keptSeconds },
  });
}

/** Gives a claimed mail back at once (its send failed), for the next run to try again. */
export const release = (mail: QueuedMail): Promise<void> => releaseItem(keys.queuedMail(mail.notification.id, mail.personId));
