// Contributions: submitted for an organisation, edited and withdrawn by their author or its admins.
import { ulid } from 'ulid';
import {
  Conflict,
  Forbidden,
  NotFound,
  Unauthorized,
  ValidationFailed,
  type Contribution,
  type ContributionChanges,
  type ContributionsQuery,
  type ContributionView,
  type Hiding,
  type NewContribution,
  type NewContributionUpdate,
  type ProgressUpdate,
  type ProgressUpdatePage,
  restorable,
  restorableDays,
} from '@collective-actions/shared';
import * as contributionRecords from '../data/contributions.ts';
import * as counts from '../data/counts.ts';
import * as organisationRecords from '../data/organisations.ts';
import * as progressRecords from '../data/progress.ts';
import * as toolkit from '../data/toolkit.ts';
import type { Caller } from './caller.ts';
import { acrossActions, getAction } from './actions.ts';
import { allows, authorise, contributionCan, contributionStanding } from './authorisation.ts';
import { now } from './clock.ts';
import { withRetries } from './retries.ts';

/** The earliest date that is still today somewhere (UTC−12): a deadline before it has passed everywhere. */
export const earliestToday = () => new Date(Date.parse(now()) - 12 * 3600_000).toISOString().slice(0, 10);

/** Whether a contribution's deadline, if it has one, has passed everywhere: it is wanted or available no more. */
export const deadlinePassed = (deadline: string | null | undefined, today = earliestToday()): boolean => Boolean(deadline && deadline < today);

/** A deadline given must not have passed already. */
function requireComingDeadline(deadline: string | null | undefined): void {
  if (deadlinePassed(deadline)) throw new ValidationFailed([{ pointer: '#/deadline', detail: 'must not be in the past' }]);
}

export async function submitContribution(caller: Caller, slug: string, input: NewContribution): Promise<Contribution> {
  const { organisationId, ...fields } = input;
  requireComingDeadline(fields.deadline);
  const id = ulid();
  return withRetries(async () => {
    // Re-checked on every attempt: a race can be a removal from the organisation.
    await authorise(caller, 'submit-contribution', { organisationId }, 'body');
    const [organisation, tally] = await Promise.all([
      organisationRecords.getOrganisation(organisationId, true),
      counts.getContributorTally(slug, organisationId),
    ]);
    if (!organisation) throw new Forbidden(`You are not a member of organisation ${organisationId}.`);
    const time = now();
    const contribution: contributionRecords.StoredContribution = {
      id,
      action: slug,
      organisation: { id: organisation.id, name: organisation.name, kind: organisation.kind, country: organisation.country },
      ...fields,
      status: 'published',
      progress: 'not-started',
      version: 1,
      createdAt: time,
      updatedAt: time,
      authorId: caller.id,
    };
    await contributionRecords.createContribution(contribution, { tally, organisationContributions: organisation.contributionCount });
    return contributionRecords.publicContribution(contribution);
  });
}

/**
 * Published contributions are public; hidden ones only to those who may see them; withdrawn ones only to its
 * organisation's people, who may restore them for a while. Answered with what the caller may do with it.
 */
export async function getContribution(caller: Caller | undefined, slug: string, id: string): Promise<ContributionView> {
  const contribution = await contributionRecords.getContribution(slug, id);
  const standing = contribution && (await contributionStanding(caller, contribution));
  const shown =
    contribution?.status === 'published'
      ? !contribution.hidden || allows('see-hidden-contribution', standing)
      : contribution?.status === 'withdrawn' && allows('see-withdrawn-contribution', standing);
  if (!contribution || !shown) throw new NotFound(`There is no contribution ${id} on "${slug}".`);
  return { ...contributionRecords.publicContribution(contribution), can: contributionCan(standing, contribution, new Date()) };
}

export async function listContributions(caller: Caller | undefined, slug: string, query: ContributionsQuery) {
  if (query.visibility === 'hidden') {
    if (!caller) throw new Unauthorized('Sign in as a lead of this coalition or a steward to see hidden contributions.');
    await getAction(slug);
    await authorise(caller, 'list-hidden-contributions', { action: slug });
    return contributionRecords.listHiddenContributions(slug, query);
  }
  const [, page] = await Promise.all([getAction(slug), contributionRecords.listContributions(slug, query)]);
  return page;
}

/** The stored contribution, if the caller may edit or withdraw it. */
async function editable(caller: Caller, act: 'edit-contribution' | 'withdraw-contribution' | 'restore-contribution' | 'post-contribution-update', slug: string, id: string): Promise<contributionRecords.StoredContribution> {
  const contribution = await contributionRecords.getContribution(slug, id, true);
  if (!contribution) throw new NotFound(`There is no contribution ${id} on "${slug}".`);
  await authorise(caller, act, { organisationId: contribution.organisation.id, authorId: contribution.authorId });
  return contribution;
}

export async function editContribution(caller: Caller, slug: string, id: string, changes: ContributionChanges): Promise<Contribution> {
  await editable(caller, 'edit-contribution', slug, id);
  requireComingDeadline(changes.deadline);
  return contributionRecords.publicContribution(await contributionRecords.updateContribution(slug, id, changes, now()));
}

/** The counts a contribution moves, as they are now, for a write that fails if they move before it lands. */
async function countsSeen(contribution: Contribution): Promise<counts.CountsSeen> {
  const [organisation, tally] = await Promise.all([
    organisationRecords.getOrganisation(contribution.organisation.id, true),
    counts.getContributorTally(contribution.action, contribution.organisation.id),
  ]);
  return { tally, organisationContributions: organisation!.contributionCount };
}

