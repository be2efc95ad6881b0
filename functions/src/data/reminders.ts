// Reminders of agenda items, a day before they start: each run writes the reminders of the items it reached to the
// outbox, with how far in the agenda it went, in one transaction, so each item's reminder is written once.
import type { AgendaItem } from '@collective-actions/shared';
import { tableName } from './client.ts';
import { agendaReference } from './agenda.ts';
import { keys } from './keys.ts';
import { outboxItem, platformActor } from './notifications.ts';
import { itemIsNew } from './table.ts';
import { getItem, transactWrite, WriteRaced } from './toolkit.ts';

/** How far the reminders have been written: a place in the agenda of all actions (`agendaPosition`), if ever. */
export async function remindersWrittenUntil(): Promise<string | undefined> {
  return (await getItem(keys.remindersWritten, true))?.until;
}

/** How many items one transaction reminds of (with the record of how far it went, within DynamoDB's 100). */
export const remindersAtOnce = 99;

/**
 * Writes the reminders of these items (at most `remindersAtOnce`), and that the reminders now go `until` this place,
 * if they went as far as `from` (nowhere yet, when undefined): fails with WriteRaced when another run got there first.
 */
export async function writeReminders(items: AgendaItem[], from: string | undefined, until: string, at: string): Promise<void> {
  await transactWrite(
    [
      {
        Put: {
          TableName: tableName,
          Item: { ...keys.remindersWritten, until, at },
          ConditionExpression: from === undefined ? itemIsNew : '#until = :from',
          ExpressionAttributeNames: from === undefined ? undefined : { '#until': 'until' },
          ExpressionAttributeValues: from === undefined ? undefined : { ':from': from },
        },
      },
      ...items.map((item) => outboxItem({ kind: 'agenda-item-starting', at, actor: platformActor, people: [], action: item.action, agendaItem: agendaReference(item) })),
    ],
    [() => new WriteRaced('another run wrote these reminders')],
  );
}
