// Cooperations and their threads: a cooperation lives in its action's partition, with an entry for each side that lists
// it among its organisation's; its messages live in a partition of their own, which nothing published ever reads.
import { monotonicFactory } from 'ulid';
import {
  Conflict,
  Forbidden,
  isPublicStatus,
  type Cooperation,
  type CooperationSide,
  type CooperationStatus,
  type CooperationNotificationKind,
  type CooperationsQuery,
  type PublicCooperationStatus,
  type OrganisationSummary,
  type ReportStatus,
} from '@collective-actions/shared';
import { dynamo, isConditionFailure, tableName } from './client.ts';
import { cooperationCountAttribute } from './actions.ts';
import { blockedReason, notBlocked } from './blocks.ts';
import { keys } from './keys.ts';
import { outboxItem } from './notifications.ts';
import { itemExists, itemIsNew } from './table.ts';
import { getItem, getItems, queryIndex, queryPage, transactWrite, ulidPattern, WriteRaced, type Item, type TransactItem } from './toolkit.ts';

/** A cooperation as stored: the record plus the people each side's notifications name besides its admins. */
export type StoredCooperation = Cooperation & {
  /** Who proposed it, and who wrote the contribution: each is told of what the other side does. */
  proposedBy: string;
  contributionAuthorId: string;
  /** How many times it was written: each change is made to the revision it read. */
  revision: number;
};

/** A message as stored: who wrote it is kept, and shown to nobody but its author. */
export interface StoredMessage {
  id: string;
  cooperation: string;
  organisation: OrganisationSummary;
  authorId: string;
  authorName: string | null;
  text: string;
  at: string;
  editedAt: string | null;
  /** The side that reported it to the stewards, and where the report stands. */
  reportedBy: string | null;
  report: ReportStatus | null;
  hiddenAt: string | null;
}

const summary = ({ id, name, kind, country }: OrganisationSummary): OrganisationSummary => ({ id, name, kind, country });

export function toCooperation(item: Item): StoredCooperation {
  return {
    id: item.id,
    action: item.action,
    contribution: { id: item.contribution.id, title: item.contribution.title, kind: item.contribution.kind },
    proposer: summary(item.proposer),
    partner: summary(item.partner),
    status: item.status,
    accepted: { proposer: item.accepted.proposer ?? null, partner: item.accepted.partner ?? null },
    agreedAt: item.agreedAt ?? null,
    reason: item.reason ?? null,
    createdAt: item.createdAt,
    updatedAt: item.updatedAt,
    proposedBy: item.proposedBy,
    contributionAuthorId: item.contributionAuthorId,
    revision: item.revision,
  };
}

const toMessage = (item: Item): StoredMessage => ({
  id: item.id,
  cooperation: item.cooperation,
  organisation: summary(item.organisation),
  authorId: item.authorId,
  authorName: item.authorName ?? null,
  text: item.text,
  at: item.at,
  editedAt: item.editedAt ?? null,
  reportedBy: item.reportedBy ?? null,
  report: item.report ?? null,
  hiddenAt: item.hiddenAt ?? null,
});

/** The cooperation's item: its record and, once both organisations agreed to it, its index entries. */
const itemOf = (cooperation: StoredCooperation) => ({
  ...keys.cooperation(cooperation.action, cooperation.id),
  ...(isPublicStatus(cooperation.status) ? keys.cooperationListing(cooperation.action, cooperation.id, cooperation.status, cooperation.updatedAt, cooperation.agreedAt!) : {}),
  ...cooperation,
});

/** Moves its action's counts from the cooperation's status to the next one, each counted only while public. */
function countMove(slug: string, from: CooperationStatus, to: CooperationStatus): TransactItem[] {
  const moves = [...(isPublicStatus(from) ? [[from, -1] as const] : []), ...(isPublicStatus(to) ? [[to, 1] as const] : [])];
  if (!moves.length) return [];
  return [
    {
      Update: {
        TableName: tableName,
        Key: keys.action(slug),
        UpdateExpression: `ADD ${moves.map((_, index) => `#count${index} :delta${index}`).join(', ')}`,
        ConditionExpression: itemExists,
        ExpressionAttributeNames: Object.fromEntries(moves.map(([status], index) => [`#count${index}`, cooperationCountAttribute(status)])),
        ExpressionAttributeValues: Object.fromEntries(moves.map(([, delta], index) => [`:delta${index}`, delta])),
      },
    },
  ];
}

