// Reads and writes of every entity; each request path is a GetItem, a Query or a transaction.
import {
  BatchGetCommand,
  type BatchGetCommandOutput,
  DeleteCommand,
  GetCommand,
  PutCommand,
  QueryCommand,
  TransactWriteCommand,
  UpdateCommand,
  type QueryCommandInput,
  type TransactWriteCommandInput,
} from '@aws-sdk/lib-dynamodb';
import { ConditionalCheckFailedException, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { monotonicFactory } from 'ulid';
import {
  BadRequest,
  Conflict,
  NotFound,
  StaleVersion,
  organisationKinds,
  type Action,
  type ActionChanges,
  type BilingualText,
  type Contribution,
  type ContributionChanges,
  type ContributionsQuery,
  type CountsByKind,
  type NewAction,
  type Organisation,
  type OrganisationChanges,
  type OrganisationKind,
  type OrganisationRole,
  type OrganisationsQuery,
  type Person,
  type Stats,
  type IdentityField,
  type OrganisationEvent,
  type Theme,
  type VerificationRequest,
  identityFields,
  writtenAddress,
} from '@collective-actions/shared';
import { documents, tableName } from './client.ts';
import { directorySortKey, keys } from './keys.ts';

type Item = Record<string, any>;

/** A write lost a race with another one; re-read and try again. */
export class WriteRaced extends Error {}

// ---------------------------------------------------------------- items ↔ records

/** Both languages, in the order every answer gives them (DynamoDB keeps no order in a map). */
const bilingualOf = (text: BilingualText): BilingualText => ({ en: text.en, fr: text.fr });

const toTheme = (item: Item): Theme => ({ id: item.id, position: item.position, title: bilingualOf(item.title) });

const kindCountAttribute = (kind: OrganisationKind) => `organisations_${kind}`;
export const memberCountAttribute = (kind: OrganisationKind) => `members_${kind}`;

function countsByKind(item: Item, attribute = kindCountAttribute): CountsByKind {
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
    },
    version: item.version,
    createdAt: item.createdAt,
    updatedAt: item.updatedAt,
  };
}

export function toOrganisation(item: Item): Organisation {
  return {
    id: item.id,
    name: item.name,
    kind: item.kind,
    country: item.country,
    website: writtenAddress(item.website),
    verified: item.verified ?? false,
    verifiedAt: item.verifiedAt ?? null,
    contributionCount: item.contributionCount ?? 0,
    version: item.version,
    createdAt: item.createdAt,
    updatedAt: item.updatedAt,
  };
}

/** A contribution as stored: the public record plus who wrote it. */
export type StoredContribution = Contribution & { authorId: string };

export function toContribution(item: Item): StoredContribution {
  const { id, name, kind, country } = item.organisation;
  return {
    id: item.id,
    action: item.action,
    organisation: { id, name, kind, country },
    offers: item.offers,
    title: item.title,
    text: item.text,
    links: item.links.map(writtenAddress),
    language: item.language,
    status: item.status,
    ...(item.hiding ? { hidden: { reason: item.hiding.reason, at: item.hiding.at } } : {}),
    version: item.version,
    createdAt: item.createdAt,
    updatedAt: item.updatedAt,
    authorId: item.authorId,
  };
}

export const publicContribution = ({ authorId: _, ...contribution }: StoredContribution): Contribution => contribution;

// ---------------------------------------------------------------- pages and cursors

const encodeCursor = (after: string) => Buffer.from(JSON.stringify({ after }), 'utf8').toString('base64url');

function decodeCursor(cursor: string, valid: RegExp): string {
  try {
    const { after } = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (typeof after === 'string' && valid.test(after)) return after;
  } catch {
    // falls through to the same answer as a well-formed cursor of another list
  }
  throw new BadRequest('The cursor is not valid: pass the `next` value of the previous page unchanged.');
}

interface PageSpec {
  index: string;
  partition: string;
  /** Bounds on the index's sort key, both inclusive. */
  range?: { from?: string; to?: string };
  /** Attributes tested after the key condition, for filters no index covers. */
  filter?: { expression: string; names: Record<string, string>; values: Record<string, unknown> };
  limit: number;
  cursor?: string;
  /** What a valid cursor position looks like (the index's sort key). */
  cursorPattern: RegExp;
  /** The table key of the item at a sort key position, which DynamoDB needs to resume an index query. */
  tableKeyAt: (sortKey: string) => Record<string, string>;
  newestFirst?: boolean;
}

// A filtered page reads at most this many index items, so a rare filter never reads the whole list.
const maxItemsReadPerPage = 500;

