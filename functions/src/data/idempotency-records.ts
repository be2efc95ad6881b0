// Powertools idempotency's records, in the platform's table through the functions' own DynamoDB client: Powertools'
// DynamoDB layer would bring the AWS SDK's client, and its import time, into every POST function's cold start. The
// records are the ones its layer writes (same attributes and conditions), in one partition the stream leaves out.
import { IdempotencyItemAlreadyExistsError, IdempotencyItemNotFoundError } from '@aws-lambda-powertools/idempotency';
import { BasePersistenceLayer, IdempotencyRecord } from '@aws-lambda-powertools/idempotency/persistence';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { dynamo, isConditionFailure, tableName } from './client.ts';
import { tableDefinition } from './table.ts';

const attributes = { ...tableDefinition.idempotencyAttributes, expiry: tableDefinition.timeToLiveAttribute };

type Stored = Record<string, any>;

export class IdempotencyRecords extends BasePersistenceLayer {
  private keyOf(idempotencyKey: string) {
    return { [tableDefinition.partitionKey]: tableDefinition.idempotencyPartition, [tableDefinition.sortKey]: idempotencyKey };
  }

  private recordOf(item: Stored): IdempotencyRecord {
    return new IdempotencyRecord({
      idempotencyKey: item[tableDefinition.sortKey],
      status: item[attributes.status],
      expiryTimestamp: item[attributes.expiry],
      inProgressExpiryTimestamp: item[attributes.inProgressExpiry],
      responseData: item[attributes.data],
      payloadHash: item[attributes.validation],
    });
  }

  protected async _getRecord(idempotencyKey: string): Promise<IdempotencyRecord> {
    const { Item } = await dynamo.get({ TableName: tableName, Key: this.keyOf(idempotencyKey), ConsistentRead: true });
    if (!Item) throw new IdempotencyItemNotFoundError();
    return this.recordOf(Item);
  }

  /** Creates the record unless one is there that has not expired, nor been left in progress past its expiry. */
  protected async _putRecord(record: IdempotencyRecord): Promise<void> {
    const now = Date.now();
    try {
      await dynamo.put({
        TableName: tableName,
        Item: {
          ...this.keyOf(record.idempotencyKey),
          [attributes.expiry]: record.expiryTimestamp,
          [attributes.status]: record.getStatus(),
          ...(record.inProgressExpiryTimestamp === undefined ? {} : { [attributes.inProgressExpiry]: record.inProgressExpiryTimestamp }),
          ...(this.isPayloadValidationEnabled() && record.payloadHash !== undefined ? { [attributes.validation]: record.payloadHash } : {}),
        },
        ConditionExpression:
          'attribute_not_exists(#id) OR #expiry < :now OR (#status = :inprogress AND attribute_exists(#in_progress_expiry) AND #in_progress_expiry < :now_in_millis)',
        ExpressionAttributeNames: {
          '#id': tableDefinition.partitionKey,
          '#expiry': attributes.expiry,
          '#in_progress_expiry': attributes.inProgressExpiry,
          '#status': attributes.status,
        },
        ExpressionAttributeValues: { ':now': now / 1000, ':now_in_millis': now, ':inprogress': 'INPROGRESS' },
        ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
      });
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
      throw new IdempotencyItemAlreadyExistsError(
        `Failed to put record for already existing idempotency key: ${record.idempotencyKey}`,
        error.Item && this.recordOf(unmarshall(error.Item)),
      );
    }
  }

  protected async _updateRecord(record: IdempotencyRecord): Promise<void> {
    const fields: Record<string, unknown> = {
      [attributes.expiry]: record.expiryTimestamp,
      [attributes.status]: record.getStatus(),
      ...(record.responseData === undefined ? {} : { [attributes.data]: record.responseData }),
      ...(this.isPayloadValidationEnabled() ? { [attributes.validation]: record.payloadHash } : {}),
    };
    const names = Object.keys(fields);
    await dynamo.update({
      TableName: tableName,
      Key: this.keyOf(record.idempotencyKey),
      UpdateExpression: `SET ${names.map((_, i) => `#f${i} = :f${i}`).join(', ')}`,
      ExpressionAttributeNames: Object.fromEntries(names.map((name, i) => [`#f${i}`, name])),
      ExpressionAttributeValues: Object.fromEntries(names.map((name, i) => [`:f${i}`, fields[name]])),
    });
  }

  protected async _deleteRecord(record: IdempotencyRecord): Promise<void> {
    await dynamo.delete({ TableName: tableName, Key: this.keyOf(record.idempotencyKey) });
  }
}