export const publicCooperation = ({ proposedBy: _, contributionAuthorId: __, revision: ___, ...cooperation }: StoredCooperation): Cooperation => cooperation;

export async function getCooperation(slug: string, id: string, consistent = false): Promise<StoredCooperation | undefined> {
  const item = await getItem(keys.cooperation(slug, id), consistent);
  return item && toCooperation(item);
}

/** The id of the cooperation an organisation proposed on a contribution, while it is not declined. */
export async function openProposalOf(slug: string, contributionId: string, organisationId: string): Promise<string | undefined> {
  return (await getItem(keys.openProposal(slug, contributionId, organisationId), true))?.cooperation;
}

const side = (cooperation: StoredCooperation, organisationId: string): CooperationSide =>
  cooperation.proposer.id === organisationId ? 'proposer' : 'partner';
const otherSide = (which: CooperationSide): CooperationSide => (which === 'proposer' ? 'partner' : 'proposer');

/**
 * The outbox item telling the other side of what `actingSide` did: its admins, and its person in the thread (the one who
 * proposed, or the contribution's author).
 */
function tellOtherSide(cooperation: StoredCooperation, actingSide: CooperationSide, kind: CooperationNotificationKind, actor: string, at: string): TransactItem {
  const told = otherSide(actingSide);
  return outboxItem({
    kind,
    at,
    actor,
    people: [told === 'proposer' ? cooperation.proposedBy : cooperation.contributionAuthorId],
    action: cooperation.action,
    organisation: cooperation[actingSide],
    cooperation: { id: cooperation.id, told: cooperation[told].id },
    contribution: cooperation.contribution,
  });
}

const messageIds = monotonicFactory();

// A new message: what a report and a steward's decision add is absent until then.
const messageItem = ({ reportedBy: _, report: __, hiddenAt: ___, ...message }: StoredMessage): TransactItem => ({
  Put: {
    TableName: tableName,
    Item: { ...keys.threadMessage(message.cooperation, message.id), ...keys.threadMessageListing(message.cooperation, message.id), ...message },
    ConditionExpression: itemIsNew,
  },
});

/** A new message of a thread (its id is made here), for the side of `organisation`. */
export const newMessage = (fields: Omit<StoredMessage, 'id' | 'editedAt' | 'reportedBy' | 'report' | 'hiddenAt'>): StoredMessage => ({
  ...fields,
  id: messageIds(),
  editedAt: null,
  reportedBy: null,
  report: null,
  hiddenAt: null,
});

/**
 * A proposal: the cooperation, each side's entry, the mark that the proposer has one open on this contribution, the
 * first message and the notification, at once; while the contribution is still public, the proposer still one of
 * its organisation's people, and that organisation not blocked by the other. Fails with Conflict if the organisation
 * proposed on it meanwhile, with Forbidden if it was blocked.
 */
export async function createCooperation(cooperation: StoredCooperation, first: StoredMessage): Promise<void> {
  const { action: slug, id, proposer, partner, contribution } = cooperation;
  await transactWrite(
    [
      { Put: { TableName: tableName, Item: itemOf(cooperation), ConditionExpression: itemIsNew } },
      { Put: { TableName: tableName, Item: { ...keys.openProposal(slug, contribution.id, proposer.id), cooperation: id }, ConditionExpression: itemIsNew } },
      {
        ConditionCheck: {
          TableName: tableName,
          Key: keys.contribution(slug, contribution.id),
          ConditionExpression: '#status = :published AND attribute_not_exists(hiding)',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':published': 'published' },
        },
      },
      { ConditionCheck: { TableName: tableName, Key: keys.membership(proposer.id, cooperation.proposedBy), ConditionExpression: itemExists } },
      notBlocked(partner.id, proposer.id),
      ...[proposer, partner].map((organisation): TransactItem => ({
        Put: { TableName: tableName, Item: { ...keys.cooperationParty(slug, id, organisation.id), cooperation: id, action: slug } },
      })),
      messageItem(first),
      tellOtherSide(cooperation, 'proposer', 'cooperation-proposed', cooperation.proposedBy, cooperation.createdAt),
    ],
    [
      undefined,
      () => new Conflict(`${proposer.name} has already proposed a cooperation on this contribution.`),
      () => new WriteRaced('contribution no longer public'),
      () => new WriteRaced('proposer no longer a member'),
      () => new Forbidden(blockedReason(partner, proposer)),
    ],
  );
}