export async function queryPage(spec: PageSpec): Promise<{ items: Item[]; next: string | null }> {
  const pk = `${spec.index}PK`;
  const sk = `${spec.index}SK`;
  const { from, to } = spec.range ?? {};
  // A range that ends before it starts holds nothing (DynamoDB refuses such a BETWEEN rather than answer it).
  if (from && to && from > to) return { items: [], next: null };
  const rangeCondition = from && to ? ' AND #sk BETWEEN :from AND :to' : from ? ' AND #sk >= :from' : to ? ' AND #sk <= :to' : '';
  const startKeyAt = (sortKey: string) => ({ ...spec.tableKeyAt(sortKey), [pk]: spec.partition, [sk]: sortKey });
  let exclusiveStartKey = spec.cursor ? startKeyAt(decodeCursor(spec.cursor, spec.cursorPattern)) : undefined;
  const items: Item[] = [];
  let read = 0;
  // One more than the page, so `next` is null exactly on the last page.
  const wanted = spec.limit + 1;
  do {
    const output = await documents.send(
      new QueryCommand({
        TableName: tableName,
        IndexName: spec.index,
        KeyConditionExpression: `#pk = :pk${rangeCondition}`,
        FilterExpression: spec.filter?.expression,
        ExpressionAttributeNames: { '#pk': pk, ...(rangeCondition ? { '#sk': sk } : {}), ...spec.filter?.names },
        ExpressionAttributeValues: {
          ':pk': spec.partition,
          ...(from ? { ':from': from } : {}),
          ...(to ? { ':to': to } : {}),
          ...spec.filter?.values,
        },
        ScanIndexForward: !spec.newestFirst,
        Limit: spec.filter ? Math.min(100, maxItemsReadPerPage - read) : wanted - items.length,
        ExclusiveStartKey: exclusiveStartKey,
      }),
    );
    items.push(...(output.Items ?? []));
    read += output.ScannedCount ?? 0;
    exclusiveStartKey = output.LastEvaluatedKey as typeof exclusiveStartKey;
    if (items.length >= wanted) {
      return { items: items.slice(0, spec.limit), next: encodeCursor(items[spec.limit - 1][sk]) };
    }
  } while (exclusiveStartKey && read < maxItemsReadPerPage);
  // The read budget ran out before the page filled: the next page resumes after the last item read.
  return { items, next: exclusiveStartKey ? encodeCursor(exclusiveStartKey[sk]) : null };
}

export async function queryAll(input: Omit<QueryCommandInput, 'TableName' | 'ExclusiveStartKey'>): Promise<Item[]> {
  const items: Item[] = [];
  let exclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const output = await documents.send(new QueryCommand({ ...input, TableName: tableName, ExclusiveStartKey: exclusiveStartKey }));
    items.push(...(output.Items ?? []));
    exclusiveStartKey = output.LastEvaluatedKey;
  } while (exclusiveStartKey);
  return items;
}

export const queryIndex = ({ index, partition }: { index: string; partition: string }) =>
  queryAll({
    IndexName: index,
    KeyConditionExpression: '#pk = :pk',
    ExpressionAttributeNames: { '#pk': `${index}PK` },
    ExpressionAttributeValues: { ':pk': partition },
  });

export async function getItem(key: Record<string, string>, consistent = false): Promise<Item | undefined> {
  const output = await documents.send(new GetCommand({ TableName: tableName, Key: key, ConsistentRead: consistent }));
  return output.Item;
}

/** The codes of a cancelled transaction, one per item, or undefined for any other error. */
function cancellationCodes(error: unknown): string[] | undefined {
  if (!(error instanceof TransactionCanceledException)) return undefined;
  return (error.CancellationReasons ?? []).map((reason) => reason.Code ?? 'None');
}

/** Turns a cancelled transaction into the error of the first item that explains it. */
export function explainCancellation(error: unknown, explanations: Array<(() => Error) | undefined>): never {
  const codes = cancellationCodes(error);
  if (!codes) throw error;
  if (codes.includes('TransactionConflict')) throw new WriteRaced('transaction conflict');
  const failed = codes.findIndex((code) => code === 'ConditionalCheckFailed');
  throw explanations[failed]?.() ?? new WriteRaced(`condition ${failed} failed`);
}

export const ulidPattern = /^[0-9A-HJKMNP-TV-Z]{26}$/;

// ---------------------------------------------------------------- themes and actions

export async function putTheme(theme: Theme): Promise<void> {
  await documents.send(
    new PutCommand({ TableName: tableName, Item: { ...keys.theme(theme.id), ...keys.themeListing(theme.position), ...theme } }),
  );
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

/** Creates an action at the end of the list (or at a given position, for the seed). */
export async function createAction(
  action: NewAction,
  now: string,
  seed?: { position: number; reported2016?: Action['reported2016'] },
): Promise<Action> {
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
  try {
    await documents.send(new PutCommand({ TableName: tableName, Item: item, ConditionExpression: 'attribute_not_exists(PK)' }));
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) {
      throw new Conflict(`An action with the slug "${action.slug}" already exists: choose another slug.`);
    }
    throw error;
  }
  return toAction(item);
}

