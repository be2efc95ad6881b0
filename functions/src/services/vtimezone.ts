// VTIMEZONE components (RFC 5545, 3.6.5) from the runtime's IANA time zone database, for the instants a feed uses: each
// gives the offsets in force around those instants as they were then, not the zone's current rules applied to the past.
// Written here because the libraries that make VTIMEZONEs (timezones-ical-library, @touch4it/ical-timezones) give only a
// zone's current rules, which put an event in Mexico City in July 2020 an hour late (Mexico ended daylight time in 2022).
import { tzName, tzOffset } from '@date-fns/tz';

const minute = 60_000;
const day = 24 * 60 * minute;

interface Observance {
  /** The instant it starts. */
  at: number;
  from: number;
  to: number;
}

// Offsets are looked at every six hours, then the change is found to the minute: no zone changes its clocks twice in six
// hours, while some change twice in a month (Morocco around Ramadan), which a monthly scan would miss.
const step = 6 * 60 * minute;

/** The changes of offset between two instants, each at its first minute. */
function changesBetween(zone: string, from: number, to: number): Observance[] {
  const changes: Observance[] = [];
  let at = Math.floor(from / minute) * minute;
  let offset = tzOffset(zone, new Date(at));
  while (at < to) {
    const next = at + step;
    const nextOffset = tzOffset(zone, new Date(next));
    if (nextOffset !== offset) {
      let before = at;
      let after = next;
      while (after - before > minute) {
        const middle = before + Math.floor((after - before) / 2 / minute) * minute;
        if (tzOffset(zone, new Date(middle)) === offset) before = middle;
        else after = middle;
      }
      changes.push({ at: after, from: offset, to: nextOffset });
      offset = nextOffset;
    }
    at = next;
  }
  return changes;
}

/** The observances that give the offset of every instant in the spans: the one in force at each span's start, then each change. */
function observancesOver(zone: string, spans: Array<{ from: number; to: number }>): Observance[] {
  const observances: Observance[] = [];
  for (const { from, to } of mergedSpans(spans)) {
    const offset = tzOffset(zone, new Date(from));
    // A span that starts where the last one left the offset needs no observance of its own.
    if (observances.at(-1)?.to !== offset) observances.push({ at: from, from: offset, to: offset });
    observances.push(...changesBetween(zone, from, to));
  }
  return observances;
}

function mergedSpans(spans: Array<{ from: number; to: number }>) {
  const merged: Array<{ from: number; to: number }> = [];
  for (const span of [...spans].sort((a, b) => a.from - b.from)) {
    const last = merged.at(-1);
    if (last && span.from <= last.to) last.to = Math.max(last.to, span.to);
    else merged.push({ ...span });
  }
  return merged;
}

/** An offset as iCalendar writes one: +0100, or -103904 for the seconds of a local mean time. */
const utcOffset = (minutes: number) => {
  const seconds = Math.round(Math.abs(minutes) * 60);
  const parts = [Math.floor(seconds / 3600), Math.floor((seconds % 3600) / 60), ...(seconds % 60 ? [seconds % 60] : [])];
  return `${minutes < 0 ? '-' : '+'}${parts.map((part) => String(part).padStart(2, '0')).join('')}`;
};

/** An instant as the local date and time an offset gives it, as iCalendar writes one: 20200715T100000. */
const localTime = (at: number, offset: number) =>
  new Date(at + offset * minute).toISOString().slice(0, 19).replace(/[-:]/g, '');

/** Daylight time: an offset above the lower of the year's January and July offsets. */
function isDaylight(zone: string, at: number, offset: number): boolean {
  const year = new Date(at).getUTCFullYear();
  return offset > Math.min(tzOffset(zone, new Date(Date.UTC(year, 0, 1))), tzOffset(zone, new Date(Date.UTC(year, 6, 1))));
}

/**
 * The VTIMEZONE of a zone for the given instants (each event's start and end): a day either side of each, so that
 * every local time the feed writes in the zone finds the offset it had. Lines end with CRLF.
 */
export function vtimezone(zone: string, instants: Array<{ start: number; end: number }>): string {
  const observances = observancesOver(
    zone,
    instants.map(({ start, end }) => ({ from: start - day, to: end + day })),
  );
  const lines = ['BEGIN:VTIMEZONE', `TZID:${zone}`];
  for (const { at, from, to } of observances) {
    const kind = isDaylight(zone, at, to) ? 'DAYLIGHT' : 'STANDARD';
    lines.push(
      `BEGIN:${kind}`,
      `DTSTART:${localTime(at, from)}`,
      `TZOFFSETFROM:${utcOffset(from)}`,
      `TZOFFSETTO:${utcOffset(to)}`,
      `TZNAME:${tzName(zone, new Date(at), 'short')}`,
      `END:${kind}`,
    );
  }
  lines.push('END:VTIMEZONE');
  return lines.map((line) => `${line}\r\n`).join('');
}
