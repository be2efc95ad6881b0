// People and their organisations: invitations become memberships when the person signs in (never inside a read).
import * as organisationRecords from '../data/organisations.ts';
import * as peopleRecords from '../data/people.ts';
import type { Caller } from './caller.ts';
import { now } from './clock.ts';

export const personOf = (caller: Caller): peopleRecords.PersonClaims => ({
  id: caller.id,
  name: caller.name,
  email: caller.verifiedEmail,
});

/** Accepts every invitation waiting for the caller's verified e-mail: on sign-in, which reads `/me` first. */
export async function acceptInvitations(caller: Caller): Promise<void> {
  const email = caller.verifiedEmail;
  if (!email) return;
  const organisations = await organisationRecords.getOrganisations(await peopleRecords.listInvitingOrganisations(email));
  await Promise.all(
    [...organisations.values()].map((organisation) =>
      peopleRecords.acceptInvitation(organisationRecords.summaryOf(organisation), { ...personOf(caller), email }, now()),
    ),
  );
}
