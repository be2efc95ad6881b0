// The people of each organisation: memberships with their role, and invitations waiting for a sign-in.
import { Conflict, personName, type OrganisationRole, type OrganisationSummary, type Person } from '@collective-actions/shared';
import { dynamo, isConditionFailure, tableName } from './client.ts';
import { keys } from './keys.ts';
import { outboxItem } from './notifications.ts';
import { itemExists, itemIsNew, sortKeyOf } from './table.ts';
import { cancellationCodes, getItem, queryIndex, queryPartition } from './toolkit.ts';

export interface PersonClaims {
  id: string;
  name: string | null;
  email: string | null;
}

export function membershipItem(organisationId: string, person: PersonClaims, role: OrganisationRole, now: string) {
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

export async function listInvitingOrganisations(email: string): Promise<string[]> {
  return (await queryIndex(keys.invitationsOfEmail(email))).map((item) => item.organisationId);
}

export async function listMemberships(personId: string): Promise<Array<{ organisationId: string; role: OrganisationRole }>> {
  return (await queryIndex(keys.membershipsOfPerson(personId))).map((item) => ({
    organisationId: item.organisationId,
    role: item.role,
  }));
}

/**
 * Turns an invitation into a membership, and tells the person they were added (see notifications.ts); answers the
 * role the person holds afterwards.
 */
export async function acceptInvitation(organisation: OrganisationSummary, person: PersonClaims & { email: string }, now: string) {
  const organisationId = organisation.id;
  const invitation = await getItem(keys.invitation(organisationId, person.email), true);
  if (!invitation) return getRole(organisationId, person.id);
  const { role, invitedBy } = invitation;
  try {
    await dynamo.transactWrite({
      TransactItems: [
        {
          Delete: {
            TableName: tableName,
            Key: keys.invitation(organisationId, person.email),
            ConditionExpression: itemExists,
          },
        },
        {
          Put: {
            TableName: tableName,
            Item: membershipItem(organisationId, person, role, now),
            ConditionExpression: itemIsNew,
          },
        },
        outboxItem({ kind: 'added-to-organisation', at: now, actor: invitedBy, people: [person.id], organisation, role }),
      ],
    });
    return role;
  } catch (error) {
    const codes = cancellationCodes(error);
    if (!codes) throw error;
    // Already a member: the invitation has nothing left to do. Otherwise a parallel request accepted it.
    if (codes[1] === 'ConditionalCheckFailed') {
      await dynamo.delete({ TableName: tableName, Key: keys.invitation(organisationId, person.email) });
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
    await dynamo.put({ TableName: tableName, Item: item, ConditionExpression: itemIsNew });
  } catch (error) {
    if (isConditionFailure(error)) throw new Conflict(`${email} is already invited to this organisation.`);
    throw error;
  }
  return { email, name: null, role, status: 'invited', since: now };
}

/** The ids of the organisation's people, or of those with the role given. */
export async function listPersonIds(organisationId: string, role?: OrganisationRole): Promise<string[]> {
  const people = await queryPartition(
    keys.organisationPartition(organisationId),
    keys.membershipPrefix,
    role && { expression: '#role = :role', names: { '#role': 'role' }, values: { ':role': role } },
  );
  return people.map((item) => item.personId);
}

/** The organisation's people and pending invitations, in one Query of its partition. */
export async function listPeople(organisationId: string): Promise<Person[]> {
  const items = await queryPartition(keys.organisationPartition(organisationId));
  return items.flatMap((item): Person[] => {
    if (sortKeyOf(item).startsWith(keys.membershipPrefix)) {
      // A name recorded before names were kept free of addresses is cleaned as it is read.
      return [{ email: item.email ?? '', name: item.name ? personName(item.name) : null, role: item.role, status: 'active', since: item.since }];
    }
    if (sortKeyOf(item).startsWith(keys.invitationPrefix)) {
      return [{ email: item.email, name: null, role: item.role, status: 'invited', since: item.since }];
    }
    return [];
  });
}
