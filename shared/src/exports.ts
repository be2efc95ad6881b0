// The open-data exports: one flat record per row, the same fields in CSV and JSON, in the order of the columns.
import * as z from 'zod';
import { countryCode, id, languageCode, slug, timestamp } from './common.ts';
import { agendaItem } from './agenda.ts';
import { coalitionRole } from './coalitions.ts';
import { contributionKind, offerType, region } from './contributions.ts';
import { publicCooperationStatus } from './cooperations.ts';
import { organisationKind } from './organisations.ts';
import { contributionProgress } from './progress.ts';

const described = <T extends z.ZodType>(schema: T, description: string) => schema.meta({ description });

/** A list field: an array in JSON, its values joined by `listSeparator` in CSV. */
export const listSeparator = ' ';

const page = described(z.url(), 'The address of its page on the site');

export const contributionRow = z.object({
  id: described(id, 'Identifier of the contribution'),
  action: described(slug, 'Identifier (slug) of the collective action it contributes to'),
  organisationId: described(id, 'Identifier of the contributing organisation'),
  organisationName: described(z.string(), 'Name of the contributing organisation'),
  organisationKind: described(organisationKind, 'Kind of the contributing organisation'),
  country: described(countryCode, 'Country of the contributing organisation (ISO 3166-1 alpha-2)'),
  kind: described(contributionKind, 'Whether it offers help or seeks it'),
  offers: described(z.array(offerType).min(1), 'The types of help it offers, or seeks (one at least); separated by spaces in CSV'),
  title: described(z.string(), 'Title, in the language of the contribution'),
  text: described(z.string(), 'Text, in the language of the contribution'),
  links: described(z.array(z.url()), 'Links (https); separated by spaces in CSV'),
  language: described(languageCode, 'Language it is written in (ISO 639-1)'),
  region: described(region.nullable(), 'Region where the help is offered or sought (UN M49); empty for anywhere'),
  deadline: described(z.iso.date().nullable(), 'Date by which it is wanted or available (YYYY-MM-DD); empty if none'),
  progress: described(contributionProgress, 'Where it stands, as its organisation says: not-started, in-progress or delivered'),
  createdAt: described(timestamp, 'When it was published (UTC)'),
  updatedAt: described(timestamp, 'When it last changed (UTC)'),
  url: page,
});

export const organisationRow = z.object({
  id: described(id, 'Identifier of the organisation'),
  name: described(z.string(), 'Name'),
  kind: described(organisationKind, 'Kind of organisation'),
  country: described(countryCode, 'Country (ISO 3166-1 alpha-2)'),
  website: described(z.url(), 'Website'),
  verified: described(z.boolean(), 'Whether platform stewards verified it'),
  verifiedAt: described(timestamp.nullable(), 'When it was verified (UTC); empty if it is not'),
  contributionCount: described(z.int(), 'How many public contributions it has, across all actions'),
  createdAt: described(timestamp, 'When it was registered (UTC)'),
  url: page,
});

export const membershipRow = z.object({
  action: described(slug, 'Identifier (slug) of the collective action whose coalition it is'),
  organisationId: described(id, 'Identifier of the member organisation'),
  organisationName: described(z.string(), 'Name of the member organisation'),
  organisationKind: described(organisationKind, 'Kind of the member organisation'),
  country: described(countryCode, 'Country of the member organisation (ISO 3166-1 alpha-2)'),
  role: described(coalitionRole, 'Its role in the coalition'),
  joinedAt: described(timestamp, 'When it joined (UTC)'),
});

const agendaFields = agendaItem.shape;

export const agendaRow = z.object({
  id: described(id, 'Identifier of the agenda item'),
  action: described(slug, 'Identifier (slug) of the collective action whose agenda it is on'),
  kind: described(agendaFields.kind, 'Kind of item'),
  status: described(agendaFields.status, 'Status'),
  title: described(z.string(), 'Title, in the language of the item'),
  description: described(z.string().nullable(), 'Description, in the language of the item; may be empty'),
  start: described(z.string(), 'Start: a date (all day) or a local date and time, in its time zone'),
  end: described(z.string().nullable(), 'End: the last day (all day) or a local date and time; may be empty'),
  timeZone: described(agendaFields.timeZone, 'IANA time zone of the start and end'),
  startsAt: described(timestamp, 'The start as an instant (UTC)'),
  endsAt: described(timestamp.nullable(), 'The end as an instant (UTC); may be empty'),
  place: described(z.string().nullable(), 'Where it takes place; may be empty'),
  onlineUrl: described(z.url().nullable(), 'Where to follow it online; may be empty'),
  language: described(languageCode, 'Language it is written in (ISO 639-1)'),
  updatedAt: described(timestamp, 'When it last changed (UTC)'),
  url: page,
});

