// A coalition's agenda: milestones, meetings, events and deliverables, at local times in an IANA time zone.
import * as z from 'zod';
import { cursor, httpsUrl, id, languageCode, limit, line, patchOf, slug, text, timestamp, version } from './common.ts';
import type { FieldError } from './problems.ts';
import { agendaKinds, agendaStatuses } from './vocabulary.ts';

/** "2017-03-15" (all day) or "2017-03-15T14:30" (local time, in the item's time zone). */
export const agendaTime = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2})?$/, 'must be a date like "2017-03-15" or a local date and time like "2017-03-15T14:30"')
  .refine((value) => {
    const parsed = new Date(`${value.length === 10 ? `${value}T00:00` : value}:00Z`);
    return !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(value) && parsed.getUTCFullYear() >= 1900 && parsed.getUTCFullYear() <= 2200;
  }, 'is not a real date and time between the years 1900 and 2200');

function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

export const timeZone = z
  .string()
  .max(64, 'must be at most 64 characters')
  .regex(/^[A-Za-z][\w+-]*(\/[\w+-]+)*$/, 'must be an IANA time zone name, like "Europe/Paris"')
  .refine(isTimeZone, 'is not a known IANA time zone, like "Europe/Paris"');

const agendaFields = {
  kind: z.enum(agendaKinds, { error: `must be one of: ${agendaKinds.join(', ')}` }),
  title: line(3, 200),
  description: text(1, 5000).nullable(),
  start: agendaTime,
  /** The last day of an all-day item (inclusive), or the local end time of a timed one. */
  end: agendaTime.nullable(),
  timeZone,
  place: line(1, 300).nullable(),
  onlineUrl: httpsUrl.nullable(),
  status: z.enum(agendaStatuses, { error: `must be one of: ${agendaStatuses.join(', ')}` }),
  /** The language the item is written in. */
  language: languageCode,
};

type AgendaTimes = { start: string; end: string | null };

/** What is wrong with an item's start and end taken together (both in its own time zone). */
export function agendaTimeErrors({ start, end }: AgendaTimes): FieldError[] {
  if (end === null) return [];
  if (end.length !== start.length) {
    return [{ pointer: '#/end', detail: start.length === 10 ? 'must be a date, like the start' : 'must be a local date and time, like the start' }];
  }
  return end < start ? [{ pointer: '#/end', detail: 'must not be before the start' }] : [];
}

const withTimesChecked = <T extends z.ZodType<AgendaTimes>>(schema: T) =>
  schema.superRefine((item, context) => {
    for (const error of agendaTimeErrors(item)) context.addIssue({ code: 'custom', path: ['end'], message: error.detail });
  });

export const newAgendaItem = withTimesChecked(
  z.strictObject({
    ...agendaFields,
    description: agendaFields.description.default(null),
    end: agendaFields.end.default(null),
    place: agendaFields.place.default(null),
    onlineUrl: agendaFields.onlineUrl.default(null),
    status: agendaFields.status.default('planned'),
  }),
);

export const agendaItemChanges = patchOf(
  Object.fromEntries(Object.entries(agendaFields).map(([name, schema]) => [name, schema.optional()])) as {
    [K in keyof typeof agendaFields]: z.ZodOptional<(typeof agendaFields)[K]>;
  },
);

export const agendaItem = z.object({
  id,
  action: slug,
  ...agendaFields,
  /** The start as an instant (UTC); an all-day item starts at midnight in its time zone. */
  startsAt: timestamp,
  /** The end as an instant (UTC), if there is one; an all-day item ends at the midnight after its last day. */
  endsAt: timestamp.nullable(),
  version,
  createdAt: timestamp,
  updatedAt: timestamp,
});

/** A bound of an agenda query: a date (UTC midnight; the whole day for `to`) or an instant with its offset. */
const bound = (edge: 'from' | 'to') =>
  z
    .union([z.iso.date(), z.iso.datetime({ offset: true })], {
      error: 'must be a date like "2017-03-15" or an instant like "2017-03-15T14:30:00Z"',
    })
    .transform((value) =>
      value.length === 10 ? `${value}T${edge === 'from' ? '00:00:00.000' : '23:59:59.999'}Z` : new Date(value).toISOString(),
    );

export const agendaQuery = z
  .strictObject({ from: bound('from').optional(), to: bound('to').optional(), cursor: cursor.optional(), limit })
  .refine((query) => !query.from || !query.to || query.from <= query.to, { path: ['to'], message: 'must not be before from' });

export const agendaPage = z.object({ items: z.array(agendaItem), next: z.string().nullable() });

export type NewAgendaItem = z.infer<typeof newAgendaItem>;
export type AgendaItemChanges = z.infer<typeof agendaItemChanges>;
export type AgendaItem = z.infer<typeof agendaItem>;
export type AgendaQuery = z.infer<typeof agendaQuery>;
export type AgendaPage = z.infer<typeof agendaPage>;

export const agendaItemPath = z.strictObject({ slug, id });
