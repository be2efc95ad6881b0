// First-start data: the 21 collective actions of the 2016 Paris Declaration, the coalition rosters the sources state,
// and demo organisations, contributions, coalitions and agendas, marked as demo.
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod';
import { Conflict, newContribution, type NewAgendaItem, type NewOrganisation } from '@collective-actions/shared';
import catalogue from '../../data/collective-actions.json' with { type: 'json' };
import * as agenda from '../data/agenda.ts';
import * as coalitions from '../data/coalitions.ts';
import * as actionRecords from '../data/actions.ts';
import * as contributionRecords from '../data/contributions.ts';
import * as organisationRecords from '../data/organisations.ts';
import * as seedMarker from '../data/seed-marker.ts';
import * as toolkit from '../data/toolkit.ts';
import { tableName } from '../data/client.ts';
import { documents } from './sdk-clients.ts';
import { keys } from '../data/keys.ts';
import { indexAttributes, isListedIn, keyOf } from '../data/table.ts';
import { addAgendaItem } from '../services/agenda.ts';
import { requestMembership } from '../services/coalitions.ts';
import { submitContribution } from '../services/contributions.ts';
import { followAsMember } from '../services/follows.ts';
import { personOf } from '../services/people.ts';
import { now } from '../services/clock.ts';
import { accountFor, callerOf } from './demo-accounts.ts';
import { addDemoCooperations, addDemoProgress } from './seed-cooperations.ts';

/** Raised when the seed gains data: a table seeded by an older version gets what it lacks on the next start. */
const seedVersion = 8;

interface DemoOrganisation extends NewOrganisation {
  id: string;
  admin: string;
  verified: boolean;
  /** As the API takes them (its defaults: an offer, no links, region or date). */
  contributions: Array<{ action: string } & Omit<z.input<typeof newContribution>, 'organisationId'>>;
}

// Fixed identifiers, so an interrupted first start can be resumed without duplicates.
const demoOrganisations: DemoOrganisation[] = [
  {
    id: '01JDEM00000000000000000001',
    name: 'Demo Ministry of Public Transformation (demo)',
    kind: 'national-government',
    country: 'FR',
    website: 'https://demo-ministry.example.org/',
    admin: 'government',
    verified: true,
    contributions: [
      {
        action: 'open-public-procurement',
        offers: ['policy-commitment', 'data'],
        title: 'Demo — Publier tous les contrats publics au standard OCDS',
        text: "Contribution de démonstration. Nous nous engageons à publier, d'ici fin 2017, les données de tous les marchés publics de plus de 25 000 € selon l'Open Contracting Data Standard, avec une mise à jour hebdomadaire.",
        language: 'fr',
        links: ['https://standard.open-contracting.org/'],
      },
      {
        action: 'open-source-policy',
        offers: ['policy-commitment', 'tools'],
        title: 'Demo — Share our open source policy template',
        text: 'Demo contribution. We offer our administration-wide open source policy, its contribution guidelines and the checklist we use before opening a repository.',
        language: 'en',
      },
    ],
  },
  {
    id: '01JDEM00000000000000000002',
    name: 'City of Demoville (demo)',
    kind: 'local-government',
    country: 'FR',
    website: 'https://demoville.example.org/',
    admin: 'government',
    verified: true,
    contributions: [
      {
        action: 'open-public-procurement',
        offers: ['data', 'tools'],
        title: 'Demo — Open data on municipal contracts',
        text: 'Demo contribution. The city publishes its municipal contracts as open data and shares the small tool it built to export them from its purchasing system.',
        language: 'en',
      },
      {
        action: 'open-data-climate-resilience',
        offers: ['data'],
        title: 'Demo — Flood-risk open data for the city',
        text: 'Demo contribution. Flood-risk maps and sensor readings published as open data under an open licence, updated daily.',
        language: 'en',
      },
    ],
  },
  {
    id: '01JDEM00000000000000000003',
    name: 'Demo Open Data Collective (demo)',
    kind: 'civil-society',
    country: 'MX',
    website: 'https://open-data-collective.example.org/',
    admin: 'civil-society',
    verified: false,
    contributions: [
      {
        action: 'open-public-procurement',
        offers: ['tools', 'expertise'],
        title: 'Demo — Contract-monitoring toolkit for journalists',
        text: 'Demo contribution. A toolkit and training sessions to help journalists and watchdogs follow public contracts from tender to delivery.',
        language: 'en',
      },
      {
        action: 'beneficial-ownership',
        offers: ['expertise'],
        title: 'Demo — Peer review of beneficial ownership registers',
        text: 'Demo contribution. Our researchers offer to review draft beneficial ownership registers against the Open Ownership principles.',
        language: 'en',
      },
    ],
  },
  {
    id: '01JDEM00000000000000000004',
    name: 'Open Contracting Demo Network (demo)',
    kind: 'civil-society',
    country: 'GB',
    website: 'https://open-contracting-network.example.org/',
    admin: 'lead',
    verified: false,
    contributions: [
      {
        action: 'open-public-procurement',
        offers: ['expertise', 'event-hosting'],
        title: 'Demo — Host the coalition’s implementation workshops',
        text: 'Demo contribution. We will host quarterly online workshops for coalition members implementing open contracting, with a shared agenda and minutes.',
        language: 'en',
      },
    ],
  },
  {
    id: '01JDEM00000000000000000005',
    name: 'Demo Open Government Alliance (demo)',
    kind: 'international-organisation',
    country: 'CH',
    website: 'https://open-government-alliance.example.org/',
    admin: 'lead',
    verified: false,
    contributions: [
      {
        action: 'civic-tech-sharing',
        offers: ['funding', 'event-hosting'],
        title: 'Demo — Small grants for reusing civic tech',
        text: 'Demo contribution. Small grants for teams that adapt an existing civic technology tool to a new country, and a yearly meeting to share what they learnt.',
        language: 'en',
      },
    ],
  },
];

