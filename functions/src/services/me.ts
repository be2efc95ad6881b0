// The signed-in caller: who they are, their organisations and roles.
import type { Me, SiteLanguage } from '@collective-actions/shared';
import * as organisationRecords from '../data/organisations.ts';
import * as peopleRecords from '../data/people.ts';
import type { Caller } from './caller.ts';
import { acceptInvitations } from './people.ts';
import { recordSignIn } from './settings.ts';

/** The caller and their organisations; reading it is signing in: invitations are accepted, the settings' address and language kept. */
export async function getMe(caller: Caller, language?: SiteLanguage): Promise<Me> {
  await Promise.all([acceptInvitations(caller), recordSignIn(caller, language)]);
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
