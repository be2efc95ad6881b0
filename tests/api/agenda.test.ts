import ICAL from 'ical.js';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AgendaItem, AgendaPage } from '@collective-actions/shared';
import { apiUrl, call, newAction, newCoalition, unique } from '../support/api.ts';

const item = (fields: Partial<AgendaItem> = {}) => ({
  kind: 'meeting',
  title: 'Coalition call',
  start: '2027-03-27T10:00',
  timeZone: 'Europe/Paris',
  language: 'en',
  ...fields,
});

/** Parses a feed with ical.js, an independent implementation, resolving TZIDs from the feed's own VTIMEZONEs. */
function parseCalendar(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  for (const zone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(zone);
  return calendar.getAllSubcomponents('vevent').map((component) => {
    const event = new ICAL.Event(component);
    return {
      uid: event.uid,
      sequence: event.sequence,
      summary: event.summary,
      start: event.startDate,
      end: event.endDate,
      status: component.getFirstPropertyValue('status'),
      url: component.getFirstPropertyValue('url'),
      tzid: component.getFirstProperty('dtstart')?.getParameter('tzid'),
    };
  });
}

describe('an agenda', () => {
  let slug: string;
  let lead: string;

  beforeAll(async () => {
    ({ slug, lead } = await newCoalition());
  });

  const add = async (fields: Partial<AgendaItem>) => {
    const reply = await call<AgendaItem>('POST', `/v1/actions/${slug}/agenda`, { as: lead, body: item(fields) });
    expect(reply.status).toBe(201);
    return reply.body;
  };

  it('keeps items a lead adds, in start order whatever their time zones, and pages them', async () => {
    const paris = await add({ title: 'Paris morning', start: '2027-04-06T09:00', timeZone: 'Europe/Paris' });
    // 10:00 in Tokyo is 03:00 in Paris: earlier, though its local time is later.
    const tokyo = await add({ title: 'Tokyo morning', start: '2027-04-06T10:00', timeZone: 'Asia/Tokyo', place: 'Tokyo, Japan' });
    const allDay = await add({ kind: 'deliverable', title: 'Report due', start: '2027-04-05', end: '2027-04-07', timeZone: 'America/New_York', onlineUrl: 'https://example.org/report' });
    expect(tokyo).toMatchObject({ startsAt: '2027-04-06T01:00:00.000Z', place: 'Tokyo, Japan', status: 'planned', description: null, end: null, version: 1 });
    expect(allDay).toMatchObject({ startsAt: '2027-04-05T04:00:00.000Z', endsAt: '2027-04-08T04:00:00.000Z' });
    expect(tokyo.endsAt).toBeNull();

    const listed = await call<AgendaPage>('GET', `/v1/actions/${slug}/agenda`);
    expect(listed.body.items.map((entry) => entry.title)).toEqual(['Report due', 'Tokyo morning', 'Paris morning']);
    expect((await call('GET', `/v1/actions/${slug}/agenda/${paris.id}`)).body).toEqual(paris);

    const first = await call<AgendaPage>('GET', `/v1/actions/${slug}/agenda?limit=2`);
    const second = await call<AgendaPage>('GET', `/v1/actions/${slug}/agenda?limit=2&cursor=${first.body.next}`);
    expect([...first.body.items, ...second.body.items].map((entry) => entry.id)).toEqual([allDay.id, tokyo.id, paris.id]);
    expect(second.body.next).toBeNull();

    const window = await call<AgendaPage>('GET', `/v1/actions/${slug}/agenda?from=2027-04-06&to=2027-04-06T09:00:00%2B02:00`);
    expect(window.body.items.map((entry) => entry.title)).toEqual(['Tokyo morning', 'Paris morning']);
  });

  it('edits an item with its version, moving it in the order, and deletes it', async () => {
    const meeting = await add({ title: 'Movable meeting', start: '2027-06-01T09:00' });
    const moved = await call<AgendaItem>('PATCH', `/v1/actions/${slug}/agenda/${meeting.id}`, {
      as: lead,
      body: { version: 1, start: '2027-05-01T09:00', end: '2027-05-01T10:00', status: 'postponed' },
    });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ version: 2, startsAt: '2027-05-01T07:00:00.000Z', endsAt: '2027-05-01T08:00:00.000Z', status: 'postponed' });
    expect((await call('PATCH', `/v1/actions/${slug}/agenda/${meeting.id}`, { as: lead, body: { version: 1, title: 'Stale' } })).status).toBe(409);
    // An end before the new start, checked against what is stored.
    const before = await call('PATCH', `/v1/actions/${slug}/agenda/${meeting.id}`, { as: lead, body: { version: 2, start: '2027-05-02T09:00' } });
    expect(before.status).toBe(400);
    expect(before.body.errors).toEqual([{ pointer: '#/end', detail: 'must not be before the start' }]);

    const may = await call<AgendaPage>('GET', `/v1/actions/${slug}/agenda?from=2027-05-01&to=2027-05-31`);
    expect(may.body.items.map((entry) => entry.id)).toEqual([meeting.id]);
    expect((await call('DELETE', `/v1/actions/${slug}/agenda/${meeting.id}`, { as: lead })).status).toBe(204);
    expect((await call('GET', `/v1/actions/${slug}/agenda/${meeting.id}`)).status).toBe(404);
    expect((await call('DELETE', `/v1/actions/${slug}/agenda/${meeting.id}`, { as: lead })).status).toBe(404);
  });

  it.each([
    ['an end before the start', { start: '2027-03-27T10:00', end: '2027-03-27T09:00' }, '#/end'],
    ['a timed end for an all-day start', { start: '2027-03-27', end: '2027-03-28T09:00' }, '#/end'],
    ['a date that does not exist', { start: '2027-02-30' }, '#/start'],
    ['a time given with seconds and an offset', { start: '2027-03-27T10:00:00+01:00' }, '#/start'],
    ['an unknown time zone', { timeZone: 'Mars/Olympus_Mons' }, '#/timeZone'],
    ['a time the clocks skip', { start: '2027-03-28T02:30', timeZone: 'Europe/Paris' }, '#/start'],
    ['an unknown kind', { kind: 'party' }, '#/kind'],
    ['an http link', { onlineUrl: 'http://example.org/call' }, '#/onlineUrl'],
  ])('refuses %s with 400 and stores nothing', async (_, fields, pointer) => {
    const before = (await call<AgendaPage>('GET', `/v1/actions/${slug}/agenda?limit=100`)).body.items.length;
    const reply = await call('POST', `/v1/actions/${slug}/agenda`, { as: lead, body: item(fields as Partial<AgendaItem>) });
    expect(reply.status).toBe(400);
    expect(reply.headers.get('content-type')).toBe('application/problem+json');
    expect(reply.body.errors.map((error: { pointer: string }) => error.pointer)).toContain(pointer);
    expect((await call<AgendaPage>('GET', `/v1/actions/${slug}/agenda?limit=100`)).body.items).toHaveLength(before);
  });

  it('refuses a `to` before `from`, and bounds that are not dates', async () => {
    expect((await call('GET', `/v1/actions/${slug}/agenda?from=2027-05-01&to=2027-04-01`)).body.errors).toEqual([
      { parameter: 'to', detail: 'must not be before from' },
    ]);
    expect((await call('GET', `/v1/agenda?from=tomorrow`)).status).toBe(400);
  });
});