async function nextActionPosition(): Promise<number> {
  const output = await documents.send(
    new UpdateCommand({
      TableName: tableName,
      Key: keys.actionSequence,
      UpdateExpression: 'ADD #value :one',
      ExpressionAttributeNames: { '#value': 'value' },
      ExpressionAttributeValues: { ':one': 1 },
      ReturnValues: 'UPDATED_NEW',
    }),
  );
  return output.Attributes!.value;
}

/** Seeded actions take positions from 1; later ones continue after them. */
export async function reserveActionPositions(count: number): Promise<void> {
  await documents.send(
    new UpdateCommand({
      TableName: tableName,
      Key: keys.actionSequence,
      UpdateExpression: 'SET #value = :count',
      ConditionExpression: 'attribute_not_exists(#value) OR #value < :count',
      ExpressionAttributeNames: { '#value': 'value' },
      ExpressionAttributeValues: { ':count': count },
    }),
  ).catch((error) => {
    if (!(error instanceof ConditionalCheckFailedException)) throw error;
  });
}

/** Builds `SET a = :a, …` for the given changes, plus the version and timestamp every edit bumps. */
export function setChanges(changes: Record<string, unknown>, now: string, extra: Record<string, unknown> = {}) {
  const { version, ...fields } = changes;
  const all = { ...fields, ...extra, updatedAt: now };
  const names: Record<string, string> = { '#version': 'version' };
  const values: Record<string, unknown> = { ':expected': version, ':one': 1 };
  const assignments = Object.entries(all)
    .filter(([, value]) => value !== undefined)
    .map(([name, value], i) => {
      names[`#f${i}`] = name;
      values[`:f${i}`] = value;
      return `#f${i} = :f${i}`;
    });
  return {
    UpdateExpression: `SET ${[...assignments, '#version = #version + :one'].join(', ')}`,
    ExpressionAttributeNames: names,
    ExpressionAttributeValues: values,
  };
}

export async function updateAction(slug: string, changes: ActionChanges, now: string): Promise<Action> {
  const current = await getItem(keys.action(slug), true);
  if (!current) throw new NotFound(`There is no action "${slug}".`);
  const listing = changes.theme ? keys.actionListing(current.position, changes.theme) : {};
  const update = setChanges(changes, now, listing);
  try {
    const output = await documents.send(
      new UpdateCommand({
        TableName: tableName,
        Key: keys.action(slug),
        ...update,
        ConditionExpression: 'attribute_exists(PK) AND #version = :expected',
        ReturnValues: 'ALL_NEW',
      }),
    );
    return toAction(output.Attributes!);
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) throw new StaleVersion('action');
    throw error;
  }
}

// ---------------------------------------------------------------- organisations and people

export async function getOrganisation(id: string, consistent = false): Promise<Organisation | undefined> {
  const item = await getItem(keys.organisation(id), consistent);
  return item && toOrganisation(item);
}

export async function getOrganisations(ids: string[]): Promise<Map<string, Organisation>> {
  const found = new Map<string, Organisation>();
  for (let i = 0; i < ids.length; i += 100) {
    let request: Record<string, any> | undefined = {
      [tableName]: { Keys: ids.slice(i, i + 100).map((id) => keys.organisation(id)) },
    };
    while (request && Object.keys(request).length > 0) {
      const output: BatchGetCommandOutput = await documents.send(new BatchGetCommand({ RequestItems: request }));
      for (const item of output.Responses?.[tableName] ?? []) found.set(item.id, toOrganisation(item));
      request = output.UnprocessedKeys;
    }
  }
  return found;
}

/** The whole directory, for the open-data snapshot. */
export async function allOrganisations(): Promise<Organisation[]> {
  return (await queryIndex(keys.organisations)).map(toOrganisation);
}

export async function listOrganisations(query: OrganisationsQuery) {
  // Country is the narrowest index; kind filters within it when both are given.
  const source = query.country
    ? keys.organisationsOfCountry(query.country)
    : query.kind
      ? keys.organisationsOfKind(query.kind)
      : keys.organisations;
  const page = await queryPage({
    ...source,
    filter:
      query.country && query.kind
        ? { expression: '#kind = :kind', names: { '#kind': 'kind' }, values: { ':kind': query.kind } }
        : undefined,
    limit: query.limit,
    cursor: query.cursor,
    cursorPattern: /#[0-9A-HJKMNP-TV-Z]{26}$/,
    tableKeyAt: (sortKey) => keys.organisation(sortKey.slice(-26)),
  });
  return { items: page.items.map(toOrganisation), next: page.next };
}

