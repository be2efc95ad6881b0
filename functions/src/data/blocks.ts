// Blocks: an organisation that another blocked may no longer propose cooperations to it, nor write in their threads.
import type { Block, OrganisationSummary } from '@collective-actions/shared';
import { dynamo, isConditionFailure, tableName } from './client.ts';
import { keys } from './keys.ts';
import { itemIsNew } from './table.ts';
import { getItem, queryPartition, type TransactItem } from './toolkit.ts';

/** Why an organisation is refused: the other blocked it. */
export const blockedReason = (blocker: OrganisationSummary, blocked: OrganisationSummary) =>
  `${blocker.name} has blocked ${blocked.name}: it takes no proposals or messages from it.`;

const toBlock = (item: Record<string, any>): Block => {
  const { id, name, kind, country } = item.organisation;
  return { organisation: { id, name, kind, country }, since: item.since };
};

export async function getBlock(organisationId: string, blockedId: string): Promise<Block | undefined> {
  const item = await getItem(keys.block(organisationId, blockedId), true);
  return item && toBlock(item);
}

/** The organisations an organisation blocked, by name. */
export async function listBlocks(organisationId: string): Promise<Block[]> {
  const blocks = (await queryPartition(keys.blocksPartition(organisationId))).map(toBlock);
  return blocks.sort((a, b) => a.organisation.name.localeCompare(b.organisation.name));
}

/** Blocks an organisation, unless it is blocked already: answers the block as it stands. */
export async function putBlock(organisationId: string, blocked: OrganisationSummary, by: string, now: string): Promise<Block> {
  const block = { organisation: blocked, since: now };
  try {
    await dynamo.put({ TableName: tableName, Item: { ...keys.block(organisationId, blocked.id), ...block, by }, ConditionExpression: itemIsNew });
    return block;
  } catch (error) {
    if (!isConditionFailure(error)) throw error;
    return (await getBlock(organisationId, blocked.id)) ?? block;
  }
}

export async function deleteBlock(organisationId: string, blockedId: string): Promise<void> {
  await dynamo.delete({ TableName: tableName, Key: keys.block(organisationId, blockedId) });
}

/** The condition, in a change's transaction, that `organisationId` has not blocked `blockedId`: a block takes effect at once. */
export const notBlocked = (organisationId: string, blockedId: string): TransactItem => ({
  ConditionCheck: { TableName: tableName, Key: keys.block(organisationId, blockedId), ConditionExpression: itemIsNew },
});