/** A side of a cooperation, as columns named by its role. */
const sideColumns = <Side extends 'proposer' | 'partner'>(side: Side, who: string) =>
  ({
    [`${side}Id`]: described(id, `Identifier of ${who}`),
    [`${side}Name`]: described(z.string(), `Name of ${who}`),
    [`${side}Kind`]: described(organisationKind, `Kind of ${who}`),
    [`${side}Country`]: described(countryCode, `Country of ${who} (ISO 3166-1 alpha-2)`),
  }) as Record<`${Side}Id` | `${Side}Name` | `${Side}Country`, z.ZodString> & Record<`${Side}Kind`, typeof organisationKind>;

export const cooperationRow = z.object({
  id: described(id, 'Identifier of the cooperation'),
  action: described(slug, 'Identifier (slug) of the collective action of the contribution it is about'),
  contributionId: described(id, 'Identifier of the contribution it is about'),
  contributionTitle: described(z.string(), 'Title of that contribution when the cooperation was proposed'),
  contributionKind: described(contributionKind, 'Whether that contribution offers help or seeks it'),
  ...sideColumns('proposer', 'the organisation that proposed it'),
  ...sideColumns('partner', "the contribution's organisation, to which it was proposed"),
  status: described(publicCooperationStatus, 'Where it stands (only cooperations both organisations agreed to are public)'),
  reason: described(z.string().nullable(), 'Why it was stopped; empty otherwise'),
  agreedAt: described(timestamp, 'When the second organisation accepted it (UTC)'),
  updatedAt: described(timestamp, 'When its status last changed (UTC)'),
  url: page,
});

export const progressUpdateRow = z.object({
  id: described(id, 'Identifier of the progress update'),
  action: described(slug, 'Identifier (slug) of the collective action'),
  cooperationId: described(id.nullable(), 'Identifier of the cooperation it reports on; empty for an update on a contribution'),
  contributionId: described(id.nullable(), 'Identifier of the contribution it reports on; empty for an update on a cooperation'),
  organisationId: described(id, 'Identifier of the organisation that posted it'),
  organisationName: described(z.string(), 'Name of the organisation that posted it'),
  text: described(z.string(), 'What happened'),
  link: described(z.url().nullable(), 'A link to what it produced; may be empty'),
  at: described(timestamp, 'When it was posted (UTC)'),
  url: described(z.url(), 'The address of the cooperation or the contribution on the site'),
});

/** Every export, in the order the data package lists them. */
export const exportResources = {
  contributions: { title: 'Contributions', description: 'Every public contribution to a collective action.', row: contributionRow },
  organisations: { title: 'Organisations', description: 'The directory of organisations.', row: organisationRow },
  memberships: { title: 'Coalition memberships', description: 'Every active member of every coalition (requests are not public).', row: membershipRow },
  agenda: { title: 'Agenda', description: 'Every item on the agendas of the collective actions, past and to come.', row: agendaRow },
  cooperations: {
    title: 'Cooperations',
    description: 'Every cooperation between two organisations that both agreed to, on a contribution of a collective action (proposals and their private threads are not public).',
    row: cooperationRow,
  },
  'progress-updates': { title: 'Progress updates', description: 'Every progress update posted on a public cooperation or a public contribution.', row: progressUpdateRow },
} as const;

export type ExportResource = keyof typeof exportResources;
export const exportFormats = ['csv', 'json'] as const;
export type ExportFormat = (typeof exportFormats)[number];

export const exportFiles = [
  'datapackage.json',
  ...Object.keys(exportResources).flatMap((resource) => exportFormats.map((format) => `${resource}.${format}`)),
] as const;

export const exportPath = z.strictObject({
  file: z.enum(exportFiles as unknown as [string, ...string[]], { error: `must be one of: ${exportFiles.join(', ')}` }),
});

export type ContributionRow = z.infer<typeof contributionRow>;
export type OrganisationRow = z.infer<typeof organisationRow>;
export type MembershipRow = z.infer<typeof membershipRow>;
export type AgendaRow = z.infer<typeof agendaRow>;
export type CooperationRow = z.infer<typeof cooperationRow>;
export type ProgressUpdateRow = z.infer<typeof progressUpdateRow>;