export interface PersonClaims {
  id: string;
  name: string | null;
  email: string | null;
}

/** An organisation's place in the stewards' queue, from `since`. */
function verificationRequestItem(organisationId: string, reason: VerificationRequest['reason'], changed: IdentityField[], since: string) {
  return {
    ...keys.verificationRequest(organisationId),
    ...keys.verificationRequestListing(organisationId, since),
    organisationId,
    reason,
    changed,
    since,
  };
}

/** An entry of the organisation's public history. */
const eventId = monotonicFactory();

function organisationEventItem(organisationId: string, event: OrganisationEvent['event'], changed: IdentityField[], at: string, by: string) {
  const id = eventId();
  return { ...keys.organisationEvent(organisationId, id), ...keys.organisationEventListing(organisationId, id), id, organisationId, event, changed, at, by };
}

const toOrganisationEvent = (item: Item): OrganisationEvent => ({ id: item.id, event: item.event, at: item.at, changed: item.changed ?? [] });

/** Registers an organisation with its first admin (the seed registers some with nobody yet); it waits in the stewards' queue. */
export async function createOrganisation(
  organisation: Pick<Organisation, 'id' | 'name' | 'kind' | 'country' | 'website'>,
  admin: PersonClaims | undefined,
  now: string,
): Promise<Organisation> {
  const item = {
    ...keys.organisation(organisation.id),
    ...keys.organisationListing(directorySortKey(organisation.name, organisation.id), organisation.kind, organisation.country),
    ...organisation,
    verified: false,
    contributionCount: 0,
    coalitionCount: 0,
    version: 1,
    createdAt: now,
    updatedAt: now,
  };
  await documents.send(
    new TransactWriteCommand({
      TransactItems: [
        { Put: { TableName: tableName, Item: item, ConditionExpression: 'attribute_not_exists(PK)' } },
        { Put: { TableName: tableName, Item: verificationRequestItem(organisation.id, 'registered', [], now) } },
        ...(admin ? [{ Put: { TableName: tableName, Item: membershipItem(organisation.id, admin, 'admin', now) } }] : []),
      ],
    }),
  );
  return toOrganisation(item);
}

/**
 * Applies an edit. Kind and country are copied into every contribution, membership and count, so they may change only
 * while the organisation has no public contribution and is in no coalition. A verification vouches for the identity a
 * steward saw: a change to it withdraws the verification, in the same transaction as the change, with an entry in the
 * organisation's public history and a place in the stewards' queue.
 */
export async function updateOrganisation(id: string, changes: OrganisationChanges, now: string, by: string): Promise<Organisation> {
  const current = await getItem(keys.organisation(id), true);
  if (!current) throw new NotFound(`There is no organisation ${id}.`);
  const next = { name: current.name, kind: current.kind, country: current.country, ...changes };
  const listing = keys.organisationListing(directorySortKey(next.name, id), next.kind, next.country);
  const movesCounts = (changes.kind && changes.kind !== current.kind) || (changes.country && changes.country !== current.country);
  // Compared with the organisation as answers show it (an address stored before the rules, written out).
  const shown = toOrganisation(current);
  const changed = identityFields.filter((field) => changes[field] !== undefined && changes[field] !== shown[field]);
  const withdraws = Boolean(current.verified) && changed.length > 0;
  const update = setChanges(changes, now, { ...listing, ...(withdraws ? { verified: false } : {}) });
  const verificationRemoved = withdraws ? ' REMOVE verifiedAt, verifiedBy' : '';
  try {
    await documents.send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Update: {
              TableName: tableName,
              Key: keys.organisation(id),
              ...update,
              UpdateExpression: `${update.UpdateExpression}${verificationRemoved}`,
              ConditionExpression: `#version = :expected${movesCounts ? ' AND contributionCount = :zero AND (attribute_not_exists(coalitionCount) OR coalitionCount = :zero)' : ''}`,
              ExpressionAttributeValues: { ...update.ExpressionAttributeValues, ...(movesCounts ? { ':zero': 0 } : {}) },
              ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
            },
          },
          ...(withdraws
            ? [
                { Put: { TableName: tableName, Item: organisationEventItem(id, 'verification-withdrawn', changed, now, by) } },
                { Put: { TableName: tableName, Item: verificationRequestItem(id, 'identity-changed', changed, now) } },
              ]
            : []),
        ],
      }),
    );
  } catch (error) {
    const reasons = error instanceof TransactionCanceledException ? error.CancellationReasons : undefined;
    if (reasons?.[0]?.Code !== 'ConditionalCheckFailed') throw error;
    // The item in the error is in DynamoDB's own notation.
    if (reasons[0].Item?.version?.N !== String(changes.version)) throw new StaleVersion('organisation');
    throw new Conflict(
      'Kind and country cannot change once the organisation has public contributions or belongs to a coalition: they are part of those records. Ask a steward.',
    );
  }
  if (changes.name && changes.name !== current.name) await renameInCopies(id, changes.name);
  const withdrawn = withdraws ? { verified: false, verifiedAt: undefined } : {};
  return toOrganisation({ ...current, ...changes, ...withdrawn, version: current.version + 1, updatedAt: now });
}