/** Withdrawing twice is the same as once. */
export async function withdrawContribution(caller: Caller, slug: string, id: string): Promise<void> {
  await editable(caller, 'withdraw-contribution', slug, id);
  await withRetries(async () => {
    const contribution = await contributionRecords.getContribution(slug, id, true);
    if (!contribution || contribution.status !== 'published') return;
    await contributionRecords.withdrawContribution(contribution, contribution.hidden ? undefined : await countsSeen(contribution), now());
  });
}

/**
 * Its author or one of its organisation's admins restores a withdrawn contribution, within `restorableDays` of its
 * withdrawal, with its organisation as it is now; restoring a published one changes nothing.
 */
export async function restoreContribution(caller: Caller, slug: string, id: string): Promise<Contribution> {
  await editable(caller, 'restore-contribution', slug, id);
  return withRetries(async () => {
    const contribution = (await contributionRecords.getContribution(slug, id, true))!;
    if (contribution.status === 'published') return contributionRecords.publicContribution(contribution);
    if (!restorable(contribution, new Date())) {
      throw new Conflict(`This contribution was withdrawn more than ${restorableDays} days ago: it can no longer be restored. Submit it again instead.`);
    }
    const { name, kind, country } = (await organisationRecords.getOrganisation(contribution.organisation.id, true))!;
    const current = { ...contribution, organisation: { ...contribution.organisation, name, kind, country } };
    const time = now();
    await contributionRecords.restoreContribution(current, current.hidden ? undefined : await countsSeen(current), time);
    const { withdrawnAt: _, ...restored } = current;
    return contributionRecords.publicContribution({ ...restored, status: 'published', version: restored.version + 1, updatedAt: time });
  });
}

/** A lead of the action or a steward hides a contribution (or rewords why); it leaves every public list and count. */
export async function hideContribution(caller: Caller, slug: string, id: string, { reason }: Hiding): Promise<Contribution> {
  await getAction(slug);
  await authorise(caller, 'hide-contribution', { action: slug });
  return withRetries(async () => {
    const contribution = await contributionRecords.getContribution(slug, id, true);
    if (!contribution) throw new NotFound(`There is no contribution ${id} on "${slug}".`);
    if (contribution.status !== 'published') throw new Conflict('This contribution was withdrawn: it is not shown anywhere already.');
    const hiding = { reason, at: contribution.hidden?.at ?? now(), by: caller.id, moderator: caller.steward ? ('steward' as const) : ('lead' as const) };
    if (contribution.hidden) {
      if (!(await contributionRecords.rewordHiding(slug, id, hiding))) throw new toolkit.WriteRaced('shown again meanwhile');
    } else {
      await contributionRecords.hideContribution(contribution, await countsSeen(contribution), hiding);
    }
    return contributionRecords.publicContribution({ ...contribution, hidden: { reason, at: hiding.at, by: hiding.moderator } });
  });
}

/** The contributions hidden most recently across every action, the latest hiding first: the stewards' queue. */
export async function listRecentlyHidden(caller: Caller, { limit }: { limit: number }) {
  await authorise(caller, 'list-recently-hidden');
  const hidden = await acrossActions(contributionRecords.allHiddenContributionsOf);
  return { items: hidden.sort((a, b) => b.hidden!.at.localeCompare(a.hidden!.at)).slice(0, limit) };
}

/** Shows a hidden contribution again, counted with its organisation as it is now; showing a shown one changes nothing. */
export async function unhideContribution(caller: Caller, slug: string, id: string): Promise<Contribution> {
  await getAction(slug);
  await authorise(caller, 'unhide-contribution', { action: slug });
  return withRetries(async () => {
    const contribution = await contributionRecords.getContribution(slug, id, true);
    if (!contribution) throw new NotFound(`There is no contribution ${id} on "${slug}".`);
    const { hidden: _, ...shown } = contribution;
    if (!contribution.hidden) return contributionRecords.publicContribution(shown);
    const organisation = await organisationRecords.getOrganisation(contribution.organisation.id, true);
    const { name, kind, country } = organisation!;
    const current = { ...contribution, organisation: { ...contribution.organisation, name, kind, country } };
    await contributionRecords.unhideContribution(current, contribution.status === 'published' ? await countsSeen(current) : undefined, caller.id, now());
    return contributionRecords.publicContribution({ ...shown, organisation: current.organisation });
  });
}

/** A public contribution's progress updates, newest first. */
export async function listContributionUpdates(slug: string, id: string, page: { cursor?: string; limit: number }): Promise<ProgressUpdatePage> {
  const contribution = await contributionRecords.getContribution(slug, id);
  if (contribution?.status !== 'published' || contribution.hidden) throw new NotFound(`There is no contribution ${id} on "${slug}".`);
  return progressRecords.listUpdates(slug, id, page);
}

/**
 * Its author or one of its organisation's admins posts a progress update on a public contribution, and says where it
 * now stands; a first update on one not started says it is in progress. The action's counts follow.
 */
export async function postContributionUpdate(caller: Caller, slug: string, id: string, input: NewContributionUpdate): Promise<ProgressUpdate> {
  await editable(caller, 'post-contribution-update', slug, id);
  return withRetries(async () => {
    const contribution = await contributionRecords.getContribution(slug, id, true);
    if (contribution?.status !== 'published') throw new NotFound(`There is no contribution ${id} on "${slug}".`);
    if (contribution.hidden) throw new Conflict('This contribution is hidden by the coalition’s leads: it takes no progress updates until it is shown again.');
    const progress = input.progress ?? (contribution.progress === 'not-started' ? 'in-progress' : contribution.progress);
    const update = progressRecords.newUpdate({ organisation: contribution.organisation, text: input.text, link: input.link, at: now() });
    await contributionRecords.postUpdate(contribution, progressRecords.updateItem(slug, { kind: 'contribution', id }, update, caller.id), progress);
    return update;
  });
}
