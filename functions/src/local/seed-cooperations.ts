// Versions 7 and 8 of the seed: two demo cooperations between demo organisations, proposed, agreed by both, with their
// progress; and progress on two demo contributions, one delivered and one in progress.
import type { CooperationStatus, NewContributionUpdate } from '@collective-actions/shared';
import * as contributionRecords from '../data/contributions.ts';
import * as cooperations from '../data/cooperations.ts';
import { postContributionUpdate } from '../services/contributions.ts';
import { acceptCooperation, changeCooperationStatus, postCooperationUpdate, proposeCooperation } from '../services/cooperations.ts';
import { accountFor, callerOf } from './demo-accounts.ts';

interface DemoCooperation {
  proposer: { organisation: string; admin: string };
  partner: { organisation: string; admin: string };
  /** The title of the partner's contribution it is about. */
  on: string;
  message: string;
  update: { text: string; link: string | null };
  statuses: Array<Extract<CooperationStatus, 'in-progress' | 'delivered'>>;
}

const demoCooperations: DemoCooperation[] = [
  {
    proposer: { organisation: '01JDEM00000000000000000002', admin: 'government' },
    partner: { organisation: '01JDEM00000000000000000004', admin: 'lead' },
    on: 'Demo — Host the coalition’s implementation workshops',
    message: 'Demo message. Our purchasing team would like to join your next workshop: could you run one for the city?',
    update: { text: 'Demo — The first workshop was held with the city’s purchasing team.', link: null },
    statuses: ['in-progress'],
  },
  {
    proposer: { organisation: '01JDEM00000000000000000001', admin: 'government' },
    partner: { organisation: '01JDEM00000000000000000003', admin: 'civil-society' },
    on: 'Demo — Contract-monitoring toolkit for journalists',
    message: 'Demo message. Could your toolkit read the contracts the ministry publishes in OCDS?',
    update: { text: 'Demo — The toolkit now reads the ministry’s OCDS files.', link: 'https://example.org/demo-toolkit-release' },
    statuses: ['in-progress', 'delivered'],
  },
];

/** Proposes, accepts and moves on each demo cooperation, unless its proposer has one on the contribution already. */
export async function addDemoCooperations(): Promise<void> {
  for (const demo of demoCooperations) {
    const contribution = (await contributionRecords.listContributionsOf(demo.partner.organisation, { visibility: 'public', limit: 100 })).items.find(({ title }) => title === demo.on);
    if (!contribution || (await cooperations.openProposalOf(contribution.action, contribution.id, demo.proposer.organisation))) continue;
    const [proposer, partner] = [callerOf(accountFor(demo.proposer.admin)), callerOf(accountFor(demo.partner.admin))];
    const { id } = await proposeCooperation(proposer, contribution.action, contribution.id, { organisationId: demo.proposer.organisation, message: demo.message });
    await acceptCooperation(partner, contribution.action, id, demo.partner.organisation);
    await acceptCooperation(proposer, contribution.action, id, demo.proposer.organisation);
    await postCooperationUpdate(partner, contribution.action, id, demo.update);
    for (const status of demo.statuses) await changeCooperationStatus(partner, contribution.action, id, { status });
  }
}

/** Demo contributions and what their author says of them, oldest first. */
const demoProgress: Array<{ organisation: string; admin: string; on: string; updates: NewContributionUpdate[] }> = [
  {
    organisation: '01JDEM00000000000000000001',
    admin: 'government',
    on: 'Demo — Share our open source policy template',
    updates: [
      { text: 'Demo — The policy template is drafted with three ministries.', link: null },
      { text: 'Demo — The template is published under an open licence.', link: 'https://example.org/demo-open-source-policy', progress: 'delivered' },
    ],
  },
  {
    organisation: '01JDEM00000000000000000001',
    admin: 'government',
    on: 'Demo — Publier tous les contrats publics au standard OCDS',
    updates: [{ text: 'Demo — Les premiers marchés de plus de 25 000 € sont publiés au standard OCDS.', link: null }],
  },
];

/** Posts the demo contributions' progress, unless one has some already. */
export async function addDemoProgress(): Promise<void> {
  for (const demo of demoProgress) {
    const contribution = (await contributionRecords.listContributionsOf(demo.organisation, { visibility: 'public', limit: 100 })).items.find(({ title }) => title === demo.on);
    if (!contribution || contribution.progress !== 'not-started') continue;
    const caller = callerOf(accountFor(demo.admin));
    for (const update of demo.updates) await postContributionUpdate(caller, contribution.action, contribution.id, update);
  }
}
