import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DigestFrequency } from '@collective-actions/shared';
import { dueDigest, lastBoundary, type DueDigest } from './digest-windows.ts';

const hour = 3600 * 1000;
const at = (iso: string) => new Date(iso);

interface Event {
  at: string;
  id: number;
}

/**
 * Runs the digest of one person hourly, from `start` for `hours`, as the scheduler does, skipping the runs `missed`
 * names: each event is waiting from when it happens. Answers each digest sent, with when.
 */
function runHourly(frequency: DigestFrequency, timeZone: string, start: Date, hours: number, events: Event[], missed = new Set<number>()) {
  let sentUntil: string | undefined;
  let waiting: Event[] = [];
  const sent: Array<DueDigest<Event> & { sentAt: string }> = [];
  for (let run = 0; run < hours; run++) {
    const now = new Date(start.getTime() + run * hour);
    waiting.push(...events.filter((event) => event.at <= now.toISOString() && event.at > new Date(now.getTime() - hour).toISOString()));
    if (missed.has(run)) continue;
    const due = dueDigest(frequency, timeZone, now, sentUntil, waiting);
    if (!due) continue;
    sent.push({ ...due, sentAt: now.toISOString() });
    waiting = waiting.filter((event) => !due.items.includes(event));
    sentUntil = due.until;
  }
  return sent;
}

