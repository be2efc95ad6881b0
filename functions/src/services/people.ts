// Who belongs to which organisation, with which role, including invitations waiting for a sign-in.
import { Forbidden, NotFound, type OrganisationRole } from '@collective-actions/shared';
import * as repository from '../data/repository.ts';
import type { Caller } from '../http/caller.ts';
import { now } from './clock.ts';

export const personOf = (caller: Caller): repository.PersonClaims => ({
  id: caller.id,
  name: caller.name,
  email: caller.verifiedEmail,
});

/** The caller's role in the organisation; an invitation to their verified e-mail becomes a membership here. */
export async function roleIn(caller: Caller, organisationId: string): Promise<OrganisationRole | undefined> {
  const role = await repository.getRole(organisationId, caller.id);
  if (role || !caller.verifiedEmail) return role;
  return repository.acceptInvitation(organisationId, { ...personOf(caller), email: caller.verifiedEmail }, now());
}

/** Accepts every invitation waiting for the caller's verified e-mail. */
export async function acceptInvitations(caller: Caller): Promise<void> {
  const email = caller.verifiedEmail;
  if (!email) return;
  const organisationIds = await repository.listInvitingOrganisations(email);
  await Promise.all(organisationIds.map((id) => repository.acceptInvitation(id, { ...personOf(caller), email }, now())));
}

/**
 * Fails unless the caller holds the role (admins may do what members do). For an organisation
 * named in the path, a missing one is a 404; one named in a body is only ever "not yours".
 */
export async function requireRole(
  caller: Caller,
  organisationId: string,
  needed: OrganisationRole,
  named: 'path' | 'body' = 'path',
): Promise<OrganisationRole> {
  const role = await roleIn(caller, organisationId);
  if (role === 'admin' || role === needed) return role;
  if (named === 'path' && !(await repository.getOrganisation(organisationId))) {
    throw new NotFound(`There is no organisation ${organisationId}.`);
  }
  throw new Forbidden(
    role
      ? `Only the organisation's admins may do this; you are a ${role}.`
      : `You are not a member of organisation ${organisationId}: ask one of its admins to add you.`,
  );
}