/** The 'Contracting 5' founders of the open public procurement coalition, as the 2016 figures name them. */
const contractingFive: Array<NewOrganisation & { id: string }> = [
  { id: '01JC5000000000000000000001', name: 'Government of France', kind: 'national-government', country: 'FR', website: 'https://www.gouvernement.fr/' },
  { id: '01JC5000000000000000000002', name: 'Government of Mexico', kind: 'national-government', country: 'MX', website: 'https://www.gob.mx/' },
  { id: '01JC5000000000000000000003', name: 'Government of Ukraine', kind: 'national-government', country: 'UA', website: 'https://www.kmu.gov.ua/' },
  { id: '01JC5000000000000000000004', name: 'Government of the United Kingdom', kind: 'national-government', country: 'GB', website: 'https://www.gov.uk/' },
  { id: '01JC5000000000000000000005', name: 'Government of Colombia', kind: 'national-government', country: 'CO', website: 'https://www.gov.co/' },
];

const demo = (n: number) => `01JDEM0000000000000000000${n}`;

/** Who leads and who is in which coalition, and since when (the summit, or the months after it). */
const rosters: Array<{ action: string; leads: string[]; members: string[]; since: string }> = [
  { action: 'open-public-procurement', leads: [demo(4)], members: contractingFive.map((government) => government.id), since: '2016-12-07T10:00:00.000Z' },
  { action: 'civic-tech-sharing', leads: [demo(5)], members: [demo(1)], since: '2016-12-08T10:00:00.000Z' },
  { action: 'open-data-climate-resilience', leads: [demo(2)], members: [demo(3)], since: '2017-01-16T09:00:00.000Z' },
  { action: 'beneficial-ownership', leads: [demo(3)], members: [demo(1)], since: '2017-02-01T09:00:00.000Z' },
  { action: 'open-source-policy', leads: [demo(1)], members: [demo(5)], since: '2017-03-06T09:00:00.000Z' },
];

/** Requests waiting for a lead, made through the API's own rules. */
const requests = [
  {
    action: 'open-public-procurement',
    organisationId: demo(3),
    admin: 'civil-society',
    message: 'Demo request. We train journalists to follow public contracts and would like to work with the coalition on the data they need.',
  },
];

type DemoAgendaItem = Omit<NewAgendaItem, 'description' | 'end' | 'place' | 'onlineUrl' | 'status' | 'language'> &
  Partial<Pick<NewAgendaItem, 'description' | 'end' | 'place' | 'onlineUrl' | 'status'>>;

