// The DynamoDB toolkit every entity module shares: pages and cursors, whole queries, transactions' failures explained,
// update expressions. It knows the table's shape (table.ts), never an entity's keys (keys.ts).
import type { QueryCommandInput, TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { BadRequest } from '@collective-actions/shared';
import { cancellationReasonsOf, dynamo, isConditionFailure, tableName } from './client.ts';
import { indexAttributes, indexKey, tableDefinition, type IndexName } from './table.ts';

export type Item = Record<string, any>;
export type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

/** A write lost a race with another one; re-read and try again. */
export class WriteRaced extends Error {}

const encodeCursor = (after: string) => Buffer.from(JSON.stringify({ after }), 'utf8').toString('base64url');

function decodeCursor(cursor: string, valid: RegExp): string {
  try {
    const { after } = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (typeof after === 'string' && valid.test(after)) return after;
  } catch {
    // falls through to the same answer as a well-formed cursor of another list
  }
  throw new BadRequest('The cursor is not valid: pass the `next` value of the previous page unchanged.');
}

interface PageSpec {
  index: IndexName;
  partition: string;
  /** Bounds on the index's sort key, both inclusive. */
  range?: { from?: string; to?: string };
  /** Attributes tested after the key condition, for filters no index covers. */
  filter?: { expression: string; names: Record<string, string>; values: Record<string, unknown> };
  limit: number;
  cursor?: string;
  /** What a valid cursor position looks like (the index's sort key). */
  cursorPattern: RegExp;
  /** The table key of the item at a sort key position, which DynamoDB needs to resume an index query. */
  tableKeyAt: (sortKey: string) => Record<string, string>;
  newestFirst?: boolean;
}

// A filtered page reads at most this many index items, so a rare filter never reads the whole list.
const maxItemsReadPerPage = 500;

export async function queryPage(spec: PageSpec): Promise<{ items: Item[]; next: string | null }> {
  const { partitionKey: pk, sortKey: sk } = indexAttributes(spec.index);
  const { from, to } = spec.range ?? {};
  // A range that ends before it starts holds nothing (DynamoDB refuses such a BETWEEN rather than answer it).
  if (from && to && from > to) return { items: [], next: null };
  const rangeCondition = from && to ? ' AND #sk BETWEEN :from AND :to' : from ? ' AND #sk >= :from' : to ? ' AND #sk <= :to' : '';
  const startKeyAt = (sortKey: string) => ({ ...spec.tableKeyAt(sortKey), ...indexKey(spec, sortKey) });
  let exclusiveStartKey = spec.cursor ? startKeyAt(decodeCursor(spec.cursor, spec.cursorPattern)) : undefined;
  const items: Item[] = [];
  let read = 0;
  // One more than the page, so `next` is null exactly on the last page.
  const wanted = spec.limit + 1;
  do {
    const output = await dynamo.query({
      TableName: tableName,
      IndexName: spec.index,
      KeyConditionExpression: `#pk = :pk${rangeCondition}`,
      FilterExpression: spec.filter?.expression,
      ExpressionAttributeNames: { '#pk': pk, ...(rangeCondition ? { '#sk': sk } : {}), ...spec.filter?.names },
      ExpressionAttributeValues: {
        ':pk': spec.partition,
        ...(from ? { ':from': from } : {}),
        ...(to ? { ':to': to } : {}),
        ...spec.filter?.values,
      },
      ScanIndexForward: !spec.newestFirst,
      Limit: spec.filter ? Math.min(100, maxItemsReadPerPage - read) : wanted - items.length,
      ExclusiveStartKey: exclusiveStartKey,
    });
    items.push(...(output.Items ?? []));
    read += output.ScannedCount ?? 0;
    exclusiveStartKey = output.LastEvaluatedKey as typeof exclusiveStartKey;
    if (items.length >= wanted) {
      return { items: items.slice(0, spec.limit), next: encodeCursor(items[spec.limit - 1][sk]) };
    }
  } while (exclusiveStartKey && read < maxItemsReadPerPage);
  // The read budget ran out before the page filled: the next page resumes after the last item read.
  return { items, next: exclusiveStartKey ? encodeCursor(exclusiveStartKey[sk]) : null };
}

/** A query's results a page (of DynamoDB's) at a time, for work that need not hold them all. */
export async function* queryPages(input: Omit<QueryCommandInput, 'TableName' | 'ExclusiveStartKey'>): AsyncGenerator<Item[]> {
  let exclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const output = await dynamo.query({ ...input, TableName: tableName, ExclusiveStartKey: exclusiveStartKey });
    yield output.Items ?? [];
    exclusiveStartKey = output.LastEvaluatedKey;
  } while (exclusiveStartKey);
}

