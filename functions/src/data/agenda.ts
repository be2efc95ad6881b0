// Agenda items of the coalitions, listed by their start instant per action and across all actions.
import { NotFound, StaleVersion, writtenAddress, type AgendaItem, type AgendaItemChanges } from '@collective-actions/shared';
import { dynamo, isConditionFailure, tableName } from './client.ts';
import { keys } from './keys.ts';
import { indexAttributes, itemExists, itemIsNew } from './table.ts';
import { getItem, queryAll, queryPage, setChanges } from './toolkit.ts';

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

export async function createAgendaItem(item: AgendaItem): Promise<void> {
  await dynamo.put({
    TableName: tableName,
    Item: {
      ...keys.agendaItem(item.action, item.id),
      ...keys.agendaListing(item.action, item.startsAt, item.id),
      ...keys.agendaChange(item.action, item.id, item.createdAt),
      ...item,
    },
    ConditionExpression: itemIsNew,
  });
}

export async function getAgendaItem(slug: string, id: string, consistent = false): Promise<AgendaItem | undefined> {
  const item = await getItem(keys.agendaItem(slug, id), consistent);
  return item && toAgendaItem(item);
}

export async function updateAgendaItem(
  slug: string,
  id: string,
  changes: AgendaItemChanges,
  instants: Pick<AgendaItem, 'startsAt' | 'endsAt'>,
  now: string,
): Promise<AgendaItem> {
  const update = setChanges({ ...changes, ...instants }, now, keys.agendaListing(slug, instants.startsAt, id));
  try {
    const output = await dynamo.update({
      TableName: tableName,
      Key: keys.agendaItem(slug, id),
      ...update,
      ConditionExpression: `${itemExists} AND #version = :expected`,
      ReturnValues: 'ALL_NEW',
      ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
    });
    return toAgendaItem(output.Attributes!);
  } catch (error) {
    if (!isConditionFailure(error)) throw error;
    if (!error.Item) throw new NotFound(`There is no agenda item ${id} on "${slug}".`);
    throw new StaleVersion('agenda item');
  }
}

export async function deleteAgendaItem(slug: string, id: string): Promise<void> {
  try {
    await dynamo.delete({ TableName: tableName, Key: keys.agendaItem(slug, id), ConditionExpression: itemExists });
  } catch (error) {
    if (isConditionFailure(error)) throw new NotFound(`There is no agenda item ${id} on "${slug}".`);
    throw error;
  }
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
