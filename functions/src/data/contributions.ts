// Contributions: stored with their author, listed while public, hidden by leads, withdrawn by their organisation.
import {
  Conflict,
  NotFound,
  StaleVersion,
  writtenAddress,
  type Contribution,
  type ContributionChanges,
  type ContributionProgress,
  type ContributionsQuery,
  type Moderator,
  type OrganisationContributionsQuery,
} from '@collective-actions/shared';
import { dynamo, isConditionFailure, tableName } from './client.ts';
import { progressCountAttribute } from './actions.ts';
import { countUpdates, type CountsSeen } from './counts.ts';
import { keys } from './keys.ts';
import { outboxItem } from './notifications.ts';
import { itemExists, itemIsNew } from './table.ts';
import { WriteRaced, getItem, queryIndex, queryPage, setAndRemove, setChanges, transactWrite, ulidPattern, type Item, type TransactItem } from './toolkit.ts';

/** A contribution as stored: the public record plus who wrote it. */
export type StoredContribution = Contribution & { authorId: string };

export function toContribution(item: Item): StoredContribution {
  const { id, name, kind, country } = item.organisation;
  return {
    id: item.id,
    action: item.action,
    organisation: { id, name, kind, country },
    // Stored before requests: an offer, for no region and no date.
    kind: item.kind ?? 'offer',
    offers: item.offers,
    title: item.title,
    text: item.text,
    links: item.links.map(writtenAddress),
    language: item.language,
    region: item.region ?? null,
    deadline: item.deadline ?? null,
    status: item.status,
    // Stored before progress: not started.
    progress: item.progress ?? 'not-started',
    // Who hid it was kept from when a lead and a steward were told apart.
    ...(item.hiding ? { hidden: { reason: item.hiding.reason, at: item.hiding.at, by: item.hiding.moderator ?? null } } : {}),
    ...(item.status === 'withdrawn' ? { withdrawnAt: item.withdrawnAt } : {}),
    version: item.version,
    createdAt: item.createdAt,
    updatedAt: item.updatedAt,
    authorId: item.authorId,
  };
}

export const publicContribution = ({ authorId: _, ...contribution }: StoredContribution): Contribution => contribution;

export async function getContribution(slug: string, id: string, consistent = false): Promise<StoredContribution | undefined> {
  const item = await getItem(keys.contribution(slug, id), consistent);
  return item && toContribution(item);
}

export async function createContribution(contribution: StoredContribution, seen: CountsSeen): Promise<void> {
  const { action, id, organisation } = contribution;
  await transactWrite(
    [
      {
        ConditionCheck: {
          TableName: tableName,
          Key: keys.membership(organisation.id, contribution.authorId),
          ConditionExpression: itemExists,
        },
      },
      {
        Put: {
          TableName: tableName,
          Item: {
            ...keys.contribution(action, id),
            ...keys.contributionListing(action, id, organisation.kind, organisation.country, contribution.createdAt),
            ...keys.contributionOwner(organisation.id, id, action),
            ...contribution,
          },
          ConditionExpression: itemIsNew,
        },
      },
      ...countUpdates(contribution, seen, 1),
      // The action's followers hear of it in their digests.
      outboxItem({ kind: 'contribution-added', ...moderationEvent(contribution, contribution.authorId, contribution.createdAt), people: [] }),
    ],
    [() => new WriteRaced('no longer a member'), undefined, () => new NotFound(`There is no action "${action}".`)],
  );
}

export async function updateContribution(slug: string, id: string, changes: ContributionChanges, now: string): Promise<StoredContribution> {
  const update = setChanges(changes, now);
  try {
    const output = await dynamo.update({
      TableName: tableName,
      Key: keys.contribution(slug, id),
      UpdateExpression: update.UpdateExpression,
      ConditionExpression: `${itemExists} AND #version = :expected AND #status = :published`,
      ExpressionAttributeNames: { ...update.ExpressionAttributeNames, '#status': 'status' },
      ExpressionAttributeValues: { ...update.ExpressionAttributeValues, ':published': 'published' },
      ReturnValues: 'ALL_NEW',
      ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
    });
    return toContribution(output.Attributes!);
  } catch (error) {
    if (!isConditionFailure(error)) throw error;
    if (!error.Item) throw new NotFound(`There is no contribution ${id} on "${slug}".`);
    if (error.Item.status?.S !== 'published') throw new Conflict('This contribution was withdrawn: it can no longer be edited.');
    throw new StaleVersion('contribution');
  }
}