/** Writes the cooperation as it now is, on condition that it is still at the revision it was read at. */
const rewrite = (next: StoredCooperation): TransactItem => ({
  Put: {
    TableName: tableName,
    Item: itemOf({ ...next, revision: next.revision + 1 }),
    ConditionExpression: 'revision = :read',
    ExpressionAttributeValues: { ':read': next.revision },
  },
});

/**
 * One side accepts: the cooperation, proposed, becomes agreed when the other side has accepted already. Answers it as
 * it now is; fails with WriteRaced if it changed since it was read (another acceptance, a refusal).
 */
export async function accept(cooperation: StoredCooperation, organisationId: string, by: string, now: string): Promise<StoredCooperation> {
  const accepting = side(cooperation, organisationId);
  const accepted = { ...cooperation.accepted, [accepting]: now };
  const agreed = accepted.proposer !== null && accepted.partner !== null;
  const next: StoredCooperation = { ...cooperation, accepted, status: agreed ? 'agreed' : cooperation.status, agreedAt: agreed ? now : null, updatedAt: now };
  await transactWrite(
    [
      rewrite(next),
      tellOtherSide(next, accepting, agreed ? 'cooperation-agreed' : 'cooperation-accepted', by, now),
      ...countMove(cooperation.action, cooperation.status, next.status),
    ],
    [() => new WriteRaced('cooperation changed since it was read')],
  );
  return { ...next, revision: next.revision + 1 };
}

/**
 * A side moves the cooperation on, from the status it was read in: a proposal declined (which lets its proposer
 * propose again), or an agreed one in progress, delivered or stopped. Fails with WriteRaced if it moved meanwhile.
 */
export async function changeStatus(
  cooperation: StoredCooperation,
  change: { status: CooperationStatus; reason: string | null; organisationId: string },
  by: string,
  now: string,
): Promise<StoredCooperation> {
  const next: StoredCooperation = { ...cooperation, status: change.status, reason: change.reason, updatedAt: now };
  const declined = change.status === 'declined';
  await transactWrite(
    [
      rewrite(next),
      ...(declined
        ? [
            { Delete: { TableName: tableName, Key: keys.openProposal(cooperation.action, cooperation.contribution.id, cooperation.proposer.id) } },
            tellOtherSide(next, side(cooperation, change.organisationId), 'cooperation-declined', by, now),
          ]
        : []),
      ...countMove(cooperation.action, cooperation.status, next.status),
    ],
    [() => new WriteRaced('cooperation changed since it was read')],
  );
  return { ...next, revision: next.revision + 1 };
}

/** A message, with the notification of the other side, while the cooperation is not declined and the other side has not blocked the writer's. */
export async function postMessage(cooperation: StoredCooperation, message: StoredMessage): Promise<void> {
  const writing = side(cooperation, message.organisation.id);
  await transactWrite(
    [
      {
        ConditionCheck: {
          TableName: tableName,
          Key: keys.cooperation(cooperation.action, cooperation.id),
          ConditionExpression: '#status <> :declined',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':declined': 'declined' },
        },
      },
      notBlocked(cooperation[otherSide(writing)].id, message.organisation.id),
      messageItem(message),
      tellOtherSide(cooperation, writing, 'cooperation-message', message.authorId, message.at),
    ],
    [() => new Conflict('This cooperation was declined: its thread is closed.'), () => new Forbidden(blockedReason(cooperation[otherSide(writing)], message.organisation))],
  );
}

export async function getMessage(cooperationId: string, id: string): Promise<StoredMessage | undefined> {
  const item = await getItem(keys.threadMessage(cooperationId, id), true);
  return item && toMessage(item);
}

