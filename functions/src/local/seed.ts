// First-start data: the 21 collective actions of the 2016 Paris Declaration, and demo organisations and contributions, marked as demo.
import { Conflict, type NewContribution, type NewOrganisation } from '@collective-actions/shared';
import catalogue from '../../data/collective-actions.json' with { type: 'json' };
import * as repository from '../data/repository.ts';
import type { Caller } from '../http/caller.ts';
import { submitContribution } from '../services/contributions.ts';
import { personOf } from '../services/people.ts';
import { now } from '../services/clock.ts';
import { accountFor, type Account } from './demo-accounts.ts';

const seedVersion = 1;

const callerOf = (account: Account): Caller => ({
  id: account.login,
  name: account.name,
  verifiedEmail: account.email,
  steward: account.groups.includes('stewards'),
});

interface DemoOrganisation extends NewOrganisation {
  id: string;
  admin: string;
  verified: boolean;
  contributions: Array<{ action: string } & Omit<NewContribution, 'organisationId' | 'links'> & { links?: string[] }>;
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

/** Loads the data on the first start; later starts find the marker and leave the table alone. */
export async function seed(): Promise<'seeded' | 'present'> {
  if ((await repository.getSeedVersion()) === seedVersion) return 'present';
  const time = now();
  for (const [position, theme] of catalogue.themes.entries()) {
    await repository.putTheme({ id: theme.id, position: position + 1, title: { en: theme.en, fr: theme.fr } });
  }
  for (const action of catalogue.actions) {
    const { n, slug, theme, workingGroup, en, fr, summary, summaryFr } = action;
    const reported2016 = 'reported2016' in action ? action.reported2016 : undefined;
    await repository
      .createAction({ slug, theme, title: { en, fr }, summary: { en: summary, fr: summaryFr }, workingGroup }, time, { position: n, reported2016 })
      .catch((error) => {
        if (!(error instanceof Conflict)) throw error;
      });
  }
  await repository.reserveActionPositions(catalogue.actions.length);
  for (const { id, admin, verified, contributions, ...organisation } of demoOrganisations) {
    if (await repository.getOrganisation(id, true)) continue;
    const caller = callerOf(accountFor(admin));
    await repository.createOrganisation({ id, ...organisation }, personOf(caller), time);
    if (verified) await repository.verifyOrganisation(id, 'steward', time);
    for (const { action, links = [], ...contribution } of contributions) {
      await submitContribution(caller, action, { organisationId: id, links, ...contribution });
    }
  }
  await repository.putSeedVersion(seedVersion, time);
  return 'seeded';
}
