// Who follows an action: each person's choice, the action's followers (to tell them, a page at a time) and their count.
import { NotFound } from '@collective-actions/shared';
import { tableName } from './client.ts';
import { keys } from './keys.ts';
import { itemExists, itemIsNew } from './table.ts';
import { getItem, indexPages, transactWrite } from './toolkit.ts';

/** The choice was already as asked: nothing was written. */
class Unchanged extends Error {}

/** What the record must be for a choice to be written: absent, or (`was`) following or not. */
interface Condition {
  expression: string;
  was?: boolean;
}

/**
 * Records the person's choice, counting them in or out, if the record is as the condition says; answers whether it
 * was (false: it already stood as asked). Fails with NotFound if there is no such action, and with WriteRaced when
 * another write to the same records got in the way.
 */
async function record(slug: string, personId: string, following: boolean, now: string, condition: Condition, delta: number): Promise<boolean> {
  const item = { ...keys.actionFollow(slug, personId), ...(following ? keys.actionFollowerListing(slug, personId) : {}), action: slug, personId, following, since: now };
  try {
    await transactWrite(
      [
        { ConditionCheck: { TableName: tableName, Key: keys.action(slug), ConditionExpression: itemExists } },
        { Put: { TableName: tableName, Item: item, ConditionExpression: condition.expression, ExpressionAttributeValues: condition.was === undefined ? undefined : { ':was': condition.was } } },
        ...(delta
          ? [{ Update: { TableName: tableName, Key: keys.actionFollowerCounter(slug), UpdateExpression: 'ADD followers :delta', ExpressionAttributeValues: { ':delta': delta } } }]
          : []),
      ],
      [() => new NotFound(`There is no action "${slug}".`), () => new Unchanged()],
    );
    return true;
  } catch (error) {
    if (error instanceof Unchanged) return false;
    throw error;
  }
}

const isNew: Condition = { expression: itemIsNew };

/** The person follows the action from now on. */
export const follow = (slug: string, personId: string, now: string) => record(slug, personId, true, now, { expression: `${itemIsNew} OR following = :was`, was: false }, 1);

/** The person stops following the action; one who never followed it will not by default either. */
export async function unfollow(slug: string, personId: string, now: string): Promise<void> {
  if (!(await record(slug, personId, false, now, { expression: 'following = :was', was: true }, -1))) await record(slug, personId, false, now, isNew, 0);
}

/** The person follows the action unless they ever chose otherwise: what joining its coalition does. */
export const followByDefault = (slug: string, personId: string, now: string) => record(slug, personId, true, now, isNew, 1);

export async function isFollowing(slug: string, personId: string): Promise<boolean> {
  return (await getItem(keys.actionFollow(slug, personId), true))?.following === true;
}

export async function followerCount(slug: string): Promise<number> {
  return Math.max(0, (await getItem(keys.actionFollowerCounter(slug), true))?.followers ?? 0);
}

/** The action's followers, a page of the index at a time: telling them all never holds more than a page. */
export async function* followerPages(slug: string): AsyncGenerator<string[]> {
  for await (const items of indexPages(keys.actionFollowers(slug))) yield items.map((item) => item.personId);
}
