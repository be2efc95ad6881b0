// When a digest is due, and what it covers. A daily digest covers the day that ended at the person's last local
// midnight, a weekly one the week that ended at their last local Monday midnight: 23, 24 or 25 hours, or 7 days, as
// the zone's clocks say. A digest covers everything not sent yet from before that boundary, so a missed run is caught
// up by the next one, once; what comes after it waits for the next digest, so nothing is lost or sent twice.
import { TZDate } from '@date-fns/tz';
import type { DigestFrequency } from '@collective-actions/shared';

/** The last local midnight (daily) or Monday midnight (weekly) at or before `now`, in the zone. */
export function lastBoundary(frequency: DigestFrequency, timeZone: string, now: Date): Date {
  const local = new TZDate(now.getTime(), timeZone);
  const midnight = new TZDate(local.getFullYear(), local.getMonth(), local.getDate(), timeZone);
  // Sunday is day 0: a week starts on Monday (ISO 8601).
  if (frequency === 'weekly') midnight.setDate(midnight.getDate() - ((midnight.getDay() + 6) % 7));
  return new Date(midnight.getTime());
}

/** A digest to send now: up to when it covers, and its items. */
export interface DueDigest<T> {
  until: string;
  items: T[];
}

/**
 * The digest due at `now`, if any: the items waiting from before the last boundary, unless a digest up to that boundary
 * was sent already; none when there is nothing to say.
 */
export function dueDigest<T extends { at: string }>(
  frequency: DigestFrequency,
  timeZone: string,
  now: Date,
  sentUntil: string | undefined,
  waiting: T[],
): DueDigest<T> | undefined {
  const until = lastBoundary(frequency, timeZone, now).toISOString();
  if (sentUntil !== undefined && sentUntil >= until) return undefined;
  const items = waiting.filter((item) => item.at < until);
  return items.length ? { until, items } : undefined;
}