/** A sample agenda around the 2016–2017 timeline, and a few items still to come; all but the summit are demo. */
const agendas: Record<string, { lead: string; items: DemoAgendaItem[] }> = {
  'open-public-procurement': {
    lead: 'lead',
    items: [
      {
        kind: 'event',
        title: 'OGP Global Summit: the collective actions are launched',
        description: 'The Open Government Partnership Global Summit in Paris, where the Paris Declaration and its collective actions were presented.',
        start: '2016-12-07',
        end: '2016-12-09',
        timeZone: 'Europe/Paris',
        place: 'Paris, France',
        status: 'done',
      },
      { kind: 'meeting', title: 'Demo — Coalition kick-off call', start: '2017-01-24T15:00', end: '2017-01-24T16:00', timeZone: 'Europe/London', onlineUrl: 'https://meet.example.org/open-contracting-kick-off', status: 'done' },
      { kind: 'milestone', title: 'Demo — First OCDS publications by the Contracting 5', start: '2017-06-30', timeZone: 'Europe/Paris', status: 'done' },
      {
        kind: 'deliverable',
        title: 'Demo — Progress report to the OGP Steering Committee',
        start: '2017-09-20T10:00',
        timeZone: 'America/New_York',
        place: 'New York, United States',
        status: 'done',
      },
      { kind: 'meeting', title: 'Demo — Regional meeting for Latin America', start: '2026-12-15T09:00', end: '2026-12-15T12:00', timeZone: 'America/Bogota', place: 'Bogotá, Colombia', status: 'postponed' },
      { kind: 'meeting', title: 'Demo — Ten years of open contracting: review call', start: '2027-01-26T16:00', end: '2027-01-26T17:30', timeZone: 'Europe/Paris', onlineUrl: 'https://meet.example.org/open-contracting-review', status: 'planned' },
      {
        kind: 'event',
        title: 'Demo — Open contracting implementation workshop',
        description: 'A day of hands-on work on publishing and using contracting data.',
        start: '2027-03-24T09:30',
        end: '2027-03-24T17:00',
        timeZone: 'America/Mexico_City',
        place: 'Mexico City, Mexico',
        status: 'planned',
      },
    ],
  },
  'civic-tech-sharing': {
    lead: 'lead',
    items: [
      { kind: 'meeting', title: 'Demo — Civic tech reuse clinic', start: '2017-04-12T14:00', end: '2017-04-12T15:30', timeZone: 'Europe/Zurich', onlineUrl: 'https://meet.example.org/civic-tech-clinic', status: 'done' },
      { kind: 'meeting', title: 'Demo — Civic tech reuse clinic', start: '2027-02-10T14:00', end: '2027-02-10T15:30', timeZone: 'Europe/Zurich', onlineUrl: 'https://meet.example.org/civic-tech-clinic', status: 'planned' },
    ],
  },
  'open-data-climate-resilience': {
    lead: 'government',
    items: [
      { kind: 'deliverable', title: 'Demo — Flood-risk data published as open data', start: '2017-04-03', timeZone: 'Europe/Paris', status: 'done' },
      { kind: 'milestone', title: 'Demo — Shared catalogue of climate datasets', start: '2027-05-03', timeZone: 'Europe/Paris', status: 'planned' },
    ],
  },
};

async function seedCoalitions(): Promise<void> {
  for (const { action, leads, members, since } of rosters) {
    if ((await coalitions.listMembers(action)).length > 0) continue;
    for (const [organisationId, role] of [...leads.map((id) => [id, 'lead'] as const), ...members.map((id) => [id, 'member'] as const)]) {
      const { id, name, kind, country } = (await organisationRecords.getOrganisation(organisationId, true))!;
      await coalitions.changeMembership({
        from: undefined,
        to: { action, organisation: { id, name, kind, country }, role, status: 'active', joinedAt: since, request: null },
        events: role === 'lead' ? ['joined', 'became-lead'] : ['joined'],
        by: 'steward',
        now: since,
      });
    }
  }
  for (const { action, organisationId, admin, message } of requests) {
    if (await coalitions.getMember(action, organisationId)) continue;
    await requestMembership(callerOf(accountFor(admin)), action, { organisationId, message });
  }
  for (const [action, { lead, items }] of Object.entries(agendas)) {
    if ((await agenda.listAgenda(action, { limit: 1 })).items.length > 0) continue;
    for (const item of items) {
      await addAgendaItem(callerOf(accountFor(lead)), action, {
        description: null,
        end: null,
        place: null,
        onlineUrl: null,
        status: 'planned',
        language: 'en',
        ...item,
      });
    }
  }
}

/** Version 3 brought the change feed: records written before it get their entries. */
async function addChangeFeedEntries(): Promise<void> {
  for (const { slug } of await actionRecords.listActions()) {
    const entries = [
      ...(await toolkit.queryIndex(keys.contributionsOfAction(slug))).map((item) => ({
        item,
        entry: keys.contributionListing(slug, item.id, item.organisation.kind, item.organisation.country, item.createdAt),
      })),
      ...(await toolkit.queryIndex(keys.agendaOfAction(slug))).map((item) => ({ item, entry: keys.agendaChange(slug, item.id, item.createdAt) })),
      ...(await toolkit.queryIndex(keys.historyOfAction(slug))).map((item) => ({ item, entry: keys.membershipEventListing(slug, item.id, item.at) })),
    ];
    const feed = indexAttributes(keys.changes.index);
    for (const { item, entry } of entries.filter(({ item }) => !isListedIn(item, keys.changes))) {
      const entries: Record<string, string> = entry;
      const update = toolkit.setAndRemove({ [feed.partitionKey]: entries[feed.partitionKey], [feed.sortKey]: entries[feed.sortKey] });
      await documents.send(new UpdateCommand({ TableName: tableName, Key: keyOf(item), ...update }));
    }
  }
}

