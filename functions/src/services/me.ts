// The signed-in caller: who they are, their organisations and roles.
import type { Me } from '@collective-actions/shared';
import * as organisationRecords from '../data/organisations.ts';
import * as peopleRecords from '../data/people.ts';
import type { Caller } from './caller.ts';
import { acceptInvitations } from './people.ts';

export async function getMe(caller: Caller): Promise<Me> {
  await acceptInvitations(caller);
  const memberships = await peopleRecords.listMemberships(caller.id);
  const organisations = await organisationRecords.getOrganisations(memberships.map((membership) => membership.organisationId));
  return {
    id: caller.id,
    name: caller.name,
    email: caller.verifiedEmail,
    steward: caller.steward,
    organisations: memberships
      .filter((membership) => organisations.has(membership.organisationId))
      .map((membership) => ({ organisation: organisations.get(membership.organisationId)!, role: membership.role }))
      .sort((a, b) => a.organisation.name.localeCompare(b.organisation.name)),
  };
}
