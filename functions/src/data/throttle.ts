// The write throttle's buckets: a token bucket per caller and per organisation, kept in the table so that every
// function instance, locally and in AWS, spends from the same one. Each bucket is a GCRA (generic cell rate algorithm)
// record, which is a token bucket written as one instant: when the bucket would be full again (`tat`, in milliseconds).
import type { Allowance } from '@collective-actions/shared/api-policy';
import { dynamo, isConditionFailure, tableName } from './client.ts';
import { keys } from './keys.ts';
import { tableDefinition } from './table.ts';


/** One conditional update; the bucket as it was when the condition failed, or undefined when the update was made. */
async function updateIf(subject: string, update: string, condition: string, values: Record<string, number>): Promise<number | undefined> {
  try {
    await dynamo.update({
      TableName: tableName,
      Key: keys.throttleBucket(subject),
      UpdateExpression: update,
      ConditionExpression: condition,
      ExpressionAttributeNames: { '#expiration': tableDefinition.timeToLiveAttribute },
      ExpressionAttributeValues: values,
      ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
    });
    return undefined;
  } catch (error) {
    if (!isConditionFailure(error)) throw error;
    return Number(error.Item?.tat?.N ?? 0);
  }
}

/**
 * Takes one token from the subject's bucket. Answers undefined when it had one, else the milliseconds until it will.
 * A full bucket is set (one write); a bucket partly spent is moved on atomically (ADD), so that changes sent at once
 * never take the same token; a bucket that refilled between the two tries gets the first one again.
 */
export async function takeToken(subject: string, { burst, ratePerSecond }: Allowance, now = Date.now()): Promise<number | undefined> {
  const interval = 1000 / ratePerSecond;
  // The bucket holds a token while its full instant is at most burst - 1 intervals away.
  const limit = now + (burst - 1) * interval;
  const expiration = Math.ceil((now + burst * interval) / 1000) + 60;
  for (let attempt = 0; attempt < 3; attempt++) {
    const seen = await updateIf(subject, 'SET tat = :next, #expiration = :expiration', 'attribute_not_exists(tat) OR tat <= :now', {
      ':next': now + interval,
      ':now': now,
      ':expiration': expiration,
    });
    if (seen === undefined) return undefined;
    if (seen > limit) return seen - limit;
    const moved = await updateIf(subject, 'SET tat = tat + :interval, #expiration = :expiration', 'tat > :now AND tat <= :limit', {
      ':interval': interval,
      ':now': now,
      ':limit': limit,
      ':expiration': expiration,
    });
    if (moved === undefined) return undefined;
    if (moved > limit) return moved - limit;
  }
  return interval;
}
