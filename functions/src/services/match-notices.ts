// Once a week, each public contribution that the week's new contributions could answer is told how many: "3 new offers
// match your request", counted among its own matches as its page lists them (matches.ts, from the snapshot's index). The
// week's new contributions come from the change feed. Run every hour in AWS, every minute on one machine: a week is told
// from the first run after it ends (Monday, 00:00 UTC), over as many runs as it takes; a run with nothing left to tell
// reads one item.
import { NotFound } from '@collective-actions/shared';
import { contributionsPublishedBetween } from '../data/changes.ts';
import * as contributionRecords from '../data/contributions.ts';
import { matchNoticesWritten, noticePlace, weekTold, writeMatchNotices, type MatchNotice, type MatchNoticesMark } from '../data/match-notices.ts';
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

/** The contributions a week's notices could concern, in place order: the matches of the week's new contributions. */
async function concernedBy(weekStart: string, weekEnd: string): Promise<Array<{ action: string; id: string }>> {
  const concerned = new Map<string, { action: string; id: string }>();
  for (const fresh of await contributionsPublishedBetween(weekStart, weekEnd)) {
    for (const { contribution } of await matchesIfPublic(fresh)) concerned.set(noticePlace(contribution), { action: contribution.action, id: contribution.id });
  }
  return [...concerned.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([, contribution]) => contribution);
}

/** A contribution's notice of a week: how many of its own matches (as its page lists them) are new that week, if any. */
async function noticeOf({ action, id }: { action: string; id: string }, weekStart: string, weekEnd: string): Promise<MatchNotice | undefined> {
  // Read from the table: its author is told too.
  const contribution = await contributionRecords.getContribution(action, id);
  const matches = (await matchesIfPublic({ action, id })).filter(({ contribution: match }) => match.createdAt >= weekStart && match.createdAt < weekEnd).length;
  return contribution && matches > 0 ? { contribution, matches } : undefined;
}

/** How many contributions are looked at between two writes of the mark: what a run stopped short (a timeout) loses. */
const lookedAtOnce = 25;

/**
 * Writes the notices of every week over since the last one told (only the last week over, on a first run), each once,
 * as they are found: a run stopped halfway through a week (a timeout, a failure) is taken up where it stopped by the
 * next. Answers how many notices were written.
 */
export async function writeWeeklyMatchNotices(at: Date): Promise<number> {
  const until = lastWeekEnd(at);
  let mark: MatchNoticesMark | undefined = await matchNoticesWritten();
  let written = 0;
  for (let weekEnd = mark ? (mark.after === weekTold ? weekAfter(mark.week) : mark.week) : until; weekEnd <= until; weekEnd = weekAfter(weekEnd)) {
    const weekStart = new Date(Date.parse(weekEnd) - week).toISOString();
    const after = mark?.week === weekEnd ? mark.after : '';
    const concerned = (await concernedBy(weekStart, weekEnd)).filter((contribution) => noticePlace(contribution) > after);
    let start = 0;
    do {
      const some = concerned.slice(start, start + lookedAtOnce);
      start += lookedAtOnce;
      const notices: MatchNotice[] = [];
      for (const contribution of some) {
        const notice = await noticeOf(contribution, weekStart, weekEnd);
        if (notice) notices.push(notice);
      }
      const to = { week: weekEnd, after: start >= concerned.length ? weekTold : noticePlace(some.at(-1)!) };
      await writeMatchNotices(notices, mark, to, at.toISOString());
      mark = to;
      written += notices.length;
    } while (start < concerned.length);
  }
  return written;
}
