// The change feed: what happened on the platform, newest first, as JSON Feed 1.1 (and Atom).
import * as z from 'zod';
import { agendaItem } from './agenda.ts';
import { membershipEvent } from './coalitions.ts';
import { contribution } from './contributions.ts';
import { cooperation } from './cooperations.ts';
import { timestamp } from './common.ts';

/** A change: a contribution published, an agenda item added, a coalition's membership changing, or a cooperation agreed (as it now stands). */
export const change = z.discriminatedUnion('type', [
  z.object({ type: z.literal('contribution'), contribution }),
  z.object({ type: z.literal('agenda-item'), agendaItem }),
  z.object({ type: z.literal('membership'), membership: membershipEvent }),
  z.object({ type: z.literal('cooperation'), cooperation }),
]);

const feedItem = z.object({
  id: z.string(),
  url: z.url(),
  title: z.string(),
  content_text: z.string(),
  date_published: timestamp,
  date_modified: timestamp.optional(),
  authors: z.array(z.object({ name: z.string() })),
  tags: z.array(z.string()),
  language: z.string(),
  /** The record itself, as the API gives it. */
  _collective_actions: change,
});

export const jsonFeed = z
  .object({
    version: z.literal('https://jsonfeed.org/version/1.1'),
    title: z.string(),
    home_page_url: z.url(),
    feed_url: z.url(),
    description: z.string(),
    language: z.string(),
    /** The following (older) page; absent on the last one. */
    next_url: z.url().optional(),
    items: z.array(feedItem),
  })
  .meta({ description: 'A JSON Feed 1.1 document (https://jsonfeed.org/version/1.1)' });

export type Change = z.infer<typeof change>;
export type JsonFeed = z.infer<typeof jsonFeed>;
