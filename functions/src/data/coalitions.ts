// Coalition memberships and their public history: each change is one transaction with the counts and the record it moves.
import { monotonicFactory } from 'ulid';
import {
  Conflict,
  type CoalitionMember,
  type CoalitionRole,
  type MembershipEvent,
  type MembershipNotificationKind,
  type OrganisationCoalition,
  type OrganisationSummary,
} from '@collective-actions/shared';
import { tableName } from './client.ts';
import { keys } from './keys.ts';
import { memberCountAttribute } from './actions.ts';
import { outboxItem } from './notifications.ts';
import { itemExists, itemIsNew } from './table.ts';
import { getItem, queryIndex, queryPage, queryPartition, transactWrite, ulidPattern, WriteRaced, type TransactItem } from './toolkit.ts';

type Item = Record<string, any>;
/** A membership as stored: the public record plus the request behind it. */
export interface StoredMember {
  action: string;
  organisation: OrganisationSummary;
  role: CoalitionRole;
  status: CoalitionMember['status'];
  joinedAt: string | null;
  request: { message: string | null; at: string; by: string } | null;
}

function toMember(item: Item): StoredMember {
  const { id, name, kind, country } = item.organisation;
  return {
    action: item.action,
    organisation: { id, name, kind, country },
    role: item.role,
    status: item.status,
    joinedAt: item.joinedAt ?? null,
    request: item.request ? { message: item.request.message ?? null, at: item.request.at, by: item.request.by } : null,
  };
}

/** What anyone sees of a membership, and, with `withRequest`, what its leads and the organisation see. */
export function memberView(member: StoredMember, withRequest: boolean): CoalitionMember {
  const { organisation, role, status, joinedAt, request } = member;
  return {
    organisation,
    role,
    status,
    joinedAt,
    ...(withRequest && request ? { request: { message: request.message, at: request.at } } : {}),
  };
}

export async function getMember(slug: string, organisationId: string): Promise<StoredMember | undefined> {
  const item = await getItem(keys.coalitionMember(slug, organisationId), true);
  return item && toMember(item);
}

/** Every membership of the action, whatever its status: a coalition is a few hundred organisations at most. */
export async function listMembers(slug: string): Promise<StoredMember[]> {
  return (await queryPartition(keys.actionPartition(slug), keys.coalitionMemberPrefix)).map(toMember);
}

/** Every membership of an organisation, whatever its status, by action. */
export async function listMembershipsOf(organisationId: string): Promise<StoredMember[]> {
  return (await queryIndex(keys.coalitionsOfOrganisation(organisationId))).map(toMember);
}

/** What an organisation's page shows of one of its active memberships. */
export const coalitionOf = ({ action, role, joinedAt }: StoredMember): OrganisationCoalition => ({ action, role, joinedAt: joinedAt! });

/** The coalitions an organisation is an active member of, by action. */
export async function listCoalitionsOf(organisationId: string): Promise<OrganisationCoalition[]> {
  return (await listMembershipsOf(organisationId)).filter((member) => member.status === 'active').map(coalitionOf);
}

/** How many requests to join the action's coalition wait for its leads. */
export async function countRequests(slug: string): Promise<number> {
  const requests = await queryPartition(keys.actionPartition(slug), keys.coalitionMemberPrefix, {
    expression: '#status = :requested',
    names: { '#status': 'status' },
    values: { ':requested': 'requested' },
  });
  return requests.length;
}

/** The organisations among `organisationIds` that lead the action. */
export async function leadingAmong(slug: string, organisationIds: string[]): Promise<string[]> {
  const members = await Promise.all(organisationIds.map((id) => getMember(slug, id)));
  return members.filter((member) => member?.status === 'active' && member.role === 'lead').map((member) => member!.organisation.id);
}

const historyIds = monotonicFactory();

/**
 * One change of a membership, from the state it was read in to the next one (undefined: no record).
 * It fails with WriteRaced if the record moved since it was read, and with Conflict if it would
 * leave a coalition that has leads without one.
 */
export interface MembershipTransition {
  from: StoredMember | undefined;
  to: StoredMember | undefined;
  events: MembershipEvent['event'][];
  /** Who made the change: kept, never shown. */
  by: string;
  now: string;
  /** What to tell the people concerned, written in the same transaction (see data/notifications.ts). */
  notify?: MembershipNotificationKind;
}

