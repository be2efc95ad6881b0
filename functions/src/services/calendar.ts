// iCalendar (RFC 5545) feeds of the agendas, with the time zones they use, for calendar clients to subscribe to.
import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import { TZDate } from '@date-fns/tz';
import { cleanStrings, type Action, type AgendaItem } from '@collective-actions/shared';
import * as agenda from '../data/agenda.ts';
import * as actionRecords from '../data/actions.ts';
import { getAction } from './actions.ts';
import { now } from './clock.ts';
import { agendaItemPage } from './site-pages.ts';
import { vtimezone } from './vtimezone.ts';

const statuses: Record<AgendaItem['status'], ICalEventStatus> = {
  planned: ICalEventStatus.CONFIRMED,
  done: ICalEventStatus.CONFIRMED,
  postponed: ICalEventStatus.TENTATIVE,
  cancelled: ICalEventStatus.CANCELLED,
};

/** Midnight UTC of a day (plus some days): what ical-generator writes as a bare date. */
const utcDay = (day: string, plusDays = 0) => new Date(Date.parse(`${day}T00:00:00Z`) + plusDays * 86_400_000);

/** What a timed item occupies, in milliseconds: the span its zone's VTIMEZONE must cover. */
const spanOf = (item: AgendaItem) => ({ start: Date.parse(item.startsAt), end: Date.parse(item.endsAt ?? item.startsAt) });

/**
 * An iCalendar object of the items. Its properties come before its components, as RFC 5545's grammar has them: the
 * VTIMEZONEs go after ical-generator's calendar properties, which it writes after the zones it makes itself. Every
 * line ends with CRLF, the last one too (ical-generator leaves it off).
 */
export function calendarOf(name: string, description: string, items: AgendaItem[], actions: Map<string, Action>, generatedAt = new Date(now())): string {
  const calendar = ical({
    name,
    description,
    prodId: { company: 'collective-actions', product: 'agenda', language: 'EN' },
    method: ICalCalendarMethod.PUBLISH,
    ttl: 60 * 60,
  });
  const zones = new Map<string, Array<{ start: number; end: number }>>();
  // Text stored before the rules on text may hold controls that iCalendar has no way to write.
  for (const item of cleanStrings(items)) {
    const allDay = item.start.length === 10;
    // A timed item: its instants, shown in its own zone (with the zone's VTIMEZONE). An all-day item: its days, as
    // dates without a zone; iCalendar's end is the day after the last one.
    const start = allDay ? utcDay(item.start) : new TZDate(Date.parse(item.startsAt), item.timeZone);
    const end = allDay ? utcDay(item.end ?? item.start, 1) : item.endsAt ? new TZDate(Date.parse(item.endsAt), item.timeZone) : null;
    if (!allDay) zones.set(item.timeZone, [...(zones.get(item.timeZone) ?? []), spanOf(item)]);
    const action = actions.get(item.action);
    calendar.createEvent({
      // Stable across edits; SEQUENCE tells clients which version is newer.
      id: `${item.id}@collective-actions`,
      sequence: item.version - 1,
      // With METHOD:PUBLISH, DTSTAMP is when this calendar was written (RFC 5545, 3.8.7.2); LAST-MODIFIED is the item's.
      stamp: generatedAt,
      created: new Date(item.createdAt),
      lastModified: new Date(item.updatedAt),
      start,
      end,
      allDay,
      timezone: allDay ? null : item.timeZone,
      summary: item.title,
      description: [item.description, action && `${action.title.en} — ${action.title.fr}`].filter(Boolean).join('\n\n') || null,
      location: item.place ?? item.onlineUrl,
      url: agendaItemPage(item.action, item.id),
      status: statuses[item.status],
      categories: [{ name: item.kind }],
    });
  }
  const timezones = [...zones].map(([zone, spans]) => vtimezone(zone, spans)).join('');
  return `${calendar.toString().replace(/(?=BEGIN:VEVENT\r\n)/, () => timezones)}\r\n`;
}

export async function actionCalendar(slug: string): Promise<string> {
  const [action, items] = await Promise.all([getAction(slug), agenda.agendaFrom(slug)]);
  return calendarOf(
    `${action.title.en} — Collective Actions`,
    `The agenda of the ${action.title.en} coalition / L'agenda de la coalition ${action.title.fr}`,
    items,
    new Map([[slug, action]]),
  );
}

/** Every coalition's agenda from a year ago on, so the feed stays a size calendar clients refresh happily. */
export async function platformCalendar(): Promise<string> {
  const yearAgo = new Date(now());
  yearAgo.setUTCFullYear(yearAgo.getUTCFullYear() - 1);
  const [items, actions] = await Promise.all([agenda.agendaFrom(undefined, yearAgo.toISOString()), actionRecords.listActions()]);
  return calendarOf(
    'Collective Actions — all coalitions',
    'The agendas of every coalition / Les agendas de toutes les coalitions',
    items,
    new Map(actions.map((action) => [action.slug, action])),
  );
}