describe('the agenda across all coalitions', () => {
  it('lists what is coming first, from today unless told otherwise', async () => {
    const [one, two] = [await newCoalition(), await newCoalition()];
    const marker = unique('Cross-coalition');
    const later = await call<AgendaItem>('POST', `/v1/actions/${one.slug}/agenda`, { as: one.lead, body: item({ title: `${marker} later`, start: '2031-01-02T10:00' }) });
    const sooner = await call<AgendaItem>('POST', `/v1/actions/${two.slug}/agenda`, { as: two.lead, body: item({ title: `${marker} sooner`, start: '2031-01-01T10:00' }) });
    const past = await call<AgendaItem>('POST', `/v1/actions/${two.slug}/agenda`, { as: two.lead, body: item({ title: `${marker} past`, start: '2017-01-01T10:00' }) });

    const upcoming = await call<AgendaPage>('GET', '/v1/agenda?from=2031-01-01&to=2031-01-02');
    expect(upcoming.body.items.filter((entry) => entry.title.startsWith(marker)).map((entry) => entry.id)).toEqual([sooner.body.id, later.body.id]);
    const fromToday = await call<AgendaPage>('GET', '/v1/agenda?limit=100');
    expect(fromToday.body.items.map((entry) => entry.id)).not.toContain(past.body.id);
    expect(fromToday.body.items.every((entry) => entry.startsAt >= new Date().toISOString().slice(0, 10))).toBe(true);
    // Until a day already past, from today: nothing, rather than a range the database refuses.
    const untilPast = await call<AgendaPage>('GET', '/v1/agenda?to=2017-01-02T00:00:00Z');
    expect(untilPast.status).toBe(200);
    expect(untilPast.body).toEqual({ items: [], next: null });
  });
});

