// Organisations: the directory, edits that keep their copies true, and verification by stewards with its public history.
import { monotonicFactory } from 'ulid';
import {
  Conflict,
  NotFound,
  StaleVersion,
  identityFields,
  writtenAddress,
  type IdentityField,
  type Organisation,
  type OrganisationChanges,
  type OrganisationEvent,
  type OrganisationSummary,
  type OrganisationsQuery,
  type VerificationRequest,
} from '@collective-actions/shared';
import { cancellationReasonsOf, dynamo, tableName } from './client.ts';
import { directoryRange, directorySortKey, keys } from './keys.ts';
import { membershipItem, type PersonClaims } from './people.ts';
import { itemExists, itemIsNew, keyOf } from './table.ts';
import { getItem, getItems, queryIndex, queryPage, setChanges, transactWrite, ulidPattern, type Item } from './toolkit.ts';

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

/** What a record elsewhere copies of an organisation. */
export const summaryOf = ({ id, name, kind, country }: Organisation): OrganisationSummary => ({ id, name, kind, country });

export async function getOrganisation(id: string, consistent = false): Promise<Organisation | undefined> {
  const item = await getItem(keys.organisation(id), consistent);
  return item && toOrganisation(item);
}

export async function getOrganisations(ids: string[]): Promise<Map<string, Organisation>> {
  return new Map((await getItems(ids.map((id) => keys.organisation(id)))).map((item) => [item.id, toOrganisation(item)]));
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
    ...(query.name ? { range: directoryRange(query.name) } : {}),
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

function organisationEventItem(organisationId: string, event: OrganisationEvent['event'], changed: IdentityField[], at: string, by: string, note?: string) {
  const id = eventId();
  return {
    ...keys.organisationEvent(organisationId, id),
    ...keys.organisationEventListing(organisationId, id),
    id,
    organisationId,
    event,
    changed,
    at,
    by,
    ...(note ? { note } : {}),
  };
}

const toOrganisationEvent = (item: Item): OrganisationEvent => ({ id: item.id, event: item.event, at: item.at, changed: item.changed ?? [], note: item.note ?? null });

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
  await dynamo.transactWrite({
    TransactItems: [
      { Put: { TableName: tableName, Item: item, ConditionExpression: itemIsNew } },
      { Put: { TableName: tableName, Item: verificationRequestItem(organisation.id, 'registered', [], now) } },
      ...(admin ? [{ Put: { TableName: tableName, Item: membershipItem(organisation.id, admin, 'admin', now) } }] : []),
    ],
  });
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
    await dynamo.transactWrite({
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
    });
  } catch (error) {
    const reasons = cancellationReasonsOf(error);
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
    await dynamo.update({
      TableName: tableName,
      Key: keyOf(item),
      UpdateExpression: 'SET organisation.#name = :name',
      ConditionExpression: itemExists,
      ExpressionAttributeNames: { '#name': 'name' },
      ExpressionAttributeValues: { ':name': name },
    });
  }
}

/**
 * A steward verifies the organisation at the version they read, so that what the badge vouches for is what they saw;
 * it leaves the stewards' queue and its history says so. Verifying a verified organisation changes nothing.
 */
export async function verifyOrganisation(id: string, version: number, stewardId: string, now: string, note?: string): Promise<Organisation> {
  const current = await getItem(keys.organisation(id), true);
  if (!current) throw new NotFound(`There is no organisation ${id}.`);
  if (current.version !== version) throw new StaleVersion('organisation');
  if (current.verified) return toOrganisation(current);
  await transactWrite(
    [
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
      { Put: { TableName: tableName, Item: organisationEventItem(id, 'verified', [], now, stewardId, note) } },
      { Delete: { TableName: tableName, Key: keys.verificationRequest(id) } },
    ],
    [() => new StaleVersion('organisation')],
  );
  return toOrganisation({ ...current, verified: true, verifiedAt: now, version: version + 1, updatedAt: now });
}

/**
 * A steward withdraws a verification, at the version they read, saying why: the organisation is no longer verified,
 * and does not wait in the queue again (a steward decided); its admins can still change it, and a steward verify it.
 */
export async function withdrawVerification(id: string, version: number, stewardId: string, now: string, note: string): Promise<Organisation> {
  const current = await getItem(keys.organisation(id), true);
  if (!current) throw new NotFound(`There is no organisation ${id}.`);
  if (current.version !== version) throw new StaleVersion('organisation');
  if (!current.verified) throw new Conflict('This organisation is not verified: there is no verification to withdraw.');
  await transactWrite(
    [
      {
        Update: {
          TableName: tableName,
          Key: keys.organisation(id),
          UpdateExpression: 'SET verified = :false, updatedAt = :now, #version = #version + :one REMOVE verifiedAt, verifiedBy',
          ConditionExpression: '#version = :expected',
          ExpressionAttributeNames: { '#version': 'version' },
          ExpressionAttributeValues: { ':false': false, ':now': now, ':one': 1, ':expected': version },
        },
      },
      { Put: { TableName: tableName, Item: organisationEventItem(id, 'verification-withdrawn', [], now, stewardId, note) } },
    ],
    [() => new StaleVersion('organisation')],
  );
  return toOrganisation({ ...current, verified: false, verifiedAt: undefined, version: version + 1, updatedAt: now });
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
  await dynamo.put({ TableName: tableName, Item: verificationRequestItem(id, 'registered', [], since) });
}