describe('digest windows', () => {
  it('end at local midnight for a daily digest, at local Monday midnight for a weekly one', () => {
    // 23:59 in Paris on Tuesday 2 March 2027 (UTC+1): the last midnight is the start of that Tuesday.
    expect(lastBoundary('daily', 'Europe/Paris', at('2027-03-02T22:59:00Z')).toISOString()).toBe('2027-03-01T23:00:00.000Z');
    // A minute later it is Wednesday in Paris.
    expect(lastBoundary('daily', 'Europe/Paris', at('2027-03-02T23:00:00Z')).toISOString()).toBe('2027-03-02T23:00:00.000Z');
    // Still Tuesday evening in Lima (UTC−5) when it is Wednesday in UTC.
    expect(lastBoundary('daily', 'America/Lima', at('2027-03-03T03:00:00Z')).toISOString()).toBe('2027-03-02T05:00:00.000Z');
    expect(lastBoundary('weekly', 'America/Lima', at('2027-03-03T03:00:00Z')).toISOString()).toBe('2027-03-01T05:00:00.000Z');
    // On a Sunday the week still started on the Monday before; on Monday at midnight a new one starts.
    expect(lastBoundary('weekly', 'UTC', at('2027-03-07T23:59:59Z')).toISOString()).toBe('2027-03-01T00:00:00.000Z');
    expect(lastBoundary('weekly', 'UTC', at('2027-03-08T00:00:00Z')).toISOString()).toBe('2027-03-08T00:00:00.000Z');
  });

  it('send a daily digest across midnight once, with what happened before midnight, and keep what came after for the next', () => {
    const events = [
      { at: '2027-03-02T22:58:59.999Z', id: 1 }, // 23:58 in Paris, Tuesday
      { at: '2027-03-02T23:00:00.000Z', id: 2 }, // midnight exactly: Wednesday's
      { at: '2027-03-03T05:00:00.000Z', id: 3 },
    ];
    const sent = runHourly('daily', 'Europe/Paris', at('2027-03-02T20:30:00Z'), 30, events);
    expect(sent.map(({ sentAt, until, items }) => ({ sentAt, until, ids: items.map((item) => item.id) }))).toEqual([
      { sentAt: '2027-03-02T23:30:00.000Z', until: '2027-03-02T23:00:00.000Z', ids: [1] },
      { sentAt: '2027-03-03T23:30:00.000Z', until: '2027-03-03T23:00:00.000Z', ids: [2, 3] },
    ]);
  });

  it('cover the 23 hours of the day the clocks go forward, and the 25 of the day they go back', () => {
    // Europe/Paris: Sunday 28 March 2027 has 23 hours, Sunday 31 October 2027 has 25.
    expect(lastBoundary('daily', 'Europe/Paris', at('2027-03-28T21:59:00Z')).toISOString()).toBe('2027-03-27T23:00:00.000Z');
    expect(lastBoundary('daily', 'Europe/Paris', at('2027-03-28T22:00:00Z')).toISOString()).toBe('2027-03-28T22:00:00.000Z');
    const spring = runHourly('daily', 'Europe/Paris', at('2027-03-27T12:00:00Z'), 60, [
      { at: '2027-03-27T23:00:00.000Z', id: 1 }, // the first instant of 28 March in Paris
      { at: '2027-03-28T21:59:59.999Z', id: 2 }, // its last: 23:59:59 in summer time
      { at: '2027-03-28T22:00:00.000Z', id: 3 },
    ]);
    expect(spring.map(({ until, items }) => [until, items.map((item) => item.id)])).toEqual([
      ['2027-03-28T22:00:00.000Z', [1, 2]],
      ['2027-03-29T22:00:00.000Z', [3]],
    ]);
    const autumn = runHourly('daily', 'Europe/Paris', at('2027-10-30T12:00:00Z'), 48, [
      { at: '2027-10-30T22:00:00.000Z', id: 1 }, // the first instant of 31 October in Paris
      { at: '2027-10-31T22:59:59.999Z', id: 2 }, // its last, 25 hours later
    ]);
    expect(autumn.map(({ until, items }) => [until, items.map((item) => item.id)])).toEqual([['2027-10-31T23:00:00.000Z', [1, 2]]]);
  });

  it('catch up a missed run at the next one, once', () => {
    const events = [
      { at: '2027-03-02T10:00:00.000Z', id: 1 },
      { at: '2027-03-03T10:00:00.000Z', id: 2 },
      { at: '2027-03-04T10:00:00.000Z', id: 3 },
    ];
    // Runs every hour from the morning of 2 March; every run of the night from 3 to 4 March and of its next day fails.
    const start = at('2027-03-02T06:30:00Z');
    const missed = new Set(Array.from({ length: 30 }, (_, index) => 42 + index));
    const sent = runHourly('daily', 'UTC', start, 96, events, missed);
    expect(sent.map(({ sentAt, until, items }) => ({ sentAt, until, ids: items.map((item) => item.id) }))).toEqual([
      { sentAt: '2027-03-03T00:30:00.000Z', until: '2027-03-03T00:00:00.000Z', ids: [1] },
      // The first run after the failures: what the missed digest would have said, and the day since, in one.
      { sentAt: '2027-03-05T06:30:00.000Z', until: '2027-03-05T00:00:00.000Z', ids: [2, 3] },
    ]);
  });

  // Three weeks of hourly runs for each of 200 cases: a few seconds.
  it('put every event in exactly one digest, after its window ended, whatever the zone, the events and the missed runs', { timeout: 60_000 }, () => {
    const zones = ['UTC', 'Europe/Paris', 'America/Lima', 'America/Santiago', 'Australia/Lord_Howe', 'Asia/Kathmandu', 'Pacific/Chatham', 'America/New_York'];
    const start = at('2027-03-20T00:00:00Z');
    const hours = 24 * 21;
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.constantFrom<DigestFrequency>('daily', 'weekly'),
        fc.array(fc.integer({ min: 0, max: hours * 60 - 1 }), { maxLength: 40 }),
        fc.uniqueArray(fc.integer({ min: 0, max: hours - 1 }), { maxLength: 200 }),
        (zone, frequency, minutes, missed) => {
          const events = minutes.map((minute, id) => ({ at: new Date(start.getTime() + minute * 60_000 + 1).toISOString(), id }));
          const sent = runHourly(frequency, zone, start, hours, events, new Set(missed));
          const end = new Date(start.getTime() + (hours - 1) * hour);
          const ids = sent.flatMap((digest) => digest.items.map((item) => item.id));
          // Once each, and every event of a window that ended before the last run that ran was sent.
          expect(new Set(ids).size).toBe(ids.length);
          const lastRun = [...Array(hours).keys()].reverse().find((run) => !missed.includes(run));
          const covered = lastRun === undefined ? '' : lastBoundary(frequency, zone, new Date(start.getTime() + lastRun * hour)).toISOString();
          expect(ids.sort((a, b) => a - b)).toEqual(events.filter((event) => event.at < covered).map((event) => event.id));
          let previous = '';
          for (const digest of sent) {
            // Sent after its window ended, at a boundary of the zone, with nothing from after it or sent before.
            expect(digest.until <= digest.sentAt && digest.sentAt <= end.toISOString()).toBe(true);
            expect(lastBoundary(frequency, zone, new Date(digest.until)).toISOString()).toBe(digest.until);
            expect(digest.until > previous).toBe(true);
            for (const item of digest.items) expect(item.at < digest.until).toBe(true);
            previous = digest.until;
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});
