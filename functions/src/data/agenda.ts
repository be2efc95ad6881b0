// Agenda items of the coalitions, listed by their start instant per action and across all actions.
import { StaleVersion, writtenAddress, type AgendaChange, type AgendaItem, type AgendaItemChanges } from '@collective-actions/shared';
import { tableName } from './client.ts';
import { keys } from './keys.ts';
import { outboxItem } from './notifications.ts';
import { indexAttributes, itemIsNew } from './table.ts';
import { getItem, queryAll, queryIndexBetween, queryPage, setChanges, transactWrite, type TransactItem } from './toolkit.ts';

type Item = Record<string, any>;

export const toAgendaItem = (item: Item): AgendaItem => ({
  id: item.id,
  action: item.action,
  kind: item.kind,
  title: item.title,
  description: item.description ?? null,
  start: item.start,
  end: item.end ?? null,
  timeZone: item.timeZone,
  place: item.place ?? null,
  onlineUrl: item.onlineUrl ? writtenAddress(item.onlineUrl) : null,
  status: item.status,
  language: item.language,
  startsAt: item.startsAt,
  endsAt: item.endsAt ?? null,
  version: item.version,
  createdAt: item.createdAt,
  updatedAt: item.updatedAt,
});

/** What the action's followers are told of a change to its agenda, and who made it. */
export type AgendaNotice = { by: string } & ({ kind: 'agenda-item-added' | 'agenda-item-cancelled' } | { kind: 'agenda-item-changed'; changes: AgendaChange[] });

/** What a notification says of an agenda item: as it stood when told. */
export const agendaReference = (item: AgendaItem) => ({ id: item.id, title: item.title, start: item.start, timeZone: item.timeZone, startsAt: item.startsAt });

/** The outbox item of a notice (none without one), as the item stands after the change. */
const noticeItems = (item: AgendaItem, notice: AgendaNotice | undefined, at: string): TransactItem[] => {
  if (!notice) return [];
  const { by, ...told } = notice;
  return [outboxItem({ ...told, at, actor: by, people: [], action: item.action, agendaItem: agendaReference(item) })];
};

export async function createAgendaItem(item: AgendaItem, notice?: AgendaNotice): Promise<void> {
  await transactWrite([
    {
      Put: {
        TableName: tableName,
        Item: {
          ...keys.agendaItem(item.action, item.id),
          ...keys.agendaListing(item.action, item.startsAt, item.id),
          ...keys.agendaChange(item.action, item.id, item.createdAt),
          ...item,
        },
        ConditionExpression: itemIsNew,
      },
    },
    ...noticeItems(item, notice, item.createdAt),
  ]);
}

export async function getAgendaItem(slug: string, id: string, consistent = false): Promise<AgendaItem | undefined> {
  const item = await getItem(keys.agendaItem(slug, id), consistent);
  return item && toAgendaItem(item);
}

/** Writes the changes over the item as it was read (the version it had, which the changes name), with a notice if any. */
export async function updateAgendaItem(
  current: AgendaItem,
  changes: AgendaItemChanges,
  instants: Pick<AgendaItem, 'startsAt' | 'endsAt'>,
  now: string,
  notice?: AgendaNotice,
): Promise<AgendaItem> {
  const { version: _, ...fields } = changes;
  const next: AgendaItem = { ...current, ...fields, ...instants, version: current.version + 1, updatedAt: now };
  const update = setChanges({ ...changes, ...instants }, now, keys.agendaListing(current.action, instants.startsAt, current.id));
  await transactWrite(
    [
      { Update: { TableName: tableName, Key: keys.agendaItem(current.action, current.id), ...update, ConditionExpression: '#version = :expected' } },
      ...noticeItems(next, notice, now),
    ],
    [() => new StaleVersion('agenda item')],
  );
  return next;
}

/** Deletes the item as it was read: fails with WriteRaced if it changed since. */
export async function deleteAgendaItem(current: AgendaItem, now: string, notice?: AgendaNotice): Promise<void> {
  await transactWrite([
    {
      Delete: {
        TableName: tableName,
        Key: keys.agendaItem(current.action, current.id),
        ConditionExpression: '#version = :version',
        ExpressionAttributeNames: { '#version': 'version' },
        ExpressionAttributeValues: { ':version': current.version },
      },
    },
    ...noticeItems(current, notice, now),
  ]);
}

/** Sort-key bounds for instants: every key at an instant is "<instant>#<id>#<slug>", so `to` takes the whole instant. */
const rangeOf = (from?: string, to?: string) => ({ from, to: to && `${to}#~` });

const sourceOf = (slug: string | undefined) => (slug ? keys.agendaOfAction(slug) : keys.agenda);

export async function listAgenda(slug: string | undefined, query: { from?: string; to?: string; cursor?: string; limit: number }) {
  const page = await queryPage({
    ...sourceOf(slug),
    range: rangeOf(query.from, query.to),
    limit: query.limit,
    cursor: query.cursor,
    cursorPattern: /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z#[0-9A-HJKMNP-TV-Z]{26}#[a-z0-9-]{1,80}$/,
    tableKeyAt: keys.agendaItemAt,
  });
  return { items: page.items.map(toAgendaItem), next: page.next };
}

/** An item's place in the agenda of all actions: by its start, then its id. */
export const agendaPosition = (item: AgendaItem) => keys.agendaPlace(item.action, item.startsAt, item.id);

/** The place after every item that starts at or before an instant. */
export const agendaPositionAfter = (instant: string) => rangeOf(undefined, instant).to!;

/** The items of every action after a place in the agenda (not the item at it), up to a place, in order. */
export async function agendaBetween(after: string, until: string): Promise<AgendaItem[]> {
  const { sortKey } = indexAttributes(keys.agenda.index);
  return (await queryIndexBetween(keys.agenda, after, until)).filter((item) => item[sortKey] !== after).map(toAgendaItem);
}

/** Every item (from an instant on, if given), for a calendar feed. */
export async function agendaFrom(slug: string | undefined, from?: string): Promise<AgendaItem[]> {
  const { index, partition } = sourceOf(slug);
  const items = await queryAll({
    IndexName: index,
    KeyConditionExpression: `#pk = :pk${from ? ' AND #sk >= :from' : ''}`,
    ExpressionAttributeNames: { '#pk': indexAttributes(index).partitionKey, ...(from ? { '#sk': indexAttributes(index).sortKey } : {}) },
    ExpressionAttributeValues: { ':pk': partition, ...(from ? { ':from': from } : {}) },
  });
  return items.map(toAgendaItem);
}