/**
 * Contributions and coalition memberships carry their organisation's name; a rename rewrites them
 * (a submission or an approval racing it re-reads: see their conditions on the name).
 */
async function renameInCopies(organisationId: string, name: string): Promise<void> {
  const copies = [
    ...(await queryIndex(keys.contributionsOfOrganisation(organisationId))),
    ...(await queryIndex(keys.coalitionsOfOrganisation(organisationId))),
  ];
  for (const item of copies) {
    await documents.send(
      new UpdateCommand({
        TableName: tableName,
        Key: { PK: item.PK, SK: item.SK },
        UpdateExpression: 'SET organisation.#name = :name',
        ConditionExpression: 'attribute_exists(PK)',
        ExpressionAttributeNames: { '#name': 'name' },
        ExpressionAttributeValues: { ':name': name },
      }),
    );
  }
}

/**
 * A steward verifies the organisation at the version they read, so that what the badge vouches for is what they saw;
 * it leaves the stewards' queue and its history says so. Verifying a verified organisation changes nothing.
 */
export async function verifyOrganisation(id: string, version: number, stewardId: string, now: string): Promise<Organisation> {
  const current = await getItem(keys.organisation(id), true);
  if (!current) throw new NotFound(`There is no organisation ${id}.`);
  if (current.version !== version) throw new StaleVersion('organisation');
  if (current.verified) return toOrganisation(current);
  try {
    await documents.send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Update: {
              TableName: tableName,
              Key: keys.organisation(id),
              UpdateExpression: 'SET verified = :true, verifiedAt = :now, verifiedBy = :steward, updatedAt = :now, #version = #version + :one',
              ConditionExpression: '#version = :expected',
              ExpressionAttributeNames: { '#version': 'version' },
              ExpressionAttributeValues: { ':true': true, ':now': now, ':steward': stewardId, ':one': 1, ':expected': version },
            },
          },
          { Put: { TableName: tableName, Item: organisationEventItem(id, 'verified', [], now, stewardId) } },
          { Delete: { TableName: tableName, Key: keys.verificationRequest(id) } },
        ],
      }),
    );
  } catch (error) {
    explainCancellation(error, [() => new StaleVersion('organisation')]);
  }
  return toOrganisation({ ...current, verified: true, verifiedAt: now, version: version + 1, updatedAt: now });
}

/** An organisation's public history, newest first. */
export async function listOrganisationHistory(id: string, page: { cursor?: string; limit: number }) {
  const found = await queryPage({
    ...keys.historyOfOrganisation(id),
    limit: page.limit,
    cursor: page.cursor,
    cursorPattern: ulidPattern,
    tableKeyAt: (eventId) => keys.organisationEvent(id, eventId),
    newestFirst: true,
  });
  return { items: found.items.map(toOrganisationEvent), next: found.next };
}

/** The stewards' queue, oldest first, each with its organisation as it is now. */
export async function listVerificationRequests(page: { cursor?: string; limit: number }): Promise<{ items: VerificationRequest[]; next: string | null }> {
  const found = await queryPage({
    ...keys.verificationRequests,
    limit: page.limit,
    cursor: page.cursor,
    cursorPattern: /^\d{4}-\d{2}-\d{2}T[\d:.]+Z#[0-9A-HJKMNP-TV-Z]{26}$/,
    tableKeyAt: keys.verificationRequestAt,
  });
  const organisations = await getOrganisations(found.items.map((item) => item.organisationId));
  return {
    items: found.items.flatMap((item) => {
      const organisation = organisations.get(item.organisationId);
      return organisation ? [{ organisation, reason: item.reason, changed: item.changed ?? [], since: item.since }] : [];
    }),
    next: found.next,
  };
}

/** Whether the organisation waits in the stewards' queue (for the seed, which puts in those written before it). */
export const hasVerificationRequest = async (id: string) => (await getItem(keys.verificationRequest(id))) !== undefined;