const activeAs = (member: StoredMember | undefined, role?: CoalitionRole) =>
  member?.status === 'active' && (role === undefined || member.role === role) ? 1 : 0;

export async function changeMembership({ from, to, events, by, now, notify }: MembershipTransition): Promise<void> {
  const { action: slug, organisation } = (to ?? from)!;
  const memberDelta = activeAs(to) - activeAs(from);
  const leadDelta = activeAs(to, 'lead') - activeAs(from, 'lead');
  const memberKey = keys.coalitionMember(slug, organisation.id);
  const asRead = from
    ? { ConditionExpression: '#status = :status AND #role = :role', ExpressionAttributeNames: { '#status': 'status', '#role': 'role' }, ExpressionAttributeValues: { ':status': from.status, ':role': from.role } }
    : { ConditionExpression: itemIsNew };
  const items: TransactItem[] = [
    to
      ? {
          Put: {
            TableName: tableName,
            Item: { ...memberKey, ...keys.coalitionMemberOwner(organisation.id, slug), ...to, updatedAt: now, updatedBy: by },
            ...asRead,
          },
        }
      : { Delete: { TableName: tableName, Key: memberKey, ...asRead } },
  ];
  const counts = [
    ...(memberDelta ? [`#members :members, memberCount :members`] : []),
    ...(leadDelta ? ['leadCount :leads'] : []),
  ];
  items.push(
    counts.length
      ? {
          Update: {
            TableName: tableName,
            Key: keys.action(slug),
            UpdateExpression: `ADD ${counts.join(', ')}`,
            ConditionExpression: `${itemExists}${leadDelta < 0 ? ' AND leadCount > :one' : ''}`,
            ExpressionAttributeNames: memberDelta ? { '#members': memberCountAttribute(organisation.kind) } : undefined,
            ExpressionAttributeValues: {
              ...(memberDelta ? { ':members': memberDelta } : {}),
              ...(leadDelta ? { ':leads': leadDelta } : {}),
              ...(leadDelta < 0 ? { ':one': 1 } : {}),
            },
          },
        }
      : { ConditionCheck: { TableName: tableName, Key: keys.action(slug), ConditionExpression: itemExists } },
  );
  if (memberDelta) {
    items.push({
      Update: {
        TableName: tableName,
        Key: keys.organisation(organisation.id),
        UpdateExpression: 'ADD coalitionCount :delta',
        // Joining copies the organisation's name, kind and country into the coalition: they must still be what was read.
        ConditionExpression: memberDelta > 0 ? '#name = :name AND kind = :kind AND country = :country' : itemExists,
        ExpressionAttributeNames: memberDelta > 0 ? { '#name': 'name' } : undefined,
        ExpressionAttributeValues: {
          ':delta': memberDelta,
          ...(memberDelta > 0 ? { ':name': organisation.name, ':kind': organisation.kind, ':country': organisation.country } : {}),
        },
      },
    });
  }
  for (const event of events) {
    const id = historyIds();
    items.push({
      Put: {
        TableName: tableName,
        Item: { ...keys.membershipEvent(slug, id), ...keys.membershipEventListing(slug, id, now), id, action: slug, event, organisation, at: now, by },
      },
    });
  }
  if (notify) items.push(outboxItem({ kind: notify, at: now, actor: by, people: [], action: slug, organisation: (to ?? from)!.organisation }));
  await transactWrite(items, [
    () => new WriteRaced('membership changed since it was read'),
    () =>
      leadDelta < 0
        ? new Conflict(
            `${organisation.name} is the coalition's last lead: appoint another lead before it leaves, is removed or steps down.`,
          )
        : new WriteRaced('action missing'),
  ]);
}

export const toEvent = (item: Item): MembershipEvent => {
  const { id, name, kind, country } = item.organisation;
  return { id: item.id, action: item.action, event: item.event, organisation: { id, name, kind, country }, at: item.at };
};

export async function listHistory(slug: string, page: { cursor?: string; limit: number }) {
  const found = await queryPage({
    ...keys.historyOfAction(slug),
    limit: page.limit,
    cursor: page.cursor,
    cursorPattern: ulidPattern,
    tableKeyAt: (id) => keys.membershipEvent(slug, id),
    newestFirst: true,
  });
  return { items: found.items.map(toEvent), next: found.next };
}

