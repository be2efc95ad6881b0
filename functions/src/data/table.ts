// The one DynamoDB table's shape, read by the local bootstrap and the CDK stack alike.

export const tableDefinition = {
  partitionKey: 'PK',
  sortKey: 'SK',
  /** Every global secondary index projects all attributes; every key attribute is a string. */
  globalSecondaryIndexes: [
    { indexName: 'GSI1', partitionKey: 'GSI1PK', sortKey: 'GSI1SK' },
    { indexName: 'GSI2', partitionKey: 'GSI2PK', sortKey: 'GSI2SK' },
    { indexName: 'GSI3', partitionKey: 'GSI3PK', sortKey: 'GSI3SK' },
    { indexName: 'GSI4', partitionKey: 'GSI4PK', sortKey: 'GSI4SK' },
    { indexName: 'GSI5', partitionKey: 'GSI5PK', sortKey: 'GSI5SK' },
  ],
  /** Epoch seconds after which DynamoDB deletes an item: idempotency, throttle and revocation records have it. */
  timeToLiveAttribute: 'expiration',
  /** The partition of the records that remember POST answers by Idempotency-Key, which are not the platform's data. */
  idempotencyPartition: 'IDEMPOTENCY',
  /** Those records' attributes, as Powertools idempotency names them; their expiry is the time to live. */
  idempotencyAttributes: { status: 'status', inProgressExpiry: 'in_progress_expiration', data: 'data', validation: 'validation' },
  /** The partition of the write throttle's buckets, one per caller and per organisation: not the platform's data either. */
  throttlePartition: 'THROTTLE',
  /** The partition of signed-out access tokens, kept until they would have expired. */
  revokedPartition: 'REVOKED',
} as const;

export type IndexName = (typeof tableDefinition.globalSecondaryIndexes)[number]['indexName'];

type Item = Record<string, any>;

/** Names of the attributes holding an index's keys. */
export function indexAttributes(index: IndexName) {
  const { partitionKey, sortKey } = tableDefinition.globalSecondaryIndexes.find((definition) => definition.indexName === index)!;
  return { partitionKey, sortKey };
}

/** An item's own table key. */
export const keyOf = (item: Item): Record<string, string> => ({
  [tableDefinition.partitionKey]: item[tableDefinition.partitionKey],
  [tableDefinition.sortKey]: item[tableDefinition.sortKey],
});

const keyAttributes = new Set<string>([
  tableDefinition.partitionKey,
  tableDefinition.sortKey,
  ...tableDefinition.globalSecondaryIndexes.flatMap(({ partitionKey, sortKey }) => [partitionKey, sortKey]),
]);

/** Whether an attribute holds a key, of the table or of an index, rather than the item's own data. */
export const isKeyAttribute = (name: string) => keyAttributes.has(name);

export const sortKeyOf = (item: Item): string => item[tableDefinition.sortKey];

/** The index key of an entry at a sort key position of an index partition (to resume a query after it). */
export function indexKey({ index, partition }: { index: IndexName; partition: string }, sortKey: string): Record<string, string> {
  const names = indexAttributes(index);
  return { [names.partitionKey]: partition, [names.sortKey]: sortKey };
}

/** Whether the item has an entry in the index partition. */
export const isListedIn = (item: Item, { index, partition }: { index: IndexName; partition: string }) =>
  item[indexAttributes(index).partitionKey] === partition;

/** Conditions on whether the item addressed exists. */
export const itemExists = `attribute_exists(${tableDefinition.partitionKey})`;
export const itemIsNew = `attribute_not_exists(${tableDefinition.partitionKey})`;