/** Changes a message's text, if it was posted no earlier than `postedSince` and not reported; answers whether it was. */
export async function editMessage(message: StoredMessage, text: string, postedSince: string, now: string): Promise<boolean> {
  try {
    await dynamo.update({
      TableName: tableName,
      Key: keys.threadMessage(message.cooperation, message.id),
      UpdateExpression: 'SET #text = :text, editedAt = :now',
      ConditionExpression: '#at >= :since AND attribute_not_exists(reportedBy)',
      ExpressionAttributeNames: { '#text': 'text', '#at': 'at' },
      ExpressionAttributeValues: { ':text': text, ':now': now, ':since': postedSince },
    });
    return true;
  } catch (error) {
    if (isConditionFailure(error)) return false;
    throw error;
  }
}

/** A page of a thread's messages, newest first. */
export async function listMessages(cooperationId: string, page: { cursor?: string; limit: number }) {
  const { items, next } = await queryPage({
    ...keys.thread(cooperationId),
    limit: page.limit,
    cursor: page.cursor,
    cursorPattern: ulidPattern,
    tableKeyAt: (id) => keys.threadMessage(cooperationId, id),
    newestFirst: true,
  });
  return { items: items.map(toMessage), next };
}

/** A page of an organisation's cooperations, proposed by it or to it, newest first. */
export async function listCooperationsOf(organisationId: string, page: { cursor?: string; limit: number }) {
  const { items, next } = await queryPage({
    ...keys.cooperationsOfOrganisation(organisationId),
    limit: page.limit,
    cursor: page.cursor,
    cursorPattern: /^[0-9A-HJKMNP-TV-Z]{26}#[a-z0-9-]+$/,
    tableKeyAt: (sortKey) => keys.cooperationPartyAt(organisationId, sortKey),
    newestFirst: true,
  });
  // Read together, then in the entries' order.
  const byId = new Map((await getItems(items.map((item) => keys.cooperation(item.action, item.cooperation)))).map((item) => [item.id, toCooperation(item)]));
  return { items: items.flatMap((item) => byId.get(item.cooperation) ?? []), next };
}

/** A page of an action's public cooperations (on one contribution, or of one status, when told), the newest proposed first. */
export async function listCooperations(slug: string, query: CooperationsQuery) {
  const conditions = [
    ...(query.status ? [{ expression: '#status = :status', names: { '#status': 'status' }, values: { ':status': query.status } }] : []),
    ...(query.contribution ? [{ expression: 'contribution.id = :contribution', names: {}, values: { ':contribution': query.contribution } }] : []),
  ];
  const { items, next } = await queryPage({
    ...keys.cooperationsOfAction(slug),
    filter: conditions.length
      ? {
          expression: conditions.map((condition) => condition.expression).join(' AND '),
          names: Object.assign({}, ...conditions.map((condition) => condition.names)),
          values: Object.assign({}, ...conditions.map((condition) => condition.values)),
        }
      : undefined,
    limit: query.limit,
    cursor: query.cursor,
    cursorPattern: ulidPattern,
    tableKeyAt: (id) => keys.cooperation(slug, id),
    newestFirst: true,
  });
  return { items: items.map((item) => publicCooperation(toCooperation(item))), next };
}

/** A page of the platform's public cooperations of one status, those that came to it last first. */
export async function latestCooperations(status: PublicCooperationStatus, page: { cursor?: string; limit: number }) {
  const { items, next } = await queryPage({
    ...keys.cooperationsOfStatus(status),
    limit: page.limit,
    cursor: page.cursor,
    cursorPattern: /^[\d:.TZ-]+#[0-9A-HJKMNP-TV-Z]{26}#[a-z0-9-]+$/,
    tableKeyAt: keys.cooperationAtStatusPosition,
    newestFirst: true,
  });
  return { items: items.map((item) => publicCooperation(toCooperation(item))), next };
}

/** Every cooperation of an action that both organisations agreed to (for the open-data snapshot). */
export async function allCooperationsOf(slug: string): Promise<Cooperation[]> {
  return (await queryIndex(keys.cooperationsOfAction(slug))).map((item) => publicCooperation(toCooperation(item)));
}
