// Themes and collective actions, in their order, with the counts their records carry.
import {
  Conflict,
  NotFound,
  StaleVersion,
  organisationKinds,
  publicCooperationStatuses,
  type Action,
  type ActionChanges,
  type BilingualText,
  type ContributionProgress,
  type CooperationCounts,
  type CountsByKind,
  type NewAction,
  type OrganisationKind,
  type ProgressCounts,
  type PublicCooperationStatus,
  type Theme,
} from '@collective-actions/shared';
import { dynamo, isConditionFailure, tableName } from './client.ts';
import { keys } from './keys.ts';
import { itemExists, itemIsNew } from './table.ts';
import { outboxItem } from './notifications.ts';
import { getItem, queryIndex, setChanges, transactWrite, type Item } from './toolkit.ts';

/** Both languages, in the order every answer gives them (DynamoDB keeps no order in a map). */
const bilingualOf = (text: BilingualText): BilingualText => ({ en: text.en, fr: text.fr });

const toTheme = (item: Item): Theme => ({ id: item.id, position: item.position, title: bilingualOf(item.title) });

/** The attribute counting contributing organisations of a kind (on an action, and platform-wide). */
export const kindCountAttribute = (kind: OrganisationKind) => `organisations_${kind}`;
export const memberCountAttribute = (kind: OrganisationKind) => `members_${kind}`;

/** The attribute counting an action's cooperations of a public status. */
export const cooperationCountAttribute = (status: PublicCooperationStatus) => `cooperations_${status}`;

export const cooperationCountsOf = (item: Item): CooperationCounts =>
  Object.fromEntries(publicCooperationStatuses.map((status) => [status, item[cooperationCountAttribute(status)] ?? 0])) as CooperationCounts;

/** The attribute counting an action's public contributions of a progress (none for those not started: the rest). */
export const progressCountAttribute = (progress: Exclude<ContributionProgress, 'not-started'>) => `progress_${progress}`;

/** An action's public contributions by progress: those not started are the ones neither in progress nor delivered. */
export function progressCountsOf(item: Item): ProgressCounts {
  const started = { 'in-progress': item[progressCountAttribute('in-progress')] ?? 0, delivered: item[progressCountAttribute('delivered')] ?? 0 };
  return { 'not-started': (item.contributionCount ?? 0) - started['in-progress'] - started.delivered, ...started };
}

export function countsByKind(item: Item, attribute = kindCountAttribute): CountsByKind {
  return Object.fromEntries(organisationKinds.map((kind) => [kind, item[attribute(kind)] ?? 0])) as CountsByKind;
}

function toAction(item: Item): Action {
  return {
    slug: item.slug,
    position: item.position,
    theme: item.theme,
    title: bilingualOf(item.title),
    summary: bilingualOf(item.summary),
    workingGroup: item.workingGroup ?? null,
    ...(item.reported2016 ? { reported2016: item.reported2016 } : {}),
    counts: {
      contributions: item.contributionCount ?? 0,
      organisations: countsByKind(item),
      members: countsByKind(item, memberCountAttribute),
      leads: item.leadCount ?? 0,
      cooperations: cooperationCountsOf(item),
      progress: progressCountsOf(item),
    },
    version: item.version,
    createdAt: item.createdAt,
    updatedAt: item.updatedAt,
  };
}

export async function putTheme(theme: Theme): Promise<void> {
  await dynamo.put({ TableName: tableName, Item: { ...keys.theme(theme.id), ...keys.themeListing(theme.position), ...theme } });
}

export async function getTheme(id: string): Promise<Theme | undefined> {
  const item = await getItem(keys.theme(id));
  return item && toTheme(item);
}

export async function listThemes(): Promise<Theme[]> {
  return (await queryIndex(keys.themes)).map(toTheme);
}

export async function getAction(slug: string): Promise<Action | undefined> {
  const item = await getItem(keys.action(slug));
  return item && toAction(item);
}

export async function listActions(theme?: string): Promise<Action[]> {
  return (await queryIndex(theme ? keys.actionsOfTheme(theme) : keys.actions)).map(toAction);
}

/**
 * Creates an action at the end of the list, with the notice of it its theme's followers are told (or at a given
 * position, for the seed, untold).
 */
export async function createAction(
  action: NewAction,
  now: string,
  origin: { by: string } | { seed: { position: number; reported2016?: Action['reported2016'] } },
): Promise<Action> {
  const seed = 'seed' in origin ? origin.seed : undefined;
  const position = seed?.position ?? (await nextActionPosition());
  const item = {
    ...keys.action(action.slug),
    ...keys.actionListing(position, action.theme),
    ...action,
    position,
    reported2016: seed?.reported2016,
    contributionCount: 0,
    version: 1,
    createdAt: now,
    updatedAt: now,
  };
  await transactWrite(
    [
      { Put: { TableName: tableName, Item: item, ConditionExpression: itemIsNew } },
      ...('by' in origin ? [outboxItem({ kind: 'action-created', at: now, actor: origin.by, people: [], action: action.slug, theme: action.theme })] : []),
    ],
    [() => new Conflict(`An action with the slug "${action.slug}" already exists: choose another slug.`)],
  );
  return toAction(item);
}

async function nextActionPosition(): Promise<number> {
  const output = await dynamo.update({
    TableName: tableName,
    Key: keys.actionSequence,
    UpdateExpression: 'ADD #value :one',
    ExpressionAttributeNames: { '#value': 'value' },
    ExpressionAttributeValues: { ':one': 1 },
    ReturnValues: 'UPDATED_NEW',
  });
  return output.Attributes!.value;
}

/** Seeded actions take positions from 1; later ones continue after them. */
export async function reserveActionPositions(count: number): Promise<void> {
  await dynamo.update({
      TableName: tableName,
      Key: keys.actionSequence,
      UpdateExpression: 'SET #value = :count',
      ConditionExpression: 'attribute_not_exists(#value) OR #value < :count',
      ExpressionAttributeNames: { '#value': 'value' },
      ExpressionAttributeValues: { ':count': count },
    },
  ).catch((error) => {
    if (!isConditionFailure(error)) throw error;
  });
}

export async function updateAction(slug: string, changes: ActionChanges, now: string): Promise<Action> {
  const current = await getItem(keys.action(slug), true);
  if (!current) throw new NotFound(`There is no action "${slug}".`);
  const listing = changes.theme ? keys.actionListing(current.position, changes.theme) : {};
  const update = setChanges(changes, now, listing);
  try {
    const output = await dynamo.update({
      TableName: tableName,
      Key: keys.action(slug),
      ...update,
      ConditionExpression: `${itemExists} AND #version = :expected`,
      ReturnValues: 'ALL_NEW',
    });
    return toAction(output.Attributes!);
  } catch (error) {
    if (isConditionFailure(error)) throw new StaleVersion('action');
    throw error;
  }
}