export async function putVerificationRequest(id: string, since: string): Promise<void> {
  await documents.send(new PutCommand({ TableName: tableName, Item: verificationRequestItem(id, 'registered', [], since) }));
}

function membershipItem(organisationId: string, person: PersonClaims, role: OrganisationRole, now: string) {
  return {
    ...keys.membership(organisationId, person.id),
    ...keys.membershipOwner(organisationId, person.id),
    organisationId,
    personId: person.id,
    name: person.name,
    email: person.email,
    role,
    since: now,
  };
}

export async function getRole(organisationId: string, personId: string): Promise<OrganisationRole | undefined> {
  return (await getItem(keys.membership(organisationId, personId), true))?.role;
}

export async function getInvitedRole(organisationId: string, email: string): Promise<OrganisationRole | undefined> {
  return (await getItem(keys.invitation(organisationId, email), true))?.role;
}

export async function listInvitingOrganisations(email: string): Promise<string[]> {
  return (await queryIndex(keys.invitationsOfEmail(email))).map((item) => item.organisationId);
}

export async function listMemberships(personId: string): Promise<Array<{ organisationId: string; role: OrganisationRole }>> {
  return (await queryIndex(keys.membershipsOfPerson(personId))).map((item) => ({
    organisationId: item.organisationId,
    role: item.role,
  }));
}

/** Turns an invitation into a membership; answers the role the person holds afterwards. */
export async function acceptInvitation(organisationId: string, person: PersonClaims & { email: string }, now: string) {
  const role = await getInvitedRole(organisationId, person.email);
  if (!role) return getRole(organisationId, person.id);
  try {
    await documents.send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Delete: {
              TableName: tableName,
              Key: keys.invitation(organisationId, person.email),
              ConditionExpression: 'attribute_exists(PK)',
            },
          },
          {
            Put: {
              TableName: tableName,
              Item: membershipItem(organisationId, person, role, now),
              ConditionExpression: 'attribute_not_exists(PK)',
            },
          },
        ],
      }),
    );
    return role;
  } catch (error) {
    const codes = cancellationCodes(error);
    if (!codes) throw error;
    // Already a member: the invitation has nothing left to do. Otherwise a parallel request accepted it.
    if (codes[1] === 'ConditionalCheckFailed') {
      await documents.send(new DeleteCommand({ TableName: tableName, Key: keys.invitation(organisationId, person.email) }));
    }
    return getRole(organisationId, person.id);
  }
}

export async function invitePerson(organisationId: string, email: string, role: OrganisationRole, invitedBy: string, now: string): Promise<Person> {
  const item = {
    ...keys.invitation(organisationId, email),
    ...keys.invitationOwner(organisationId, email),
    organisationId,
    email,
    role,
    invitedBy,
    since: now,
  };
  try {
    await documents.send(new PutCommand({ TableName: tableName, Item: item, ConditionExpression: 'attribute_not_exists(PK)' }));
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) throw new Conflict(`${email} is already invited to this organisation.`);
    throw error;
  }
  return { email, name: null, role, status: 'invited', since: now };
}

/** The organisation's people and pending invitations, in one Query of its partition. */
export async function listPeople(organisationId: string): Promise<Person[]> {
  const items = await queryAll({
    KeyConditionExpression: 'PK = :pk',
    ExpressionAttributeValues: { ':pk': keys.organisationPartition(organisationId) },
  });
  return items.flatMap((item): Person[] => {
    if (item.SK.startsWith(keys.membershipPrefix)) {
      return [{ email: item.email ?? '', name: item.name ?? null, role: item.role, status: 'active', since: item.since }];
    }
    if (item.SK.startsWith(keys.invitationPrefix)) {
      return [{ email: item.email, name: null, role: item.role, status: 'invited', since: item.since }];
    }
    return [];
  });
}

// ---------------------------------------------------------------- contributions

export async function getContribution(slug: string, id: string, consistent = false): Promise<StoredContribution | undefined> {
  const item = await getItem(keys.contribution(slug, id), consistent);
  return item && toContribution(item);
}

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

type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

/**
 * Moves every count a published contribution is part of, by +1 (publish) or -1 (withdraw), with
 * conditions that fail (WriteRaced) if the counts read before have moved since.
 */
