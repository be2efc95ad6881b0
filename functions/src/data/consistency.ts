// Recomputes every stored count from the records, and checks each contribution's index entries against its state:
// what a fault or a half-applied change would leave behind. Reads with Queries per action; for checks and scripts.
import { organisationKinds } from '@collective-actions/shared';
import { keys } from './keys.ts';
import { getAction, listActions } from './actions.ts';
import { getStats, recountAction } from './counts.ts';
import { followerCount } from './follows.ts';
import { isListedIn, sortKeyOf } from './table.ts';
import { getItem, queryPartition, type Item } from './toolkit.ts';

export interface Difference {
  what: string;
  stored: unknown;
  recomputed: unknown;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The differences on some actions (all when none are named); the platform-wide counts are checked only with all. */
export async function checkConsistency(only?: string[]): Promise<Difference[]> {
  const differences: Difference[] = [];
  const note = (what: string, stored: unknown, recomputed: unknown) => {
    if (!same(stored, recomputed)) differences.push({ what, stored, recomputed });
  };
  const slugs = only ?? (await listActions()).map((action) => action.slug);
  // Public contributions per organisation, across the actions checked.
  const perOrganisation = new Map<string, { kind: string; country: string; count: number }>();
  for (const slug of slugs) {
    const action = await getAction(slug);
    if (!action) {
      differences.push({ what: `action ${slug}`, stored: undefined, recomputed: 'missing' });
      continue;
    }
    note(`counts of ${slug}`, action.counts, await recountAction(slug));
    const items = await queryPartition(keys.actionPartition(slug), keys.contributionPrefix);
    const tallies = new Map<string, number>();
    for (const item of items) {
      const visible = item.status === 'published' && !item.hiding;
      const listed = isListedIn(item, keys.contributionsOfAction(slug));
      note(
        `index entries of contribution ${item.id} (${item.status}${item.hiding ? ', hidden' : ''})`,
        { listed, inFeed: isListedIn(item, keys.changes) },
        { listed: visible, inFeed: visible },
      );
      // Hidden, published or withdrawn: in the leads' hidden list exactly while hidden.
      note(`hidden listing of contribution ${item.id}`, isListedIn(item, keys.hiddenContributionsOfAction(slug)), Boolean(item.hiding));
      if (!visible) continue;
      tallies.set(item.organisation.id, (tallies.get(item.organisation.id) ?? 0) + 1);
      const organisation = perOrganisation.get(item.organisation.id) ?? { kind: item.organisation.kind, country: item.organisation.country, count: 0 };
      organisation.count += 1;
      perOrganisation.set(item.organisation.id, organisation);
    }
    const storedTallies = await queryPartition(keys.actionPartition(slug), keys.contributorTallyPrefix);
    for (const tally of storedTallies) {
      const organisationId = keys.tallyOrganisation(sortKeyOf(tally));
      note(`contributions of ${organisationId} on ${slug}`, tally.contributions ?? 0, tallies.get(organisationId) ?? 0);
      tallies.delete(organisationId);
    }
    for (const [organisationId, count] of tallies) note(`contributions of ${organisationId} on ${slug}`, 0, count);
    // Its followers: counted and listed exactly while they follow (people come to follow while this reads: the count
    // is read before and after the follows, until it stands still).
    let follows: Item[];
    let counted: number;
    let attempts = 0;
    do {
      counted = await followerCount(slug);
      follows = await queryPartition(keys.actionFollowPartition(slug), keys.followPrefix);
    } while (counted !== (await followerCount(slug)) && ++attempts < 10);
    for (const follow of follows) note(`follower listing of ${follow.personId} on ${slug}`, isListedIn(follow, keys.actionFollowers(slug)), follow.following);
    note(`followers of ${slug}`, counted, follows.filter((follow) => follow.following).length);
  }
  if (only) return differences;

  for (const [organisationId, { count }] of perOrganisation) {
    note(`contributions of organisation ${organisationId}`, (await getItem(keys.organisation(organisationId)))?.contributionCount ?? 0, count);
  }
  const stats = await getStats();
  const contributing = [...perOrganisation.values()];
  note(
    'platform organisations by kind',
    stats.organisations,
    Object.fromEntries(organisationKinds.map((kind) => [kind, contributing.filter((organisation) => organisation.kind === kind).length])),
  );
  const byCountry = new Map<string, number>();
  for (const { country } of contributing) byCountry.set(country, (byCountry.get(country) ?? 0) + 1);
  note(
    'platform organisations by country',
    Object.fromEntries(stats.byCountry.map((entry) => [entry.country, entry.organisations]).sort()),
    Object.fromEntries([...byCountry].sort()),
  );
  return differences;
}