export async function queryAll(input: Omit<QueryCommandInput, 'TableName' | 'ExclusiveStartKey'>): Promise<Item[]> {
  const items: Item[] = [];
  for await (const page of queryPages(input)) items.push(...page);
  return items;
}

/** The query of a whole index partition. */
const indexQuery = ({ index, partition }: { index: IndexName; partition: string }) => ({
  IndexName: index,
  KeyConditionExpression: '#pk = :pk',
  ExpressionAttributeNames: { '#pk': indexAttributes(index).partitionKey },
  ExpressionAttributeValues: { ':pk': partition },
});

export const queryIndex = (source: { index: IndexName; partition: string }) => queryAll(indexQuery(source));

export const indexPages = (source: { index: IndexName; partition: string }) => queryPages(indexQuery(source));

/** Every item of an index partition whose sort key is from `from` to `until`, both included. */
export const queryIndexBetween = ({ index, partition }: { index: IndexName; partition: string }, from: string, until: string) =>
  queryAll({
    IndexName: index,
    KeyConditionExpression: '#pk = :pk AND #sk BETWEEN :from AND :until',
    ExpressionAttributeNames: { '#pk': indexAttributes(index).partitionKey, '#sk': indexAttributes(index).sortKey },
    ExpressionAttributeValues: { ':pk': partition, ':from': from, ':until': until },
  });

/** Every item of a table partition, or those whose sort key starts with `prefix`, that pass the filter if any. */
export function queryPartition(
  partition: string,
  prefix?: string,
  filter?: { expression: string; names?: Record<string, string>; values?: Record<string, unknown> },
): Promise<Item[]> {
  return queryAll({
    KeyConditionExpression: prefix ? '#pk = :pk AND begins_with(#sk, :prefix)' : '#pk = :pk',
    FilterExpression: filter?.expression,
    ExpressionAttributeNames: { '#pk': tableDefinition.partitionKey, ...(prefix ? { '#sk': tableDefinition.sortKey } : {}), ...filter?.names },
    ExpressionAttributeValues: { ':pk': partition, ...(prefix ? { ':prefix': prefix } : {}), ...filter?.values },
  });
}

export async function getItem(key: Record<string, string>, consistent = false): Promise<Item | undefined> {
  const output = await dynamo.get({ TableName: tableName, Key: key, ConsistentRead: consistent });
  return output.Item;
}

/** The items at these keys (those that exist, in no particular order): a hundred keys a request, as DynamoDB allows. */
export async function getItems(itemKeys: Array<Record<string, string>>): Promise<Item[]> {
  const found: Item[] = [];
  for (let start = 0; start < itemKeys.length; start += 100) {
    let request: Record<string, any> | undefined = { [tableName]: { Keys: itemKeys.slice(start, start + 100) } };
    // What DynamoDB left unread (under load) is asked for again.
    while (request && Object.keys(request).length > 0) {
      const output = await dynamo.batchGet({ RequestItems: request });
      found.push(...(output.Responses?.[tableName] ?? []));
      request = output.UnprocessedKeys;
    }
  }
  return found;
}

/** The codes of a cancelled transaction, one per item, or undefined for any other error. */
export function cancellationCodes(error: unknown): string[] | undefined {
  return cancellationReasonsOf(error)?.map((reason) => reason.Code ?? 'None');
}

