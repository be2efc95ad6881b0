// Search across actions, contributions, organisations and agenda items.
import * as z from 'zod';
import { countryCode, id, languageCode, line, slug } from './common.ts';
import { agendaItem } from './agenda.ts';
import { contributionKind } from './contributions.ts';
import { organisationKind } from './organisations.ts';

export const searchKinds = ['actions', 'contributions', 'organisations', 'agenda'] as const;

export const searchQuery = z.strictObject({
  q: line(1, 200),
  /** Results per kind. */
  limit: z.coerce.number('must be a number').int('must be a whole number').min(1, 'must be at least 1').max(50, 'must be at most 50').default(10),
});

const score = z.number().meta({ description: 'Relevance: higher is better; comparable within one answer only' });

export const searchResults = z.object({
  q: z.string(),
  /** Results of each kind, best first; `total` counts every match of that kind, `items` the first `limit`. */
  groups: z.object({
    actions: z.object({
      total: z.int(),
      items: z.array(z.object({ slug, title: z.object({ en: z.string(), fr: z.string() }), score })),
    }),
    contributions: z.object({
      total: z.int(),
      items: z.array(
        z.object({ id, action: slug, kind: contributionKind, title: z.string(), organisation: z.object({ id, name: z.string() }), language: languageCode, score }),
      ),
    }),
    organisations: z.object({
      total: z.int(),
      items: z.array(z.object({ id, name: z.string(), kind: organisationKind, country: countryCode, score })),
    }),
    agenda: z.object({
      total: z.int(),
      items: z.array(
        agendaItem.pick({ id: true, action: true, title: true, start: true, end: true, timeZone: true, startsAt: true, endsAt: true, status: true, language: true }).extend({ score }),
      ),
    }),
  }),
});

export type SearchKind = (typeof searchKinds)[number];
export type SearchQuery = z.infer<typeof searchQuery>;
export type SearchResults = z.infer<typeof searchResults>;