/** The condition that the contribution is still published and still hidden (or not), as it was read. */
/**
 * The condition that a contribution is as its writer read it: published, hidden or not, and at the progress its counts
 * follow (stored before progress: none, which is not started).
 */
const asRead = (contribution: Contribution) => ({
  ConditionExpression: [
    '#status = :published',
    contribution.hidden ? 'attribute_exists(hiding)' : 'attribute_not_exists(hiding)',
    contribution.progress === 'not-started' ? '(attribute_not_exists(#progress) OR #progress = :progress)' : '#progress = :progress',
  ].join(' AND '),
  names: { '#status': 'status', '#progress': 'progress' },
  values: { ':published': 'published', ':progress': contribution.progress },
});

/**
 * Withdraws a published contribution: kept, out of every list, and taken out of every count
 * (unless it was hidden, which took it out already). Without `seen` only for a hidden one.
 */
export async function withdrawContribution(contribution: StoredContribution, seen: CountsSeen | undefined, now: string): Promise<void> {
  await transactWrite([
    {
      Update: {
        TableName: tableName,
        Key: keys.contribution(contribution.action, contribution.id),
        // A hidden one has left the public lists already, and stays in the leads' hidden list until shown again.
        UpdateExpression: `SET #status = :withdrawn, updatedAt = :now, withdrawnAt = :now, #version = #version + :one${contribution.hidden ? '' : ` REMOVE ${keys.contributionListingAttributes.join(', ')}`}`,
        ConditionExpression: asRead(contribution).ConditionExpression,
        ExpressionAttributeNames: { ...asRead(contribution).names, '#version': 'version' },
        ExpressionAttributeValues: { ...asRead(contribution).values, ':withdrawn': 'withdrawn', ':now': now, ':one': 1 },
      },
    },
    ...(contribution.hidden ? [] : countUpdates(contribution, seen!, -1)),
  ]);
}

/**
 * Restores a withdrawn contribution as it was, with its organisation as it is now: back in every list and count it left
 * (a hidden one stays in the hidden list, counted nowhere). Without `seen` only for a hidden one. Fails (WriteRaced) if
 * it changed since it was read.
 */
export async function restoreContribution(contribution: StoredContribution, seen: CountsSeen | undefined, now: string): Promise<void> {
  const { action, id, organisation } = contribution;
  const listing = contribution.hidden ? {} : keys.contributionListing(action, id, organisation.kind, organisation.country, contribution.createdAt);
  const update = setAndRemove({ status: 'published', organisation, updatedAt: now, ...listing }, ['withdrawnAt']);
  await transactWrite([
    {
      Update: {
        TableName: tableName,
        Key: keys.contribution(action, id),
        ...update,
        UpdateExpression: `${update.UpdateExpression} ADD #version :one`,
        ConditionExpression: `#status = :withdrawn AND withdrawnAt = :withdrawnAt AND ${contribution.hidden ? 'attribute_exists(hiding)' : 'attribute_not_exists(hiding)'}`,
        ExpressionAttributeNames: { ...update.ExpressionAttributeNames, '#status': 'status', '#version': 'version' },
        ExpressionAttributeValues: { ...update.ExpressionAttributeValues, ':withdrawn': 'withdrawn', ':withdrawnAt': contribution.withdrawnAt, ':one': 1 },
      },
    },
    ...(contribution.hidden ? [] : countUpdates({ ...contribution, status: 'published' }, seen!, 1)),
  ]);
}

/**
 * Posts a progress update (its item) on a public contribution, which then stands at `progress`: the action's counts
 * follow, in the same transaction. Fails (WriteRaced) if the contribution changed since it was read.
 */