function countUpdates(contribution: Contribution, seen: CountsSeen, delta: 1 | -1): TransactItem[] {
  const { id: organisationId, kind, country } = contribution.organisation;
  // Whether the organisation starts or stops counting as a contributor to the action, and to the platform.
  const actionTransition = seen.tally === (delta === 1 ? 0 : 1);
  const platformTransition = seen.organisationContributions === (delta === 1 ? 0 : 1);
  const kindCount = { '#kindCount': kindCountAttribute(kind) };
  const updates: TransactItem[] = [
    {
      Update: {
        TableName: tableName,
        Key: keys.action(contribution.action),
        UpdateExpression: `ADD contributionCount :delta${actionTransition ? ', #kindCount :delta' : ''}`,
        ConditionExpression: 'attribute_exists(PK)',
        ExpressionAttributeNames: actionTransition ? kindCount : undefined,
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

export async function createContribution(contribution: StoredContribution, seen: CountsSeen): Promise<void> {
  const { action, id, organisation } = contribution;
  try {
    await documents.send(
      new TransactWriteCommand({
        TransactItems: [
          {
            ConditionCheck: {
              TableName: tableName,
              Key: keys.membership(organisation.id, contribution.authorId),
              ConditionExpression: 'attribute_exists(PK)',
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
              ConditionExpression: 'attribute_not_exists(PK)',
            },
          },
          ...countUpdates(contribution, seen, 1),
        ],
      }),
    );
  } catch (error) {
    explainCancellation(error, [
      () => new WriteRaced('no longer a member'),
      undefined,
      () => new NotFound(`There is no action "${action}".`),
    ]);
  }
}

export async function updateContribution(slug: string, id: string, changes: ContributionChanges, now: string): Promise<StoredContribution> {
  const update = setChanges(changes, now);
  try {
    const output = await documents.send(
      new UpdateCommand({
        TableName: tableName,
        Key: keys.contribution(slug, id),
        UpdateExpression: update.UpdateExpression,
        ConditionExpression: 'attribute_exists(PK) AND #version = :expected AND #status = :published',
        ExpressionAttributeNames: { ...update.ExpressionAttributeNames, '#status': 'status' },
        ExpressionAttributeValues: { ...update.ExpressionAttributeValues, ':published': 'published' },
        ReturnValues: 'ALL_NEW',
        ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
      }),
    );
    return toContribution(output.Attributes!);
  } catch (error) {
    if (!(error instanceof ConditionalCheckFailedException)) throw error;
    if (!error.Item) throw new NotFound(`There is no contribution ${id} on "${slug}".`);
    if (error.Item.status?.S !== 'published') throw new Conflict('This contribution was withdrawn: it can no longer be edited.');
    throw new StaleVersion('contribution');
  }
}

/** The condition that the contribution is still published and still hidden (or not), as it was read. */
const visibilityAsRead = (contribution: Contribution) =>
  `#status = :published AND ${contribution.hidden ? 'attribute_exists(hiding)' : 'attribute_not_exists(hiding)'}`;

/**
 * Withdraws a published contribution: kept, out of every list, and taken out of every count
 * (unless it was hidden, which took it out already). Without `seen` only for a hidden one.
 */
export async function withdrawContribution(contribution: StoredContribution, seen: CountsSeen | undefined, now: string): Promise<void> {
  try {
    await documents.send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Update: {
              TableName: tableName,
              Key: keys.contribution(contribution.action, contribution.id),
              // A hidden one has left the public lists already, and stays in the leads' hidden list until shown again.
              UpdateExpression: `SET #status = :withdrawn, updatedAt = :now, withdrawnAt = :now, #version = #version + :one${contribution.hidden ? '' : ` REMOVE ${keys.contributionListingAttributes.join(', ')}`}`,
              ConditionExpression: visibilityAsRead(contribution),
              ExpressionAttributeNames: { '#status': 'status', '#version': 'version' },
              ExpressionAttributeValues: { ':withdrawn': 'withdrawn', ':published': 'published', ':now': now, ':one': 1 },
            },
          },
          ...(contribution.hidden ? [] : countUpdates(contribution, seen!, -1)),
        ],
      }),
    );
  } catch (error) {
    explainCancellation(error, []);
  }
}

export interface HidingRecord {
  reason: string;
  at: string;
  /** The lead or steward who hid it: kept, never shown. */
  by: string;
}

/** Hides a public contribution: out of the public lists and counts, into the action's hidden list. */
export async function hideContribution(contribution: StoredContribution, seen: CountsSeen, hiding: HidingRecord): Promise<void> {
  const { action, id } = contribution;
  const listing = keys.hiddenContributionListing(action, id);
  try {
    await documents.send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Update: {
              TableName: tableName,
              Key: keys.contribution(action, id),
              UpdateExpression: 'SET hiding = :hidden, GSI1PK = :listing, GSI1SK = :id REMOVE GSI2PK, GSI2SK, GSI3PK, GSI3SK, GSI5PK, GSI5SK',
              ConditionExpression: visibilityAsRead(contribution),
              ExpressionAttributeNames: { '#status': 'status' },
              ExpressionAttributeValues: { ':hidden': hiding, ':listing': listing.GSI1PK, ':id': listing.GSI1SK, ':published': 'published' },
            },
          },
          ...countUpdates(contribution, seen, -1),
        ],
      }),
    );
  } catch (error) {
    explainCancellation(error, []);
  }
}