describe('calendar feeds', () => {
  it('are valid iCalendar that an independent parser reads back, times right across a daylight-saving change', async () => {
    const { slug, lead } = await newCoalition();
    const add = async (fields: Partial<AgendaItem>) => (await call<AgendaItem>('POST', `/v1/actions/${slug}/agenda`, { as: lead, body: item(fields) })).body;
    // Paris moves its clocks on 28 March 2027: 10:00 is 09:00 UTC the day before and 08:00 UTC the day after.
    const before = await add({ title: 'Before the change', start: '2027-03-27T10:00', end: '2027-03-27T11:30' });
    const after = await add({ title: 'After the change', start: '2027-03-29T10:00', status: 'cancelled' });
    const allDay = await add({ kind: 'milestone', title: 'Three-day milestone', start: '2027-03-26', end: '2027-03-28' });
    const newYork = await add({ title: 'New York call', start: '2027-03-20T09:00', timeZone: 'America/New_York' });

    const reply = await fetch(`${apiUrl}/v1/actions/${slug}/agenda.ics`);
    expect(reply.status).toBe(200);
    expect(reply.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    const text = await reply.text();
    expect(text).toMatch(/^BEGIN:VCALENDAR\r\n/);
    expect(text.split('\r\n').every((line) => new TextEncoder().encode(line).length <= 75)).toBe(true);

    const events = new Map(parseCalendar(text).map((event) => [event.summary, event]));
    expect(events.size).toBe(4);
    const utc = (time: ICAL.Time) => time.toJSDate().toISOString();
    expect(events.get('Before the change')).toMatchObject({ uid: `${before.id}@collective-actions`, tzid: 'Europe/Paris', status: 'CONFIRMED' });
    expect(utc(events.get('Before the change')!.start)).toBe('2027-03-27T09:00:00.000Z');
    expect(utc(events.get('Before the change')!.end)).toBe('2027-03-27T10:30:00.000Z');
    expect(utc(events.get('After the change')!.start)).toBe('2027-03-29T08:00:00.000Z');
    expect(utc(events.get('New York call')!.start)).toBe('2027-03-20T13:00:00.000Z');
    expect(events.get('After the change')!.status).toBe('CANCELLED');
    expect(events.get('After the change')!.url).toBe(`https://collective-actions.test/actions/${slug}/agenda/${after.id}`);
    // All day: dates without times, the end exclusive as iCalendar wants.
    expect(events.get('Three-day milestone')!.start.isDate).toBe(true);
    expect(events.get('Three-day milestone')!.start.toString()).toBe('2027-03-26');
    expect(events.get('Three-day milestone')!.end.toString()).toBe('2027-03-29');
    for (const event of [before, after, allDay, newYork]) {
      expect(utc(events.get(event.title)!.start)).toBe(event.start.length === 10 ? `${event.start}T00:00:00.000Z` : event.startsAt);
    }

    // An edit keeps the UID and raises the sequence, so a subscribed calendar updates the event instead of adding one.
    await call('PATCH', `/v1/actions/${slug}/agenda/${before.id}`, { as: lead, body: { version: 1, title: 'Before the change (moved)', start: '2027-03-27T11:00', end: '2027-03-27T12:00' } });
    const edited = parseCalendar(await (await fetch(`${apiUrl}/v1/actions/${slug}/agenda.ics`)).text());
    expect(edited.find((event) => event.uid === `${before.id}@collective-actions`)).toMatchObject({ summary: 'Before the change (moved)', sequence: 1 });
    expect(edited).toHaveLength(4);

    const platform = await call('GET', '/v1/agenda.ics');
    expect(platform.status).toBe(200);
    expect(parseCalendar(platform.body).map((event) => event.uid)).toEqual(expect.arrayContaining([`${before.id}@collective-actions`, `${newYork.id}@collective-actions`]));
  });

  it('answers 404 for an action that does not exist', async () => {
    expect((await call('GET', '/v1/actions/no-such-action/agenda.ics')).status).toBe(404);
  });
});

describe('agenda of an action without a coalition', () => {
  it('can be kept by stewards only', async () => {
    const slug = await newAction();
    expect((await call('POST', `/v1/actions/${slug}/agenda`, { as: unique('nobody'), body: item() })).status).toBe(403);
    expect((await call('POST', `/v1/actions/${slug}/agenda`, { as: 'steward', body: item() })).status).toBe(201);
  });
});
