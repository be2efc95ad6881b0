import { describe, expect, it } from 'vitest';
import type { AgendaItem } from '@collective-actions/shared';
import { agendaChangesBetween, instantOf } from './agenda.ts';

describe('the instant a local time names', () => {
  it.each([
    ['2027-06-01T10:00', 'Europe/Paris', '2027-06-01T08:00:00.000Z'],
    ['2027-01-15T10:00', 'Europe/Paris', '2027-01-15T09:00:00.000Z'],
    ['2027-06-01T10:00', 'Asia/Kolkata', '2027-06-01T04:30:00.000Z'],
    ['2027-12-31', 'Pacific/Kiritimati', '2027-12-30T10:00:00.000Z'],
    ['2027-07-04T09:00', 'America/New_York', '2027-07-04T13:00:00.000Z'],
  ])('%s in %s is %s', (local, timeZone, utc) => {
    expect(instantOf(local, timeZone)).toEqual({ at: new Date(utc), skipped: false });
  });

  it('is the first of the two when the clocks go back (RFC 5545)', () => {
    // Paris: 03:00 summer time becomes 02:00 winter time on 31 October 2027; New York: 02:00 becomes 01:00 on 7 November.
    expect(instantOf('2027-10-31T02:30', 'Europe/Paris')).toEqual({ at: new Date('2027-10-31T00:30:00.000Z'), skipped: false });
    expect(instantOf('2027-11-07T01:30', 'America/New_York')).toEqual({ at: new Date('2027-11-07T05:30:00.000Z'), skipped: false });
    // Lord Howe Island moves its clocks by half an hour.
    expect(instantOf('2027-04-04T01:45', 'Australia/Lord_Howe')).toEqual({ at: new Date('2027-04-03T14:45:00.000Z'), skipped: false });
  });

  it('is none when the clocks skip it, and the day then starts when they jump', () => {
    expect(instantOf('2027-03-28T02:30', 'Europe/Paris')).toEqual({ at: new Date('2027-03-28T01:30:00.000Z'), skipped: true });
    expect(instantOf('2027-03-14T02:15', 'America/New_York').skipped).toBe(true);
    // Santiago de Chile moves its clocks at midnight: 5 September 2027 starts at 01:00.
    expect(instantOf('2027-09-05', 'America/Santiago')).toEqual({ at: new Date('2027-09-05T04:00:00.000Z'), skipped: true });
  });
});

describe('what changed about an agenda item, as its followers are told', () => {
  const item: AgendaItem = {
    id: '01JDEM00000000000000000001',
    action: 'open-public-procurement',
    kind: 'meeting',
    title: 'Coalition call',
    description: null,
    start: '2027-03-27T10:00',
    end: null,
    timeZone: 'Europe/Paris',
    place: 'Paris',
    onlineUrl: null,
    status: 'planned',
    language: 'en',
    startsAt: '2027-03-27T09:00:00.000Z',
    endsAt: null,
    version: 1,
    createdAt: '2026-12-01T00:00:00.000Z',
    updatedAt: '2026-12-01T00:00:00.000Z',
  };

  it.each<[Partial<AgendaItem>, string[]]>([
    [{ title: 'Renamed call', description: 'More words', language: 'fr', kind: 'event', version: 2 }, []],
    [{ startsAt: '2027-03-27T10:00:00.000Z', start: '2027-03-27T11:00' }, ['time']],
    [{ endsAt: '2027-03-27T10:00:00.000Z' }, ['time']],
    // The same instant named in another zone is the same time.
    [{ start: '2027-03-27T05:00', timeZone: 'America/New_York' }, []],
    [{ place: null, onlineUrl: 'https://meet.example.org/call' }, ['place', 'link']],
    [{ status: 'postponed', startsAt: '2027-04-03T08:00:00.000Z' }, ['time', 'status']],
  ])('%o is %o', (changes, expected) => {
    expect(agendaChangesBetween(item, { ...item, ...changes })).toEqual(expected);
  });
});