/**
 * Version 4 brought the stewards' queue, where unverified organisations wait, and kept hidden contributions that their
 * authors withdrew in the leads' hidden list (withdrawing used to take them out of it).
 */
async function addVerificationQueueAndHiddenListings(): Promise<void> {
  for (const organisation of await organisationRecords.allOrganisations()) {
    if (!organisation.verified && !(await organisationRecords.hasVerificationRequest(organisation.id))) {
      await organisationRecords.putVerificationRequest(organisation.id, organisation.createdAt);
    }
  }
  for (const { slug } of await actionRecords.listActions()) {
    const hidden = await toolkit.queryPartition(keys.actionPartition(slug), keys.contributionPrefix, { expression: 'attribute_exists(hiding)' });
    for (const item of hidden) {
      const listing = Object.entries(keys.hiddenContributionListing(slug, item.id));
      if (listing.every(([name, value]) => item[name] === value)) continue;
      await documents.send(
        new UpdateCommand({
          TableName: tableName,
          Key: keys.contribution(slug, item.id),
          UpdateExpression: `SET ${listing.map((_, i) => `#n${i} = :v${i}`).join(', ')}`,
          ExpressionAttributeNames: Object.fromEntries(listing.map(([name], i) => [`#n${i}`, name])),
          ExpressionAttributeValues: Object.fromEntries(listing.map(([, value], i) => [`:v${i}`, value])),
        }),
      );
    }
  }
}

/** Version 5 brought following: the people of every coalition's members follow its action, as joining it makes them. */
async function addDefaultFollows(): Promise<void> {
  for (const { slug } of await actionRecords.listActions()) {
    for (const member of await coalitions.listMembers(slug)) if (member.status === 'active') await followAsMember(slug, member.organisation.id);
  }
}

/** Version 6 brought requests: the city seeks what two demo organisations offer, wanted within a year of the seeding. */
async function addDemoRequests(time: string): Promise<void> {
  const city = '01JDEM00000000000000000002';
  const title = 'Demo — We seek help to publish our contracts in the Open Contracting Data Standard';
  if ((await contributionRecords.listContributionsOf(city, { visibility: 'public', limit: 100 })).items.some((contribution) => contribution.title === title)) return;
  await submitContribution(callerOf(accountFor('government')), 'open-public-procurement', {
    organisationId: city,
    kind: 'request',
    offers: ['expertise', 'tools'],
    title,
    text: 'Demo request. Our purchasing team wants to publish every municipal contract in the Open Contracting Data Standard. We seek a partner who has done it: advice on the data model, and tools to check the files we publish.',
    links: [],
    language: 'en',
    region: 'europe',
    deadline: new Date(Date.parse(time) + 365 * 86_400_000).toISOString().slice(0, 10),
  });
}

/** Loads the data on the first start; later starts find the marker and leave the table alone. */
export async function seed(): Promise<'seeded' | 'present'> {
  if ((await seedMarker.getSeedVersion()) === seedVersion) return 'present';
  const time = now();
  for (const [position, theme] of catalogue.themes.entries()) {
    await actionRecords.putTheme({ id: theme.id, position: position + 1, title: { en: theme.en, fr: theme.fr } });
  }
  for (const action of catalogue.actions) {
    const { n, slug, theme, workingGroup, en, fr, summary, summaryFr } = action;
    const reported2016 = 'reported2016' in action ? action.reported2016 : undefined;
    await actionRecords
      .createAction({ slug, theme, title: { en, fr }, summary: { en: summary, fr: summaryFr }, workingGroup }, time, { seed: { position: n, reported2016 } })
      .catch((error) => {
        if (!(error instanceof Conflict)) throw error;
      });
  }
  await actionRecords.reserveActionPositions(catalogue.actions.length);
  for (const { id, admin, verified, contributions, ...organisation } of demoOrganisations) {
    if (await organisationRecords.getOrganisation(id, true)) continue;
    const caller = callerOf(accountFor(admin));
    await organisationRecords.createOrganisation({ id, ...organisation }, personOf(caller), time);
    if (verified) await organisationRecords.verifyOrganisation(id, 1, 'steward', time);
    for (const { action, ...contribution } of contributions) {
      await submitContribution(caller, action, newContribution.parse({ organisationId: id, ...contribution }));
    }
  }
  for (const { id, ...government } of contractingFive) {
    if (!(await organisationRecords.getOrganisation(id, true))) await organisationRecords.createOrganisation({ id, ...government }, undefined, time);
  }
  await seedCoalitions();
  await addChangeFeedEntries();
  await addVerificationQueueAndHiddenListings();
  await addDefaultFollows();
  await addDemoRequests(time);
  await addDemoCooperations();
  await addDemoProgress();
  await seedMarker.putSeedVersion(seedVersion, time);
  return 'seeded';
}
