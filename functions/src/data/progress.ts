// Progress updates: dated public notes of how a cooperation or a contribution goes, kept in its action's partition and
// listed newest first.
import { monotonicFactory } from 'ulid';
import { Conflict, publicCooperationStatuses, type ProgressUpdate } from '@collective-actions/shared';
import { tableName } from './client.ts';
import { keys } from './keys.ts';
import { itemIsNew } from './table.ts';
import { queryPage, queryPartition, transactWrite, ulidPattern, type Item, type TransactItem } from './toolkit.ts';

const updateIds = monotonicFactory();

const toUpdate = (item: Item): ProgressUpdate => {
  const { id, name, kind, country } = item.organisation;
  return { id: item.id, organisation: { id, name, kind, country }, text: item.text, link: item.link ?? null, at: item.at };
};

/** A new update (its id made here). */
export const newUpdate = (fields: Omit<ProgressUpdate, 'id'>): ProgressUpdate => ({ ...fields, id: updateIds() });

/** What an update is about: a cooperation (stored before contributions had updates: none), or a contribution. */
export type UpdateSubject = 'cooperation' | 'contribution';

/** A new update's item, on what it is about, in the transaction that says it still may have one. */
export const updateItem = (slug: string, subject: { kind: UpdateSubject; id: string }, update: ProgressUpdate, by: string): TransactItem => ({
  Put: {
    TableName: tableName,
    Item: {
      ...keys.progressUpdate(slug, subject.id, update.id),
      ...keys.progressUpdateListing(slug, subject.id, update.id),
      ...update,
      subject: subject.id,
      subjectKind: subject.kind,
      action: slug,
      by,
    },
    ConditionExpression: itemIsNew,
  },
});

/** Posts an update on a cooperation, while both organisations still agree to it (it is public). */
export async function postCooperationUpdate(slug: string, cooperationId: string, update: ProgressUpdate, by: string): Promise<void> {
  await transactWrite(
    [
      {
        ConditionCheck: {
          TableName: tableName,
          Key: keys.cooperation(slug, cooperationId),
          ConditionExpression: `#status IN (${publicCooperationStatuses.map((_, index) => `:status${index}`).join(', ')})`,
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: Object.fromEntries(publicCooperationStatuses.map((status, index) => [`:status${index}`, status])),
        },
      },
      updateItem(slug, { kind: 'cooperation', id: cooperationId }, update, by),
    ],
    [() => new Conflict('Only a cooperation both organisations agreed to has progress updates.')],
  );
}

/** A page of the updates on a cooperation (or a contribution), newest first. */
export async function listUpdates(slug: string, subjectId: string, page: { cursor?: string; limit: number }) {
  const { items, next } = await queryPage({
    ...keys.progressUpdatesOf(slug, subjectId),
    limit: page.limit,
    cursor: page.cursor,
    cursorPattern: ulidPattern,
    tableKeyAt: (id) => keys.progressUpdate(slug, subjectId, id),
    newestFirst: true,
  });
  return { items: items.map(toUpdate), next };
}

/** Every progress update of an action, each with what it is about (for the open-data snapshot). */
export async function allUpdatesOf(slug: string): Promise<Array<ProgressUpdate & { action: string; subject: { kind: UpdateSubject; id: string } }>> {
  return (await queryPartition(keys.actionPartition(slug), keys.progressUpdatePrefix)).map((item) => ({
    ...toUpdate(item),
    action: slug,
    subject: { kind: item.subjectKind ?? 'cooperation', id: item.subject },
  }));
}
