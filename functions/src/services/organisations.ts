// Registering organisations, editing them, their people, and their verification by stewards.
import { ulid } from 'ulid';
import {
  Conflict,
  NotFound,
  Unauthorized,
  type NewOrganisation,
  type NewPerson,
  type Organisation,
  type OrganisationChanges,
  type OrganisationContributionsQuery,
  type OrganisationsQuery,
  type Person,
  type Verification,
  type VerificationWithdrawal,
} from '@collective-actions/shared';
import * as contributionRecords from '../data/contributions.ts';
import * as organisationRecords from '../data/organisations.ts';
import * as peopleRecords from '../data/people.ts';
import type { Caller } from './caller.ts';
import { allows, authorise } from './authorisation.ts';
import { personOf } from './people.ts';
import { now } from './clock.ts';

export async function registerOrganisation(caller: Caller, input: NewOrganisation): Promise<Organisation> {
  return organisationRecords.createOrganisation({ id: ulid(), ...input }, personOf(caller), now());
}

export async function getOrganisation(id: string): Promise<Organisation> {
  const organisation = await organisationRecords.getOrganisation(id);
  if (!organisation) throw new NotFound(`There is no organisation ${id}.`);
  return organisation;
}

export const listOrganisations = (query: OrganisationsQuery) => organisationRecords.listOrganisations(query);

/** Its public contributions, newest first: not withdrawn, not hidden; or, for its own people, all of them. */
export async function listOrganisationContributions(caller: Caller | undefined, id: string, query: OrganisationContributionsQuery) {
  if (query.visibility === 'all') {
    if (!caller) throw new Unauthorized("Sign in as one of the organisation's people to see its hidden and withdrawn contributions.");
    await authorise(caller, 'list-own-contributions', { organisationId: id });
  }
  const [, contributions] = await Promise.all([getOrganisation(id), contributionRecords.listContributionsOf(id, query)]);
  return contributions;
}

export async function updateOrganisation(caller: Caller, id: string, changes: OrganisationChanges): Promise<Organisation> {
  await authorise(caller, 'update-organisation', { organisationId: id });
  return organisationRecords.updateOrganisation(id, changes, now(), caller.id);
}

/** Its people, for its members: each person's own address, and the addresses its admins invited; nobody else's. */
export async function listPeople(caller: Caller, id: string): Promise<Person[]> {
  const standing = await authorise(caller, 'list-people', { organisationId: id });
  const seesInvitations = allows('see-invitations', standing);
  return (await peopleRecords.listPeople(id)).map((person) => ({
    ...person,
    email: person.email === caller.verifiedEmail || (person.status === 'invited' && seesInvitations) ? person.email : null,
  }));
}

/** Adds a person by e-mail: the membership starts when they sign in with that e-mail, verified. */
export async function addPerson(caller: Caller, id: string, person: NewPerson) {
  await authorise(caller, 'add-person', { organisationId: id });
  const present = (await peopleRecords.listPeople(id)).find((someone) => someone.email === person.email && someone.status === 'active');
  if (present) throw new Conflict(`${person.email} is already a ${present.role} of this organisation.`);
  return peopleRecords.invitePerson(id, person.email, person.role, caller.id, now());
}

export async function verifyOrganisation(caller: Caller, id: string, { version, note }: Verification) {
  await authorise(caller, 'verify-organisation');
  return organisationRecords.verifyOrganisation(id, version, caller.id, now(), note);
}

export async function withdrawVerification(caller: Caller, id: string, { version, note }: VerificationWithdrawal) {
  await authorise(caller, 'withdraw-verification');
  return organisationRecords.withdrawVerification(id, version, caller.id, now(), note);
}

/** Its public history: when it was verified, and when a change of identity withdrew the verification. */
export async function organisationHistory(id: string, page: { cursor?: string; limit: number }) {
  const [, history] = await Promise.all([getOrganisation(id), organisationRecords.listOrganisationHistory(id, page)]);
  return history;
}

/** The stewards' queue: new organisations, and verified ones whose identity changed, oldest first. */
export const verificationQueue = (page: { cursor?: string; limit: number }) => organisationRecords.listVerificationRequests(page);
