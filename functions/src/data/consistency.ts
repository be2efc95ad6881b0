// Recomputes every stored count from the records (contributions, cooperations by status, followers, what waits for a
// digest), and checks each contribution's and cooperation's index entries against its state: what a fault or a half-applied change would leave behind. Reads
// with Queries per action, theme and digest; for checks and scripts.
import { digestFrequencies, isPublicStatus, organisationKinds, type DigestFrequency } from '@collective-actions/shared';
import { keys } from './keys.ts';
import { getAction, listActions, listThemes } from './actions.ts';
import { getStats, recountAction } from './counts.ts';
import { peopleWaiting, waitingBefore, waitingCount } from './digests.ts';
import { followerCount, followsOf, type Followed } from './follows.ts';
import { isListedIn, sortKeyOf } from './table.ts';
import { getItem, queryPartition } from './toolkit.ts';

export interface Difference {
  what: string;
  stored: unknown;
  recomputed: unknown;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

type Note = (what: string, stored: unknown, recomputed: unknown) => void;

/**
 * The followers of an action or a theme: counted and listed exactly while they follow (people come to follow while
 * this reads: the count is read before and after the follows, until it stands still).
 */
async function checkFollows(followed: Followed, note: Note): Promise<void> {
  let follows: Awaited<ReturnType<typeof followsOf>>;
  let counted: number;
  let attempts = 0;
  do {
    counted = await followerCount(followed);
    follows = await followsOf(followed);
  } while (counted !== (await followerCount(followed)) && ++attempts < 10);
  const name = `${followed.kind} ${followed.id}`;
  for (const follow of follows) note(`follower listing of ${follow.personId} on ${name}`, follow.listed, follow.following);
  note(`followers of ${name}`, counted, follows.filter((follow) => follow.following).length);
}

/**
 * The digests of the people listed as waiting for one: each counts what waits for it (read before and after the
 * notifications, until it stands still, as notifications keep coming).
 */
async function checkDigests(frequency: DigestFrequency, note: Note): Promise<void> {
  for await (const page of peopleWaiting(frequency)) {
    for (const person of page) {
      let counted: number;
      let waiting: number;
      let attempts = 0;
      do {
        counted = await waitingCount(person, frequency);
        waiting = (await waitingBefore(person, frequency, '~')).length;
      } while (counted !== (await waitingCount(person, frequency)) && ++attempts < 10);
      note(`notifications waiting for the ${frequency} digest of ${person}`, counted, waiting);
    }
  }
}

/** The differences on some actions (all when none are named); the platform-wide counts are checked only with all. */
export async function checkConsistency(only?: string[]): Promise<Difference[]> {
  const differences: Difference[] = [];
  const note: Note = (what, stored, recomputed) => {
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
    // A cooperation is in its action's list, and its status's, exactly while public (the counts were recounted above).
    for (const item of await queryPartition(keys.actionPartition(slug), keys.cooperationPrefix)) {
      const listed = isPublicStatus(item.status);
      note(
        `index entries of cooperation ${item.id} (${item.status})`,
        { action: isListedIn(item, keys.cooperationsOfAction(slug)), status: isListedIn(item, keys.cooperationsOfStatus(item.status)), inFeed: isListedIn(item, keys.changes) },
        { action: listed, status: listed, inFeed: listed },
      );
    }
    const storedTallies = await queryPartition(keys.actionPartition(slug), keys.contributorTallyPrefix);
    for (const tally of storedTallies) {
      const organisationId = keys.tallyOrganisation(sortKeyOf(tally));
      note(`contributions of ${organisationId} on ${slug}`, tally.contributions ?? 0, tallies.get(organisationId) ?? 0);
      tallies.delete(organisationId);
    }
    for (const [organisationId, count] of tallies) note(`contributions of ${organisationId} on ${slug}`, 0, count);
    await checkFollows({ kind: 'action', id: slug }, note);
  }
  if (only) return differences;
  for (const theme of await listThemes()) await checkFollows({ kind: 'theme', id: theme.id }, note);
  for (const frequency of digestFrequencies) await checkDigests(frequency, note);

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
