// The counts kept beside the records: per action, per organisation and contributor, and platform-wide; moved in the
// same transaction as the change they count, and recomputed from the records for consistency checks.
import {
  contributionProgresses,
  organisationKinds,
  publicCooperationStatuses,
  type Action,
  type Contribution,
  type CooperationCounts,
  type CountsByKind,
  type OrganisationKind,
  type ProgressCounts,
  type CountedStats,
} from '@collective-actions/shared';
import { countsByKind, kindCountAttribute, listActions, progressCountAttribute } from './actions.ts';
import { tableName } from './client.ts';
import { keys } from './keys.ts';
import { itemExists, sortKeyOf } from './table.ts';
import { getItem, queryPartition, type TransactItem } from './toolkit.ts';

/** Published contributions the organisation has on the action (0 when it has none). */
export async function getContributorTally(slug: string, organisationId: string): Promise<number> {
  return (await getItem(keys.contributorTally(slug, organisationId), true))?.contributions ?? 0;
}

/** What the writer read just before a write that changes counts; the write fails if either moved. */
export interface CountsSeen {
  /** The organisation's published contributions on this action. */
  tally: number;
  /** The organisation's published contributions on all actions. */
  organisationContributions: number;
}

/**
 * Moves every count a published contribution is part of, by +1 (publish) or -1 (withdraw), with
 * conditions that fail (WriteRaced) if the counts read before have moved since.
 */
export function countUpdates(contribution: Contribution, seen: CountsSeen, delta: 1 | -1): TransactItem[] {
  const { id: organisationId, kind, country } = contribution.organisation;
  // Whether the organisation starts or stops counting as a contributor to the action, and to the platform.
  const actionTransition = seen.tally === (delta === 1 ? 0 : 1);
  const platformTransition = seen.organisationContributions === (delta === 1 ? 0 : 1);
  const kindCount = { '#kindCount': kindCountAttribute(kind) };
  // A contribution started counts among its progress's too (those not started are the rest).
  const progressCount: Record<string, string> = contribution.progress === 'not-started' ? {} : { '#progressCount': progressCountAttribute(contribution.progress) };
  const actionCounts: Record<string, string> = { ...(actionTransition ? kindCount : {}), ...progressCount };
  const updates: TransactItem[] = [
    {
      Update: {
        TableName: tableName,
        Key: keys.action(contribution.action),
        UpdateExpression: `ADD ${['contributionCount', ...Object.keys(actionCounts)].map((name) => `${name} :delta`).join(', ')}`,
        ConditionExpression: itemExists,
        ExpressionAttributeNames: Object.keys(actionCounts).length ? actionCounts : undefined,
        ExpressionAttributeValues: { ':delta': delta },
      },
    },
    {
      Update: {
        TableName: tableName,
        Key: keys.contributorTally(contribution.action, organisationId),
        UpdateExpression: 'ADD contributions :delta',
        ConditionExpression: seen.tally === 0 ? 'attribute_not_exists(contributions) OR contributions = :seen' : 'contributions = :seen',
        ExpressionAttributeValues: { ':delta': delta, ':seen': seen.tally },
      },
    },
    {
      Update: {
        TableName: tableName,
        Key: keys.organisation(organisationId),
        UpdateExpression: 'ADD contributionCount :delta',
        // Name, kind and country are copied into the contribution: they must still be what was read.
        ConditionExpression: 'contributionCount = :seen AND #name = :name AND kind = :kind AND country = :country',
        ExpressionAttributeNames: { '#name': 'name' },
        ExpressionAttributeValues: {
          ':delta': delta,
          ':seen': seen.organisationContributions,
          ':name': contribution.organisation.name,
          ':kind': kind,
          ':country': country,
        },
      },
    },
  ];
  if (platformTransition) {
    updates.push(
      {
        Update: {
          TableName: tableName,
          Key: keys.platformStats,
          UpdateExpression: 'ADD #kindCount :delta',
          ExpressionAttributeNames: kindCount,
          ExpressionAttributeValues: { ':delta': delta },
        },
      },
      {
        Update: {
          TableName: tableName,
          Key: keys.countryStats(country),
          UpdateExpression: 'SET country = :country ADD organisations :delta',
          ExpressionAttributeValues: { ':delta': delta, ':country': country },
        },
      },
    );
  }
  return updates;
}

/** Recomputes an action's counts from its contribution and membership records (for consistency checks, not requests). */
export async function recountAction(slug: string): Promise<Action['counts']> {
  const recordsWith = (prefix: string, status: string) =>
    queryPartition(keys.actionPartition(slug), prefix, {
      expression: '#status = :status AND attribute_not_exists(hiding)',
      names: { '#status': 'status' },
      values: { ':status': status },
    });
  const [contributions, members, cooperations] = await Promise.all([
    recordsWith(keys.contributionPrefix, 'published'),
    recordsWith(keys.coalitionMemberPrefix, 'active'),
    queryPartition(keys.actionPartition(slug), keys.cooperationPrefix),
  ]);
  const byKind = (kinds: Iterable<OrganisationKind>) => {
    const counts = Object.fromEntries(organisationKinds.map((kind) => [kind, 0])) as CountsByKind;
    for (const kind of kinds) counts[kind] += 1;
    return counts;
  };
  const contributors = new Map(contributions.map((item) => [item.organisation.id, item.organisation.kind as OrganisationKind]));
  return {
    contributions: contributions.length,
    organisations: byKind(contributors.values()),
    members: byKind(members.map((item) => item.organisation.kind)),
    leads: members.filter((item) => item.role === 'lead').length,
    cooperations: Object.fromEntries(
      publicCooperationStatuses.map((status) => [status, cooperations.filter((item) => item.status === status).length]),
    ) as CooperationCounts,
    progress: Object.fromEntries(
      contributionProgresses.map((progress) => [progress, contributions.filter((item) => (item.progress ?? 'not-started') === progress).length]),
    ) as ProgressCounts,
  };
}

export async function getStats(): Promise<CountedStats> {
  const [statsItems, actions] = await Promise.all([
    queryPartition(keys.statsPartition),
    listActions(),
  ]);
  const platform = statsItems.find((item) => sortKeyOf(item) === sortKeyOf(keys.platformStats)) ?? {};
  const byCountry = statsItems
    .filter((item) => sortKeyOf(item).startsWith(keys.countryStatsPrefix) && item.organisations > 0)
    .map((item) => ({ country: item.country as string, organisations: item.organisations as number }))
    .sort((a, b) => b.organisations - a.organisations || a.country.localeCompare(b.country));
  return {
    contributions: actions.reduce((sum, action) => sum + action.counts.contributions, 0),
    organisations: countsByKind(platform),
    countries: byCountry.length,
    byCountry,
    cooperations: Object.fromEntries(
      publicCooperationStatuses.map((status) => [status, actions.reduce((sum, action) => sum + action.counts.cooperations[status], 0)]),
    ) as CooperationCounts,
  };
}
