// Every public record of the platform, read with Queries per action (never a Scan): what the open-data snapshot and
// the search index are built from.
import { cleanStrings, type Action, type AgendaItem, type Contribution, type Cooperation, type Organisation, type ProgressUpdate } from '@collective-actions/shared';
import * as actionRecords from '../data/actions.ts';
import * as agenda from '../data/agenda.ts';
import * as coalitions from '../data/coalitions.ts';
import * as contributionRecords from '../data/contributions.ts';
import * as cooperationRecords from '../data/cooperations.ts';
import * as organisationRecords from '../data/organisations.ts';
import * as progress from '../data/progress.ts';

export interface PublicRecords {
  actions: Action[];
  contributions: Contribution[];
  organisations: Organisation[];
  memberships: Array<coalitions.StoredMember & { joinedAt: string }>;
  agenda: AgendaItem[];
  cooperations: Cooperation[];
  /** On public cooperations and public contributions. */
  progressUpdates: Array<ProgressUpdate & { action: string; subject: { kind: progress.UpdateSubject; id: string } }>;
}

// Actions read at once; each takes five Queries (contributions, coalition, agenda, cooperations, progress updates), each
// paged by DynamoDB.
const actionsAtOnce = 8;

export async function readPublicRecords(): Promise<PublicRecords> {
  const [actions, organisations] = await Promise.all([actionRecords.listActions(), organisationRecords.allOrganisations()]);
  const records: PublicRecords = { actions, contributions: [], organisations, memberships: [], agenda: [], cooperations: [], progressUpdates: [] };
  for (let start = 0; start < actions.length; start += actionsAtOnce) {
    const parts = await Promise.all(
      actions.slice(start, start + actionsAtOnce).map(async ({ slug }) => ({
        contributions: await contributionRecords.allContributionsOf(slug),
        members: await coalitions.listMembers(slug),
        agenda: await agenda.agendaFrom(slug),
        cooperations: await cooperationRecords.allCooperationsOf(slug),
        progressUpdates: await progress.allUpdatesOf(slug),
      })),
    );
    for (const part of parts) {
      records.contributions.push(...part.contributions);
      records.memberships.push(...part.members.filter((member): member is PublicRecords['memberships'][number] => member.status === 'active'));
      records.agenda.push(...part.agenda);
      records.cooperations.push(...part.cooperations);
      // A withdrawn or hidden contribution's updates are no more public than it is.
      const shown = new Set(part.contributions.map((contribution) => contribution.id));
      records.progressUpdates.push(...part.progressUpdates.filter(({ subject }) => subject.kind === 'cooperation' || shown.has(subject.id)));
    }
  }
  // Records stored before the rules on text may hold what no writer can write: the exports and the index get them cleaned.
  return cleanStrings(records);
}
