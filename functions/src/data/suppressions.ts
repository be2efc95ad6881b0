// The addresses the platform no longer e-mails: each recorded once, with why and when (the first time).
import { dynamo, isConditionFailure, tableName } from './client.ts';
import { keys } from './keys.ts';
import { itemIsNew } from './table.ts';
import { getItem } from './toolkit.ts';

export type SuppressionReason = 'bounce' | 'complaint';

export async function suppress(address: string, reason: SuppressionReason, at: string): Promise<void> {
  try {
    await dynamo.put({ TableName: tableName, Item: { ...keys.suppressedAddress(address), reason, at }, ConditionExpression: itemIsNew });
  } catch (error) {
    if (!isConditionFailure(error)) throw error;
  }
}

export const isSuppressed = async (address: string): Promise<boolean> => (await getItem(keys.suppressedAddress(address))) !== undefined;