export async function postUpdate(contribution: StoredContribution, update: TransactItem, progress: ContributionProgress): Promise<void> {
  const condition = asRead(contribution);
  const key = keys.contribution(contribution.action, contribution.id);
  const moves = [
    [progress, 1],
    [contribution.progress, -1],
  ].filter(([counted]) => counted !== 'not-started') as Array<[Exclude<ContributionProgress, 'not-started'>, number]>;
  const changed = progress !== contribution.progress;
  await transactWrite([
    changed
      ? {
          Update: {
            TableName: tableName,
            Key: key,
            UpdateExpression: 'SET #progress = :new',
            ConditionExpression: condition.ConditionExpression,
            ExpressionAttributeNames: condition.names,
            ExpressionAttributeValues: { ...condition.values, ':new': progress },
          },
        }
      : { ConditionCheck: { TableName: tableName, Key: key, ConditionExpression: condition.ConditionExpression, ExpressionAttributeNames: condition.names, ExpressionAttributeValues: condition.values } },
    ...(changed && moves.length
      ? [
          {
            Update: {
              TableName: tableName,
              Key: keys.action(contribution.action),
              UpdateExpression: `ADD ${moves.map((_, index) => `#count${index} :delta${index}`).join(', ')}`,
              ConditionExpression: itemExists,
              ExpressionAttributeNames: Object.fromEntries(moves.map(([counted], index) => [`#count${index}`, progressCountAttribute(counted)])),
              ExpressionAttributeValues: Object.fromEntries(moves.map(([, delta], index) => [`:delta${index}`, delta])),
            },
          },
        ]
      : []),
    update,
  ]);
}

export interface HidingRecord {
  reason: string;
  at: string;
  /** The lead or steward who hid it: kept, never shown. */
  by: string;
  /** Whether they hid it as a lead of the coalition or as a steward: shown to its organisation. */
  moderator: Moderator;
}

/** What is told of a contribution (its author and its organisation's admins, of its hiding or showing). */
const moderationEvent = (contribution: StoredContribution, by: string, at: string) => ({
  at,
  actor: by,
  people: [contribution.authorId],
  action: contribution.action,
  organisation: contribution.organisation,
  contribution: { id: contribution.id, title: contribution.title },
});

/** Hides a public contribution: out of the public lists and counts, into the action's hidden list; its people are told why. */
export async function hideContribution(contribution: StoredContribution, seen: CountsSeen, hiding: HidingRecord): Promise<void> {
  const { action, id } = contribution;
  // Into the hidden list, out of every public one.
  const listing = keys.hiddenContributionListing(action, id);
  const update = setAndRemove({ hiding, ...listing }, keys.contributionListingAttributes.filter((name) => !(name in listing)));
  await transactWrite([
    {
      Update: {
        TableName: tableName,
        Key: keys.contribution(action, id),
        ...update,
        ConditionExpression: asRead(contribution).ConditionExpression,
        ExpressionAttributeNames: { ...update.ExpressionAttributeNames, ...asRead(contribution).names },
        ExpressionAttributeValues: { ...update.ExpressionAttributeValues, ...asRead(contribution).values },
      },
    },
    ...countUpdates(contribution, seen, -1),
    outboxItem({ kind: 'contribution-hidden', reason: hiding.reason, ...moderationEvent(contribution, hiding.by, hiding.at) }),
  ]);
}

/** Changes the reason a contribution is hidden for; answers false if it is no longer hidden. */
export async function rewordHiding(slug: string, id: string, hiding: HidingRecord): Promise<boolean> {
  try {
    await dynamo.update({
      TableName: tableName,
      Key: keys.contribution(slug, id),
      UpdateExpression: 'SET hiding = :hidden',
      ConditionExpression: 'attribute_exists(hiding)',
      ExpressionAttributeValues: { ':hidden': hiding },
    });
    return true;
  } catch (error) {
    if (isConditionFailure(error)) return false;
    throw error;
  }
}

/**
 * Shows a hidden contribution again. A published one counts again, with its organisation as it is
 * now (its kind or country may have changed while it counted nowhere); a withdrawn one stays out.
 */
