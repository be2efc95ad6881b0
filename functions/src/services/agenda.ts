// Coalition agendas: leads keep them; anyone reads them, per action or across all, and subscribes to their calendar feeds.
import { tzOffset } from '@date-fns/tz';
import { ulid } from 'ulid';
import {
  NotFound,
  StaleVersion,
  ValidationFailed,
  agendaTimeErrors,
  type AgendaChange,
  type AgendaItem,
  type AgendaItemChanges,
  type AgendaQuery,
  type FieldError,
  type NewAgendaItem,
} from '@collective-actions/shared';
import * as agenda from '../data/agenda.ts';
import type { Caller } from './caller.ts';
import { getAction } from './actions.ts';
import { authorise } from './authorisation.ts';
import { now } from './clock.ts';
import { withRetries } from './retries.ts';

type Times = Pick<AgendaItem, 'start' | 'end' | 'timeZone'>;

const minute = 60_000;
const day = 24 * 60 * minute;

/**
 * The instant a local date or date-time names where it happens. When the clocks go back, a time names two instants:
 * the first counts (RFC 5545, 3.3.5). When they go forward, it names none: it is `skipped`, and the instant given is
 * the one the clocks jumped at, where a day that starts in the gap starts.
 */
export function instantOf(local: string, timeZone: string): { at: Date; skipped: boolean } {
  const [year, month, date, hours = 0, minutes = 0] = local.split(/[-T:]/).map(Number);
  const wall = Date.UTC(year, month - 1, date, hours, minutes);
  // The zone's offsets a day either side (no zone changes its clocks twice in two days); each names one candidate.
  const offsets = [-day, day].map((shift) => tzOffset(timeZone, new Date(wall + shift)));
  const named = offsets
    .map((offset) => wall - offset * minute)
    .filter((instant) => tzOffset(timeZone, new Date(instant)) * minute === wall - instant);
  return named.length ? { at: new Date(Math.min(...named)), skipped: false } : { at: new Date(wall - offsets[0] * minute), skipped: true };
}

/** A local time that the clocks skip (spring forward) does not exist: say so rather than move the meeting. */
function skippedTimeErrors({ start, end, timeZone }: Times): FieldError[] {
  return Object.entries({ start, end }).flatMap(([field, value]) =>
    value && value.length > 10 && instantOf(value, timeZone).skipped
      ? [{ pointer: `#/${field}`, detail: `does not exist in ${timeZone}: the clocks change then` }]
      : [],
  );
}

const dayAfter = (date: string) => new Date(Date.parse(date) + day).toISOString().slice(0, 10);

/** Start and end as UTC instants: an all-day item runs from midnight where it happens to midnight after its last day. */
function instantsOf({ start, end, timeZone }: Times): Pick<AgendaItem, 'startsAt' | 'endsAt'> {
  const instant = (local: string) => instantOf(local, timeZone).at.toISOString();
  return { startsAt: instant(start), endsAt: end === null ? null : instant(end.length === 10 ? dayAfter(end) : end) };
}

function checkTimes(times: Times): void {
  const errors = [...agendaTimeErrors(times), ...skippedTimeErrors(times)];
  if (errors.length) throw new ValidationFailed(errors);
}

/** Whether an item has not ended yet: its followers are told of what is still to come, not of the past. */
const upcoming = (item: AgendaItem) => (item.endsAt ?? item.startsAt) >= now();

/** What changed about an item that its followers are told of: its time, place, online link or status. */
export function agendaChangesBetween(before: AgendaItem, after: AgendaItem): AgendaChange[] {
  const differs = (fields: Array<keyof AgendaItem>) => fields.some((field) => before[field] !== after[field]);
  const changes = { time: differs(['startsAt', 'endsAt']), place: differs(['place']), link: differs(['onlineUrl']), status: differs(['status']) };
  return (Object.keys(changes) as AgendaChange[]).filter((change) => changes[change]);
}

/** What an edit tells the action's followers: that the item is cancelled, or what changed; nothing about the past. */
function editNotice(before: AgendaItem, after: AgendaItem, by: string): agenda.AgendaNotice | undefined {
  if (!upcoming(before) && !upcoming(after)) return undefined;
  if (after.status === 'cancelled' && before.status !== 'cancelled') return { kind: 'agenda-item-cancelled', by };
  const changes = agendaChangesBetween(before, after);
  return changes.length ? { kind: 'agenda-item-changed', changes, by } : undefined;
}

export async function addAgendaItem(caller: Caller, slug: string, input: NewAgendaItem): Promise<AgendaItem> {
  await getAction(slug);
  await authorise(caller, 'add-agenda-item', { action: slug });
  checkTimes(input);
  const time = now();
  const item: AgendaItem = { id: ulid(), action: slug, ...input, ...instantsOf(input), version: 1, createdAt: time, updatedAt: time };
  await agenda.createAgendaItem(item, upcoming(item) ? { kind: 'agenda-item-added', by: caller.id } : undefined);
  return item;
}

export async function getAgendaItem(slug: string, id: string, consistent = false): Promise<AgendaItem> {
  const item = await agenda.getAgendaItem(slug, id, consistent);
  if (!item) throw new NotFound(`There is no agenda item ${id} on "${slug}".`);
  return item;
}

export async function editAgendaItem(caller: Caller, slug: string, id: string, changes: AgendaItemChanges): Promise<AgendaItem> {
  await getAction(slug);
  await authorise(caller, 'edit-agenda-item', { action: slug });
  const current = await getAgendaItem(slug, id, true);
  if (current.version !== changes.version) throw new StaleVersion('agenda item');
  const merged = { ...current, ...changes };
  checkTimes(merged);
  const instants = instantsOf(merged);
  return agenda.updateAgendaItem(current, changes, instants, now(), editNotice(current, { ...merged, ...instants }, caller.id));
}

export async function deleteAgendaItem(caller: Caller, slug: string, id: string): Promise<void> {
  await getAction(slug);
  await authorise(caller, 'delete-agenda-item', { action: slug });
  await withRetries(async () => {
    const current = await getAgendaItem(slug, id, true);
    const cancels = upcoming(current) && current.status !== 'cancelled';
    await agenda.deleteAgendaItem(current, now(), cancels ? { kind: 'agenda-item-cancelled', by: caller.id } : undefined);
  });
}

export async function listActionAgenda(slug: string, query: AgendaQuery) {
  const [, page] = await Promise.all([getAction(slug), agenda.listAgenda(slug, query)]);
  return page;
}

/** Across all coalitions, from the start of today (UTC) unless `from` says otherwise: what is coming first. */
export function listAgenda(query: AgendaQuery) {
  return agenda.listAgenda(undefined, { ...query, from: query.from ?? `${now().slice(0, 10)}T00:00:00.000Z` });
}
