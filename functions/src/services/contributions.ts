// Contributions: submitted for an organisation, edited and withdrawn by their author or its admins.
import { ulid } from 'ulid';
import {
  Forbidden,
  NotFound,
  type Contribution,
  type ContributionChanges,
  type ContributionsQuery,
  type NewContribution,
} from '@collective-actions/shared';
import * as repository from '../data/repository.ts';
import type { Caller } from '../http/caller.ts';
import { getAction } from './actions.ts';
import { requireRole } from './people.ts';
import { now } from './clock.ts';
import { withRetries } from './retries.ts';

export async function submitContribution(caller: Caller, slug: string, input: NewContribution): Promise<Contribution> {
  const { organisationId, ...fields } = input;
  const id = ulid();
  return withRetries(async () => {
    // Re-checked on every attempt: a race can be a removal from the organisation.
    await requireRole(caller, organisationId, 'member', 'body');
    const [organisation, tally] = await Promise.all([
      repository.getOrganisation(organisationId, true),
      repository.getContributorTally(slug, organisationId),
    ]);
    if (!organisation) throw new Forbidden(`You are not a member of organisation ${organisationId}.`);
    const time = now();
    const contribution: repository.StoredContribution = {
      id,
      action: slug,
      organisation: { id: organisation.id, name: organisation.name, kind: organisation.kind, country: organisation.country },
      ...fields,
      status: 'published',
      version: 1,
      createdAt: time,
      updatedAt: time,
      authorId: caller.id,
    };
    await repository.createContribution(contribution, { tally, organisationContributions: organisation.contributionCount });
    return repository.publicContribution(contribution);
  });
}

/** Published contributions are public; withdrawn ones are kept but no longer shown. */
export async function getContribution(slug: string, id: string): Promise<Contribution> {
  const contribution = await repository.getContribution(slug, id);
  if (!contribution || contribution.status !== 'published') throw new NotFound(`There is no contribution ${id} on "${slug}".`);
  return repository.publicContribution(contribution);
}

export async function listContributions(slug: string, query: ContributionsQuery) {
  const [, page] = await Promise.all([getAction(slug), repository.listContributions(slug, query)]);
  return page;
}

/** The stored contribution, if the caller wrote it or administers its organisation. */
async function editable(caller: Caller, slug: string, id: string): Promise<repository.StoredContribution> {
  const contribution = await repository.getContribution(slug, id, true);
  if (!contribution) throw new NotFound(`There is no contribution ${id} on "${slug}".`);
  if (contribution.authorId !== caller.id) await requireRole(caller, contribution.organisation.id, 'admin');
  return contribution;
}

export async function editContribution(caller: Caller, slug: string, id: string, changes: ContributionChanges): Promise<Contribution> {
  await editable(caller, slug, id);
  return repository.publicContribution(await repository.updateContribution(slug, id, changes, now()));
}

/** Withdrawing twice is the same as once. */
export async function withdrawContribution(caller: Caller, slug: string, id: string): Promise<void> {
  await editable(caller, slug, id);
  await withRetries(async () => {
    const contribution = await repository.getContribution(slug, id, true);
    if (!contribution || contribution.status !== 'published') return;
    const [organisation, tally] = await Promise.all([
      repository.getOrganisation(contribution.organisation.id, true),
      repository.getContributorTally(slug, contribution.organisation.id),
    ]);
    await repository.withdrawContribution(contribution, { tally, organisationContributions: organisation!.contributionCount }, now());
  });
}
