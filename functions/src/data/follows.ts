// Who follows an action or a theme: each person's choice, the followers (to tell them, a page at a time) and their count.
import { NotFound } from '@collective-actions/shared';
import { tableName } from './client.ts';
import { keys } from './keys.ts';
import { isListedIn, itemExists, itemIsNew } from './table.ts';
import { getItem, indexPages, queryPartition, transactWrite } from './toolkit.ts';

/** An action (its agenda and contributions are told to its followers) or a theme (its new actions are). */
export interface Followed {
  kind: 'action' | 'theme';
  id: string;
}

const subjectOf = ({ kind, id }: Followed) => keys.followed[kind](id);
const recordOf = ({ kind, id }: Followed) => (kind === 'action' ? keys.action(id) : keys.theme(id));

/** The choice was already as asked: nothing was written. */
class Unchanged extends Error {}

/** What the record must be for a choice to be written: absent, or (`was`) following or not. */
interface Condition {
  expression: string;
  was?: boolean;
}

/**
 * Records the person's choice, counting them in or out, if the record is as the condition says; answers whether it
 * was (false: it already stood as asked). Fails with NotFound if there is no such action or theme, and with
 * WriteRaced when another write to the same records got in the way.
 */
async function record(followed: Followed, personId: string, following: boolean, now: string, condition: Condition, delta: number): Promise<boolean> {
  const subject = subjectOf(followed);
  const item = { ...keys.follow(subject, personId), ...(following ? keys.followerListing(subject, personId) : {}), [followed.kind]: followed.id, personId, following, since: now };
  try {
    await transactWrite(
      [
        { ConditionCheck: { TableName: tableName, Key: recordOf(followed), ConditionExpression: itemExists } },
        { Put: { TableName: tableName, Item: item, ConditionExpression: condition.expression, ExpressionAttributeValues: condition.was === undefined ? undefined : { ':was': condition.was } } },
        ...(delta
          ? [{ Update: { TableName: tableName, Key: keys.followerCounter(subject), UpdateExpression: 'ADD followers :delta', ExpressionAttributeValues: { ':delta': delta } } }]
          : []),
      ],
      [() => new NotFound(`There is no ${followed.kind} "${followed.id}".`), () => new Unchanged()],
    );
    return true;
  } catch (error) {
    if (error instanceof Unchanged) return false;
    throw error;
  }
}

const isNew: Condition = { expression: itemIsNew };

/** The person follows it from now on. */
export const follow = (followed: Followed, personId: string, now: string) =>
  record(followed, personId, true, now, { expression: `${itemIsNew} OR following = :was`, was: false }, 1);

/** The person stops following it; one who never followed it will not by default either. */
export async function unfollow(followed: Followed, personId: string, now: string): Promise<void> {
  if (!(await record(followed, personId, false, now, { expression: 'following = :was', was: true }, -1))) await record(followed, personId, false, now, isNew, 0);
}

/** The person follows it unless they ever chose otherwise: what joining an action's coalition does. */
export const followByDefault = (followed: Followed, personId: string, now: string) => record(followed, personId, true, now, isNew, 1);

export async function isFollowing(followed: Followed, personId: string): Promise<boolean> {
  return (await getItem(keys.follow(subjectOf(followed), personId), true))?.following === true;
}

export async function followerCount(followed: Followed): Promise<number> {
  return Math.max(0, (await getItem(keys.followerCounter(subjectOf(followed)), true))?.followers ?? 0);
}

/** The follows of one thing, each with whether it is listed among the followers: for the consistency check. */
export async function followsOf(followed: Followed): Promise<Array<{ personId: string; following: boolean; listed: boolean }>> {
  const subject = subjectOf(followed);
  const items = await queryPartition(keys.followPartition(subject), keys.followPrefix);
  return items.map((item) => ({ personId: item.personId, following: item.following, listed: isListedIn(item, keys.followers(subject)) }));
}

/** Its followers, a page of the index at a time: telling them all never holds more than a page. */
export async function* followerPages(followed: Followed): AsyncGenerator<string[]> {
  for await (const items of indexPages(keys.followers(subjectOf(followed)))) yield items.map((item) => item.personId);
}