export async function unhideContribution(contribution: StoredContribution, seen: CountsSeen | undefined, by: string, now: string): Promise<void> {
  const { action, id, organisation } = contribution;
  const published = contribution.status === 'published';
  const listed = setAndRemove({ organisation, ...keys.contributionListing(action, id, organisation.kind, organisation.country, contribution.createdAt) }, ['hiding']);
  const unlisted = setAndRemove({}, ['hiding', ...Object.keys(keys.hiddenContributionListing(action, id))]);
  await transactWrite([
    {
      Update: published
        ? {
            TableName: tableName,
            Key: keys.contribution(action, id),
            ...listed,
            ConditionExpression: asRead(contribution).ConditionExpression,
            ExpressionAttributeNames: { ...listed.ExpressionAttributeNames, ...asRead(contribution).names },
            ExpressionAttributeValues: { ...listed.ExpressionAttributeValues, ...asRead(contribution).values },
          }
        : {
            TableName: tableName,
            Key: keys.contribution(action, id),
            ...unlisted,
            ConditionExpression: '#status = :withdrawn AND attribute_exists(hiding)',
            ExpressionAttributeNames: { ...unlisted.ExpressionAttributeNames, '#status': 'status' },
            ExpressionAttributeValues: { ':withdrawn': 'withdrawn' },
          },
    },
    ...(published ? countUpdates(contribution, seen!, 1) : []),
    outboxItem({ kind: 'contribution-shown', ...moderationEvent(contribution, by, now) }),
  ]);
}

/** An organisation's contributions across actions, newest first: its public ones, or all of them. */
export async function listContributionsOf(organisationId: string, page: OrganisationContributionsQuery) {
  const found = await queryPage({
    ...keys.contributionsOfOrganisation(organisationId),
    ...(page.visibility === 'public'
      ? { filter: { expression: '#status = :published AND attribute_not_exists(hiding)', names: { '#status': 'status' }, values: { ':published': 'published' } } }
      : {}),
    limit: page.limit,
    cursor: page.cursor,
    cursorPattern: /^[0-9A-HJKMNP-TV-Z]{26}#[a-z0-9-]{1,80}$/,
    tableKeyAt: keys.contributionAtOwnerPosition,
    newestFirst: true,
  });
  return { items: found.items.map((item) => publicContribution(toContribution(item))), next: found.next };
}

/** Every public contribution of an action (its listing holds nothing else), for the open-data snapshot. */
export async function allContributionsOf(slug: string): Promise<Contribution[]> {
  return (await queryIndex(keys.contributionsOfAction(slug))).map((item) => publicContribution(toContribution(item)));
}

/** Every contribution hidden on an action: moderation keeps them few. */
export async function allHiddenContributionsOf(slug: string): Promise<Contribution[]> {
  return (await queryIndex(keys.hiddenContributionsOfAction(slug))).map((item) => publicContribution(toContribution(item)));
}

export async function listHiddenContributions(slug: string, query: ContributionsQuery) {
  const page = await queryPage({
    ...keys.hiddenContributionsOfAction(slug),
    limit: query.limit,
    cursor: query.cursor,
    cursorPattern: ulidPattern,
    tableKeyAt: (id) => keys.contribution(slug, id),
    newestFirst: true,
  });
  return { items: page.items.map((item) => publicContribution(toContribution(item))), next: page.next };
}

export async function listContributions(slug: string, query: ContributionsQuery) {
  // The narrowest index serves the page; filters no index covers are tested on the items it reads.
  const source = query.country
    ? keys.contributionsOfActionByCountry(slug, query.country)
    : query.organisationKind
      ? keys.contributionsOfActionByKind(slug, query.organisationKind)
      : keys.contributionsOfAction(slug);
  const conditions: string[] = [];
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = {};
  if (query.country && query.organisationKind) {
    conditions.push('organisation.kind = :kind');
    values[':kind'] = query.organisationKind;
  }
  if (query.kind) {
    names['#contributionKind'] = 'kind';
    values[':contributionKind'] = query.kind;
    conditions.push(query.kind === 'offer' ? '(attribute_not_exists(#contributionKind) OR #contributionKind = :contributionKind)' : '#contributionKind = :contributionKind');
  }
  if (query.type) {
    conditions.push('contains(offers, :type)');
    values[':type'] = query.type;
  }
  const page = await queryPage({
    ...source,
    filter: conditions.length ? { expression: conditions.join(' AND '), names, values } : undefined,
    limit: query.limit,
    cursor: query.cursor,
    cursorPattern: ulidPattern,
    tableKeyAt: (id) => keys.contribution(slug, id),
    newestFirst: true,
  });
  return { items: page.items.map((item) => publicContribution(toContribution(item))), next: page.next };
}
