import { TZDate, tzOffset } from '@date-fns/tz';
import fc from 'fast-check';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { forbiddenCharacter, type AgendaItem } from '@collective-actions/shared';
import { instantOf } from './agenda.ts';
import { calendarOf } from './calendar.ts';

const hour = 3_600_000;

function item(start: string, timeZone: string, fields: Partial<AgendaItem> = {}): AgendaItem {
  const startsAt = start.length === 10 ? `${start}T00:00:00.000Z` : instantOf(start, timeZone).at.toISOString();
  return {
    id: '01JD0000000000000000000000',
    action: 'open-public-procurement',
    kind: 'meeting',
    title: 'Coalition call',
    description: null,
    start,
    end: null,
    timeZone,
    place: null,
    onlineUrl: null,
    status: 'planned',
    language: 'en',
    startsAt,
    endsAt: null,
    version: 1,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-02T00:00:00.000Z',
    ...fields,
  };
}

const feedOf = (items: AgendaItem[], generatedAt = new Date('2026-12-02T10:00:00Z')) => calendarOf('Test', 'Test feed', items, new Map(), generatedAt);

/** The UTC instant of each event's start, as ical.js (an independent implementation) reads it with the feed's own VTIMEZONEs. */
function startsRead(text: string): string[] {
  ICAL.TimezoneService.reset();
  const calendar = new ICAL.Component(ICAL.parse(text));
  for (const zone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(zone);
  return calendar.getAllSubcomponents('vevent').map((event) => new ICAL.Event(event).startDate.toJSDate().toISOString());
}

const zones = Intl.supportedValuesOf('timeZone');

describe('calendar feeds', () => {
  it('give each zone the offsets it had at the time, not its current rules', () => {
    // Mexico City kept daylight time until 2022: 10:00 on 15 July 2020 was 15:00 UTC.
    expect(startsRead(feedOf([item('2020-07-15T10:00', 'America/Mexico_City')]))).toEqual(['2020-07-15T15:00:00.000Z']);
    // Moscow was at +04:00 from 2011 to 2014, and is at +03:00 since.
    expect(startsRead(feedOf([item('2013-01-10T12:00', 'Europe/Moscow'), item('2027-01-10T12:00', 'Europe/Moscow')]))).toEqual([
      '2013-01-10T08:00:00.000Z',
      '2027-01-10T09:00:00.000Z',
    ]);
    // Adelaide changes its clocks on the half hour (UTC); Casablanca twice in a month, around Ramadan.
    expect(startsRead(feedOf([item('2027-04-04T12:00', 'Australia/Adelaide'), item('2026-02-20T12:00', 'Africa/Casablanca')]))).toEqual([
      instantOf('2027-04-04T12:00', 'Australia/Adelaide').at.toISOString(),
      instantOf('2026-02-20T12:00', 'Africa/Casablanca').at.toISOString(),
    ]);
  });

  it('put every timed item at its instant, in any zone, in any year', () => {
    const local = (instant: number, zone: string) => new TZDate(instant, zone).toISOString().slice(0, 16);
    // Away from clock changes, whose repeated hours ical.js resolves its own way; in whole minutes, as ical.js drops the
    // seconds of an offset (the local mean times some zones kept until 1972 have them: see the test below).
    const clearOfChanges = (instant: number, zone: string) =>
      tzOffset(zone, new Date(instant - 3 * hour)) === tzOffset(zone, new Date(instant + 3 * hour)) && Number.isInteger(tzOffset(zone, new Date(instant)));
    fc.assert(
      fc.property(
        fc.array(
          fc.record({ zone: fc.constantFrom(...zones), instant: fc.integer({ min: Date.UTC(1950, 0, 1), max: Date.UTC(2100, 0, 1) }) }),
          { minLength: 1, maxLength: 6 },
        ),
        (picks) => {
          const items = picks
            .filter(({ zone, instant }) => clearOfChanges(instant, zone))
            .map(({ zone, instant }) => item(local(instant, zone), zone));
          expect(startsRead(feedOf(items))).toEqual(items.map((one) => one.startsAt));
        },
      ),
      { numRuns: Number(process.env.CALENDAR_RUNS ?? 300) },
    );
  });

  it('write the seconds of an offset that has them', () => {
    // Rarotonga kept its local mean time, 10:39:04 behind UTC, until 1952.
    expect(feedOf([item('1952-10-15T12:00', 'Pacific/Rarotonga')])).toContain('TZOFFSETTO:-103904\r\n');
  });

  it('write calendar properties before components, DTSTAMP as when the feed was written, and CRLF after every line', () => {
    const text = feedOf([item('2027-03-27T10:00', 'Europe/Paris'), item('2027-05-03', 'Europe/Paris')], new Date('2026-12-02T10:00:00Z'));
    expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(text.replaceAll('\r\n', '')).not.toMatch(/[\r\n]/);
    const lines = text.split('\r\n');
    const firstComponent = lines.findIndex((line) => /^BEGIN:V(TIMEZONE|EVENT)$/.test(line));
    for (const property of ['METHOD:PUBLISH', 'REFRESH-INTERVAL;VALUE=DURATION:PT1H', 'X-PUBLISHED-TTL:PT1H']) {
      expect(lines.indexOf(property)).toBeGreaterThan(0);
      expect(lines.indexOf(property)).toBeLessThan(firstComponent);
    }
    expect(lines.filter((line) => line.startsWith('DTSTAMP:'))).toEqual(['DTSTAMP:20261202T100000Z', 'DTSTAMP:20261202T100000Z']);
    expect(lines.filter((line) => line.startsWith('LAST-MODIFIED:'))).toEqual(['LAST-MODIFIED:20260102T000000Z', 'LAST-MODIFIED:20260102T000000Z']);
  });

  it('write text stored before the rules on text without what iCalendar cannot hold', () => {
    const hostile = item('2027-03-27T10:00', 'Europe/Paris', {
      title: 'Call\u0000 \uffff\u202e\ud800',
      description: 'Line one\r\nline two\u0007',
      place: 'Room\u0001 4',
    });
    const text = feedOf([hostile]);
    expect(forbiddenCharacter(text.replaceAll('\r\n', '\n'))).toBeUndefined();
    const event = new ICAL.Event(new ICAL.Component(ICAL.parse(text)).getFirstSubcomponent('vevent')!);
    expect(event.summary).toBe('Call \ufffd');
    expect(event.location).toBe('Room 4');
    expect(event.description).toBe('Line one\nline two');
  });
});
