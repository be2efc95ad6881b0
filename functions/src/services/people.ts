// People and their organisations: invitations become memberships when the person signs in (never inside a read).
import * as repository from '../data/repository.ts';
import type { Caller } from './caller.ts';
import { now } from './clock.ts';

export const personOf = (caller: Caller): repository.PersonClaims => ({
  id: caller.id,
  name: caller.name,
  email: caller.verifiedEmail,
});

/** Accepts every invitation waiting for the caller's verified e-mail: on sign-in, which reads `/me` first. */
export async function acceptInvitations(caller: Caller): Promise<void> {
  const email = caller.verifiedEmail;
  if (!email) return;
  const organisationIds = await repository.listInvitingOrganisations(email);
  await Promise.all(organisationIds.map((id) => repository.acceptInvitation(id, { ...personOf(caller), email }, now())));
}
