// Once a week, each public contribution that the week's new contributions could answer is told how many: "3 new offers
// match your request", counted among its own matches as its page lists them (matches.ts, from the snapshot's index). The
// week's new contributions come from the change feed. Run every Monday in AWS, every minute on one machine (a run
// between two Mondays finds the week told already and does nothing).
import { NotFound } from '@collective-actions/shared';
import { contributionsPublishedBetween } from '../data/changes.ts';
import * as contributionRecords from '../data/contributions.ts';
import { matchNoticesWritten, noticePlace, noticesAtOnce, weekTold, writeMatchNotices, type MatchNotice, type MatchNoticesMark } from '../data/match-notices.ts';
import { matchesOf } from './matches.ts';

const day = 86_400_000;
const week = 7 * day;

/** The end of the last week over at an instant: the Monday before, at midnight UTC (the instant itself, when it is one). */
export function lastWeekEnd(at: Date): string {
  const midnight = Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate());
  return new Date(midnight - ((at.getUTCDay() + 6) % 7) * day).toISOString();
}

const weekAfter = (end: string) => new Date(Date.parse(end) + week).toISOString();

/** How many of a contribution's matches, the best first, are looked at: a new one among them is told of. */
const matchesLookedAt = 50;

/** The matches of a public contribution, none if it was hidden or withdrawn since. */
const matchesIfPublic = (contribution: { action: string; id: string }) =>
  matchesOf(contribution.action, contribution.id, { limit: matchesLookedAt }).then(
    (found) => found.items,
    (error) => {
      if (error instanceof NotFound) return [];
      throw error;
    },
  );

/**
 * The notices of a week: each public contribution with how many of its own matches (as its page lists them) are new
 * that week, in place order. Those it could concern are found among the matches of the week's new contributions.
 */
async function noticesOf(weekEnd: string): Promise<MatchNotice[]> {
  const weekStart = new Date(Date.parse(weekEnd) - week).toISOString();
  const concerned = new Map<string, { action: string; id: string }>();
  for (const fresh of await contributionsPublishedBetween(weekStart, weekEnd)) {
    for (const { contribution } of await matchesIfPublic(fresh)) concerned.set(noticePlace(contribution), contribution);
  }
  const notices: MatchNotice[] = [];
  for (const { action, id } of concerned.values()) {
    // Read from the table: its author is told too.
    const contribution = await contributionRecords.getContribution(action, id);
    const matches = (await matchesIfPublic({ action, id })).filter(({ contribution: match }) => match.createdAt >= weekStart && match.createdAt < weekEnd).length;
    if (contribution && matches > 0) notices.push({ contribution, matches });
  }
  return notices.sort((a, b) => noticePlace(a.contribution).localeCompare(noticePlace(b.contribution)));
}

/**
 * Writes the notices of every week over since the last one told (only the last week over, on a first run), each once: a
 * run that stopped halfway through a week is taken up where it stopped. Answers how many notices were written.
 */
export async function writeWeeklyMatchNotices(at: Date): Promise<number> {
  const until = lastWeekEnd(at);
  let mark: MatchNoticesMark | undefined = await matchNoticesWritten();
  let written = 0;
  for (let weekEnd = mark ? (mark.after === weekTold ? weekAfter(mark.week) : mark.week) : until; weekEnd <= until; weekEnd = weekAfter(weekEnd)) {
    const after = mark?.week === weekEnd ? mark.after : '';
    const notices = (await noticesOf(weekEnd)).filter(({ contribution }) => noticePlace(contribution) > after);
    let start = 0;
    do {
      const some = notices.slice(start, start + noticesAtOnce);
      start += noticesAtOnce;
      const to = { week: weekEnd, after: start >= notices.length ? weekTold : noticePlace(some.at(-1)!.contribution) };
      await writeMatchNotices(some, mark, to, at.toISOString());
      mark = to;
      written += some.length;
    } while (start < notices.length);
  }
  return written;
}
