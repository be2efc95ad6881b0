// Sessions signed out before their access token expired: the token's id, kept until the token would have expired.
import { dynamo, tableName } from './client.ts';
import { keys } from './keys.ts';
import { getItem } from './toolkit.ts';
import { tableDefinition } from './table.ts';

export async function revokeToken(tokenId: string, expiresAt: number, now: string): Promise<void> {
  await dynamo.put({
    TableName: tableName,
    Item: { ...keys.revokedToken(tokenId), revokedAt: now, [tableDefinition.timeToLiveAttribute]: expiresAt },
  });
}

/** Whether the token was signed out (read consistently: a sign-out holds from the next request on). */
export const isRevoked = async (tokenId: string) => (await getItem(keys.revokedToken(tokenId), true)) !== undefined;
