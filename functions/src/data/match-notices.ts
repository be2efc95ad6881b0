// Weekly notices of new matches: each run writes a week's notices to the outbox, a transaction at a time, each with how
// far it went (the week, and the last contribution told), so each notice is written once however often the run goes.
import { tableName } from './client.ts';
import type { StoredContribution } from './contributions.ts';
import { keys } from './keys.ts';
import { outboxItem, platformActor } from './notifications.ts';
import { itemIsNew } from './table.ts';
import { getItem, transactWrite, WriteRaced } from './toolkit.ts';

/** How far the notices went: the end of the week being told, and the last contribution looked at in it (`weekTold` once all were). */
export interface MatchNoticesMark {
  week: string;
  after: string;
}

/** What `after` holds once a week's notices are all written: it sorts after every contribution's place. */
export const weekTold = '~';

/** Where a contribution is, for the mark: its action, then its id. */
export const noticePlace = (contribution: { action: string; id: string }) => `${contribution.action}/${contribution.id}`;

export async function matchNoticesWritten(): Promise<MatchNoticesMark | undefined> {
  const item = await getItem(keys.matchNoticesWritten, true);
  return item && { week: item.week, after: item.after };
}

/** A contribution to tell, and how many of the week's new contributions could answer it. */
export interface MatchNotice {
  contribution: StoredContribution;
  matches: number;
}

/**
 * Writes these notices (at most 99, with the mark within DynamoDB's 100) and moves the mark to `to`, if it still is `from` (never written, when
 * undefined): fails with WriteRaced when another run got there first.
 */
export async function writeMatchNotices(notices: MatchNotice[], from: MatchNoticesMark | undefined, to: MatchNoticesMark, at: string): Promise<void> {
  await transactWrite(
    [
      {
        Put: {
          TableName: tableName,
          Item: { ...keys.matchNoticesWritten, ...to, at },
          ConditionExpression: from === undefined ? itemIsNew : '#week = :week AND #after = :after',
          ExpressionAttributeNames: from === undefined ? undefined : { '#week': 'week', '#after': 'after' },
          ExpressionAttributeValues: from === undefined ? undefined : { ':week': from.week, ':after': from.after },
        },
      },
      ...notices.map(({ contribution, matches }) =>
        outboxItem({
          kind: 'matches-found',
          at,
          actor: platformActor,
          // Its author, with its organisation's admins.
          people: [contribution.authorId],
          action: contribution.action,
          organisation: contribution.organisation,
          contribution: { id: contribution.id, title: contribution.title, kind: contribution.kind },
          matches,
        }),
      ),
    ],
    [() => new WriteRaced('another run wrote these notices')],
  );
}
