// Coalitions: organisations ask to join an action's coalition, leads run it, stewards appoint its first lead.
import {
  Conflict,
  NotFound,
  ValidationFailed,
  type CoalitionMember,
  type CoalitionMembersView,
  type CoalitionRole,
  type JoinRequest,
  type MembershipChange,
  type MembershipNotificationKind,
  type OrganisationView,
} from '@collective-actions/shared';
import * as coalitions from '../data/coalitions.ts';
import * as organisationRecords from '../data/organisations.ts';
import type { Caller } from './caller.ts';
import { getAction } from './actions.ts';
import { getOrganisation } from './organisations.ts';
import { allows, authorise, coalitionCan, coalitionView, organisationCan, organisationStanding, seesMember, seesRequest } from './authorisation.ts';
import { now } from './clock.ts';
import { withRetries } from './retries.ts';

const rank = (member: CoalitionMember) => (member.status === 'active' ? (member.role === 'lead' ? 0 : 1) : member.status === 'requested' ? 2 : 3);

/** Active members for everyone; requests too for leads and stewards; an organisation's own record for its people. */
export async function listMembers(caller: Caller | undefined, slug: string): Promise<CoalitionMembersView> {
  const [, members, view] = await Promise.all([getAction(slug), coalitions.listMembers(slug), coalitionView(caller, slug)]);
  // Only those the caller administers may ask to join: the others' names are not needed.
  const administered = [...view.roles].filter(([, role]) => role === 'admin').map(([id]) => id);
  const organisations = await organisationRecords.getOrganisations(administered);
  const items = members
    .filter((member) => seesMember(view, member))
    .map((member) => coalitions.memberView(member, seesRequest(view, member)))
    .sort((a, b) => rank(a) - rank(b) || a.organisation.name.localeCompare(b.organisation.name));
  return { items, can: coalitionCan(view, members, [...organisations.values()].map(organisationRecords.summaryOf)) };
}

export async function requestMembership(caller: Caller, slug: string, { organisationId, message }: JoinRequest): Promise<CoalitionMember> {
  await getAction(slug);
  await authorise(caller, 'request-membership', { organisationId }, 'body');
  return withRetries(async () => {
    const [member, organisation] = await Promise.all([
      coalitions.getMember(slug, organisationId),
      organisationRecords.getOrganisation(organisationId, true),
    ]);
    if (member?.status === 'active') throw new Conflict(`${member.organisation.name} is already a member of this coalition.`);
    if (member?.status === 'requested') throw new Conflict(`${member.organisation.name} has already asked to join: a lead will answer.`);
    const time = now();
    const requested: coalitions.StoredMember = {
      action: slug,
      organisation: organisationRecords.summaryOf(organisation!),
      role: 'member',
      status: 'requested',
      joinedAt: null,
      request: { message: message ?? null, at: time, by: caller.id },
    };
    await coalitions.changeMembership({ from: member, to: requested, events: [], by: caller.id, now: time, notify: 'join-requested' });
    return coalitions.memberView(requested, true);
  });
}

/** A lead's decision on a request or a membership; answers the membership afterwards (undefined once removed). */
export async function changeMembership(
  caller: Caller,
  slug: string,
  organisationId: string,
  change: MembershipChange,
): Promise<CoalitionMember | undefined> {
  await getAction(slug);
  await authorise(caller, 'change-membership', { action: slug });
  return withRetries(async () => {
    const member = await coalitions.getMember(slug, organisationId);
    if (!member) throw new NotFound(`Organisation ${organisationId} has not asked to join this coalition.`);
    const name = member.organisation.name;
    const time = now();
    const transition = (to: coalitions.StoredMember | undefined, events: coalitions.MembershipTransition['events'], notify?: MembershipNotificationKind) =>
      coalitions.changeMembership({ from: member, to, events, by: caller.id, now: time, notify });
    const requireStatus = (status: CoalitionMember['status']) => {
      if (member.status === status) return;
      throw new Conflict(
        member.status === 'active'
          ? `${name} is already a member of this coalition.`
          : member.status === 'declined'
            ? `${name}'s request was declined; the organisation may ask again.`
            : `${name} has asked to join and is not a member yet: approve or decline the request first.`,
      );
    };
    switch (change) {
      case 'approve': {
        requireStatus('requested');
        // Joining copies the organisation as it is now.
        const organisation = await organisationRecords.getOrganisation(organisationId, true);
        const joined = { ...member, organisation: organisationRecords.summaryOf(organisation!), status: 'active' as const, joinedAt: time };
        await transition(joined, ['joined'], 'request-approved');
        return coalitions.memberView(joined, true);
      }
      case 'decline': {
        requireStatus('requested');
        const declined = { ...member, status: 'declined' as const };
        await transition(declined, [], 'request-declined');
        return coalitions.memberView(declined, true);
      }
      case 'remove':
        requireStatus('active');
        await transition(undefined, ['removed'], 'member-removed');
        return undefined;
      case 'make-lead':
      case 'make-member': {
        requireStatus('active');
        const role: CoalitionRole = change === 'make-lead' ? 'lead' : 'member';
        if (member.role === role) throw new Conflict(`${name} is already a ${role} of this coalition.`);
        const changed = { ...member, role };
        await transition(changed, [role === 'lead' ? 'became-lead' : 'became-member'], role === 'lead' ? 'made-lead' : undefined);
        return coalitions.memberView(changed, true);
      }
    }
  });
}