/** Turns a cancelled transaction into the error of the first item that explains it. */
function explainCancellation(error: unknown, explanations: Array<(() => Error) | undefined>): never {
  const codes = cancellationCodes(error);
  if (!codes) throw error;
  if (codes.includes('TransactionConflict')) throw new WriteRaced('transaction conflict');
  const failed = codes.findIndex((code) => code === 'ConditionalCheckFailed');
  throw explanations[failed]?.() ?? new WriteRaced(`condition ${failed} failed`);
}

/**
 * Writes the items in one transaction. A cancelled one fails with the error its first failed item's explanation gives
 * (WriteRaced when it has none, or when another transaction got in the way), for the caller to retry or answer.
 */
export async function transactWrite(items: TransactItem[], explanations: Array<(() => Error) | undefined> = []): Promise<void> {
  try {
    await dynamo.transactWrite({ TransactItems: items });
  } catch (error) {
    explainCancellation(error, explanations);
  }
}

export const ulidPattern = /^[0-9A-HJKMNP-TV-Z]{26}$/;

/** Builds `SET a = :a, …` for the given changes, plus the version and timestamp every edit bumps. */
export function setChanges(changes: Record<string, unknown>, now: string, extra: Record<string, unknown> = {}) {
  const { version, ...fields } = changes;
  const all = { ...fields, ...extra, updatedAt: now };
  const names: Record<string, string> = { '#version': 'version' };
  const values: Record<string, unknown> = { ':expected': version, ':one': 1 };
  const assignments = Object.entries(all)
    .filter(([, value]) => value !== undefined)
    .map(([name, value], i) => {
      names[`#f${i}`] = name;
      values[`:f${i}`] = value;
      return `#f${i} = :f${i}`;
    });
  return {
    UpdateExpression: `SET ${[...assignments, '#version = #version + :one'].join(', ')}`,
    ExpressionAttributeNames: names,
    ExpressionAttributeValues: values,
  };
}

/** Builds `SET a = :a, … REMOVE b, …` for attributes to set (undefined ones skipped) and attributes to remove. */
export function setAndRemove(set: Record<string, unknown>, remove: readonly string[] = [], prefix = 's') {
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = {};
  const assignments = Object.entries(set)
    .filter(([, value]) => value !== undefined)
    .map(([name, value], i) => {
      names[`#${prefix}${i}`] = name;
      values[`:${prefix}${i}`] = value;
      return `#${prefix}${i} = :${prefix}${i}`;
    });
  const removals = remove.map((name, i) => {
    names[`#${prefix}r${i}`] = name;
    return `#${prefix}r${i}`;
  });
  const clauses = [assignments.length ? `SET ${assignments.join(', ')}` : '', removals.length ? `REMOVE ${removals.join(', ')}` : ''].filter(Boolean);
  return { UpdateExpression: clauses.join(' '), ExpressionAttributeNames: names, ExpressionAttributeValues: values };
}

/** How long a sender's claim on an item holds before another may take it (far longer than a send takes). */
const claimSeconds = 5 * 60;

/**
 * Takes an item for one sender (a queued mail, a person's digest), unless another holds a claim that is not stale yet,
 * or the item is no longer as `condition` says: answers whether it did.
 */
export async function claim(key: Record<string, string>, now: Date, condition?: { expression: string; names: Record<string, string> }): Promise<boolean> {
  try {
    await dynamo.update({
      TableName: tableName,
      Key: key,
      UpdateExpression: 'SET claimedUntil = :until',
      ConditionExpression: `${condition ? `${condition.expression} AND ` : ''}(attribute_not_exists(claimedUntil) OR claimedUntil < :now)`,
      ExpressionAttributeNames: condition?.names,
      ExpressionAttributeValues: { ':now': now.toISOString(), ':until': new Date(now.getTime() + claimSeconds * 1000).toISOString() },
    });
    return true;
  } catch (error) {
    if (isConditionFailure(error)) return false;
    throw error;
  }
}

/** Gives a claimed item back at once (its send failed), for the next run to try again. */
export async function release(key: Record<string, string>): Promise<void> {
  await dynamo.update({ TableName: tableName, Key: key, UpdateExpression: 'REMOVE claimedUntil' });
}
