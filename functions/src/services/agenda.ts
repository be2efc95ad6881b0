// Coalition agendas: leads keep them; anyone reads them, per action or across all, and subscribes to their calendar feeds.
import { DateTime } from 'luxon';
import { ulid } from 'ulid';
import {
  NotFound,
  ValidationFailed,
  agendaTimeErrors,
  type AgendaItem,
  type AgendaItemChanges,
  type AgendaQuery,
  type FieldError,
  type NewAgendaItem,
} from '@collective-actions/shared';
import * as agenda from '../data/agenda.ts';
import type { Caller } from '../http/caller.ts';
import { getAction } from './actions.ts';
import { requireLead } from './coalitions.ts';
import { now } from './clock.ts';

type Times = Pick<AgendaItem, 'start' | 'end' | 'timeZone'>;

/** A local time that the clocks skip (spring forward) does not exist: say so rather than move the meeting. */
function skippedTimeErrors({ start, end, timeZone }: Times): FieldError[] {
  return Object.entries({ start, end }).flatMap(([field, value]) => {
    if (!value || value.length === 10) return [];
    const local = DateTime.fromISO(value, { zone: timeZone }).toFormat("yyyy-MM-dd'T'HH:mm");
    return local === value ? [] : [{ pointer: `#/${field}`, detail: `does not exist in ${timeZone}: the clocks change then` }];
  });
}

const instant = (local: DateTime) => local.toUTC().toJSDate().toISOString();

/** Start and end as UTC instants: an all-day item runs from midnight where it happens to midnight after its last day. */
function instantsOf({ start, end, timeZone }: Times): Pick<AgendaItem, 'startsAt' | 'endsAt'> {
  const local = (value: string) => DateTime.fromISO(value, { zone: timeZone });
  return {
    startsAt: instant(local(start)),
    endsAt: end === null ? null : instant(end.length === 10 ? local(end).plus({ days: 1 }) : local(end)),
  };
}

function checkTimes(times: Times): void {
  const errors = [...agendaTimeErrors(times), ...skippedTimeErrors(times)];
  if (errors.length) throw new ValidationFailed(errors);
}

export async function addAgendaItem(caller: Caller, slug: string, input: NewAgendaItem): Promise<AgendaItem> {
  await requireLead(caller, slug);
  checkTimes(input);
  const time = now();
  const item: AgendaItem = { id: ulid(), action: slug, ...input, ...instantsOf(input), version: 1, createdAt: time, updatedAt: time };
  await agenda.createAgendaItem(item);
  return item;
}

export async function getAgendaItem(slug: string, id: string): Promise<AgendaItem> {
  const item = await agenda.getAgendaItem(slug, id);
  if (!item) throw new NotFound(`There is no agenda item ${id} on "${slug}".`);
  return item;
}

export async function editAgendaItem(caller: Caller, slug: string, id: string, changes: AgendaItemChanges): Promise<AgendaItem> {
  await requireLead(caller, slug);
  const current = await agenda.getAgendaItem(slug, id, true);
  if (!current) throw new NotFound(`There is no agenda item ${id} on "${slug}".`);
  const next = { ...current, ...changes };
  checkTimes(next);
  return agenda.updateAgendaItem(slug, id, changes, instantsOf(next), now());
}

export async function deleteAgendaItem(caller: Caller, slug: string, id: string): Promise<void> {
  await requireLead(caller, slug);
  await agenda.deleteAgendaItem(slug, id);
}

export async function listActionAgenda(slug: string, query: AgendaQuery) {
  const [, page] = await Promise.all([getAction(slug), agenda.listAgenda(slug, query)]);
  return page;
}

/** Across all coalitions, from the start of today (UTC) unless `from` says otherwise: what is coming first. */
export function listAgenda(query: AgendaQuery) {
  return agenda.listAgenda(undefined, { ...query, from: query.from ?? `${now().slice(0, 10)}T00:00:00.000Z` });
}