/** The organisation's admin takes it out of the coalition, or withdraws its request. */
export async function leaveCoalition(caller: Caller, slug: string, organisationId: string): Promise<void> {
  await getAction(slug);
  await authorise(caller, 'leave-coalition', { organisationId });
  await withRetries(async () => {
    const member = await coalitions.getMember(slug, organisationId);
    if (!member) throw new NotFound(`Organisation ${organisationId} is not in this coalition and has no request to join it.`);
    await coalitions.changeMembership({ from: member, to: undefined, events: member.status === 'active' ? ['left'] : [], by: caller.id, now: now() });
  });
}

/** A steward makes an organisation a lead, whether it is a member already or not: answers whether it joined. */
export async function appointLead(caller: Caller, slug: string, organisationId: string): Promise<{ member: CoalitionMember; joined: boolean }> {
  await getAction(slug);
  return withRetries(async () => {
    const [member, organisation] = await Promise.all([
      coalitions.getMember(slug, organisationId),
      organisationRecords.getOrganisation(organisationId, true),
    ]);
    if (!organisation) throw new ValidationFailed([{ pointer: '#/organisationId', detail: 'is not an organisation of the platform' }]);
    if (member?.status === 'active' && member.role === 'lead') throw new Conflict(`${organisation.name} already leads this coalition.`);
    const time = now();
    const joined = member?.status !== 'active';
    const lead: coalitions.StoredMember = {
      action: slug,
      request: member?.request ?? null,
      organisation: joined ? organisationRecords.summaryOf(organisation) : member!.organisation,
      role: 'lead',
      status: 'active',
      joinedAt: joined ? time : member!.joinedAt,
    };
    await coalitions.changeMembership({
      from: member,
      to: lead,
      events: joined ? ['joined', 'became-lead'] : ['became-lead'],
      by: caller.id,
      now: time,
      notify: 'made-lead',
    });
    return { member: coalitions.memberView(lead, true), joined };
  });
}

export async function listHistory(slug: string, page: { cursor?: string; limit: number }) {
  const [, history] = await Promise.all([getAction(slug), coalitions.listHistory(slug, page)]);
  return history;
}

/**
 * The organisation with its coalitions, and what the caller may do with it; for its own people, also its requests to
 * join that wait, and how many requests wait in each coalition it leads.
 */
export async function viewOrganisation(caller: Caller | undefined, id: string): Promise<OrganisationView> {
  const [organisation, memberships, standing] = await Promise.all([getOrganisation(id), coalitions.listMembershipsOf(id), organisationStanding(caller, id)]);
  const active = memberships.filter((member) => member.status === 'active');
  const view = { ...organisation, can: organisationCan(standing) };
  if (!allows('see-own-membership', standing)) {
    return { ...view, coalitions: active.map(coalitions.coalitionOf) };
  }
  const waiting = await Promise.all(active.map((member) => (member.role === 'lead' ? coalitions.countRequests(member.action) : undefined)));
  return {
    ...view,
    coalitions: active.map((member, index) => ({ ...coalitions.coalitionOf(member), ...(waiting[index] === undefined ? {} : { waiting: waiting[index] }) })),
    requests: memberships
      .filter((member) => member.status === 'requested' && member.request)
      .map(({ action, request }) => ({ action, message: request!.message, at: request!.at }))
      .sort((a, b) => a.at.localeCompare(b.at)),
  };
}