/** Changes the reason a contribution is hidden for; answers false if it is no longer hidden. */
export async function rewordHiding(slug: string, id: string, hiding: HidingRecord): Promise<boolean> {
  try {
    await documents.send(
      new UpdateCommand({
        TableName: tableName,
        Key: keys.contribution(slug, id),
        UpdateExpression: 'SET hiding = :hidden',
        ConditionExpression: 'attribute_exists(hiding)',
        ExpressionAttributeValues: { ':hidden': hiding },
      }),
    );
    return true;
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return false;
    throw error;
  }
}

/**
 * Shows a hidden contribution again. A published one counts again, with its organisation as it is
 * now (its kind or country may have changed while it counted nowhere); a withdrawn one stays out.
 */
export async function unhideContribution(contribution: StoredContribution, seen: CountsSeen | undefined): Promise<void> {
  const { action, id, organisation } = contribution;
  const published = contribution.status === 'published';
  const listing = keys.contributionListing(action, id, organisation.kind, organisation.country, contribution.createdAt);
  try {
    await documents.send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Update: published
              ? {
                  TableName: tableName,
                  Key: keys.contribution(action, id),
                  UpdateExpression: `SET organisation = :organisation, ${Object.keys(listing).map((name) => `${name} = :${name}`).join(', ')} REMOVE hiding`,
                  ConditionExpression: visibilityAsRead(contribution),
                  ExpressionAttributeNames: { '#status': 'status' },
                  ExpressionAttributeValues: {
                    ':organisation': organisation,
                    ':published': 'published',
                    ...Object.fromEntries(Object.entries(listing).map(([name, value]) => [`:${name}`, value])),
                  },
                }
              : {
                  TableName: tableName,
                  Key: keys.contribution(action, id),
                  UpdateExpression: `REMOVE hiding, ${Object.keys(keys.hiddenContributionListing(action, id)).join(', ')}`,
                  ConditionExpression: '#status = :withdrawn AND attribute_exists(hiding)',
                  ExpressionAttributeNames: { '#status': 'status' },
                  ExpressionAttributeValues: { ':withdrawn': 'withdrawn' },
                },
          },
          ...(published ? countUpdates(contribution, seen!, 1) : []),
        ],
      }),
    );
  } catch (error) {
    explainCancellation(error, []);
  }
}

/** An organisation's public contributions across actions, newest first. */
export async function listContributionsOf(organisationId: string, page: { cursor?: string; limit: number }) {
  const found = await queryPage({
    ...keys.contributionsOfOrganisation(organisationId),
    filter: {
      expression: '#status = :published AND attribute_not_exists(hiding)',
      names: { '#status': 'status' },
      values: { ':published': 'published' },
    },
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

/** Recomputes an action's counts from its contribution and membership records (for consistency checks, not requests). */
export async function recountAction(slug: string): Promise<Action['counts']> {
  const recordsWith = (prefix: string, status: string) =>
    queryAll({
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
      FilterExpression: '#status = :status AND attribute_not_exists(hiding)',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: { ':pk': keys.action(slug).PK, ':prefix': prefix, ':status': status },
    });
  const [contributions, members] = await Promise.all([
    recordsWith(keys.contributionPrefix, 'published'),
    recordsWith(keys.coalitionMemberPrefix, 'active'),
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
  };
}

// ---------------------------------------------------------------- statistics

export async function getStats(): Promise<Stats> {
  const [statsItems, actions] = await Promise.all([
    queryAll({ KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': keys.statsPartition } }),
    listActions(),
  ]);
  const platform = statsItems.find((item) => item.SK === keys.platformStats.SK) ?? {};
  const byCountry = statsItems
    .filter((item) => item.SK.startsWith(keys.countryStatsPrefix) && item.organisations > 0)
    .map((item) => ({ country: item.country as string, organisations: item.organisations as number }))
    .sort((a, b) => b.organisations - a.organisations || a.country.localeCompare(b.country));
  return {
    contributions: actions.reduce((sum, action) => sum + action.counts.contributions, 0),
    organisations: countsByKind(platform),
    countries: byCountry.length,
    byCountry,
  };
}

// ---------------------------------------------------------------- seed marker

export async function getSeedVersion(): Promise<number | undefined> {
  return (await getItem(keys.seedMarker, true))?.version;
}

export async function putSeedVersion(version: number, now: string): Promise<void> {
  await documents.send(new PutCommand({ TableName: tableName, Item: { ...keys.seedMarker, version, seededAt: now } }));
}
