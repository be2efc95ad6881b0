// Every rule of the platform on who may do what. The rules are pure functions of the caller's standing toward the
// record concerned (`allows`); `authorise` loads that standing and refuses, and the `…Can` functions say, for an answer,
// which of its acts the caller may do, so that the site shows exactly the buttons the API would accept.
import {
  Forbidden,
  NotFound,
  type ActionCan,
  type CoalitionCan,
  type CoalitionMember,
  type Contribution,
  type ContributionCan,
  type Cooperation,
  type CooperationCan,
  type CooperationSide,
  type OrganisationCan,
  type OrganisationRole,
  cooperationSides,
  isPublicStatus,
  restorable,
  statusesAfter,
} from '@collective-actions/shared';
import * as coalitions from '../data/coalitions.ts';
import * as organisationRecords from '../data/organisations.ts';
import * as peopleRecords from '../data/people.ts';
import type { Caller } from './caller.ts';

/** What the rules look at: who the caller is with respect to one organisation, one coalition, one contribution. */
export interface Standing {
  steward: boolean;
  /** The caller's role in the organisation concerned; undefined if they are not one of its people. */
  role: OrganisationRole | undefined;
  /** Whether one of the caller's organisations leads the coalition concerned. */
  leads: boolean;
  /** Whether the caller wrote the contribution or the message concerned. */
  author: boolean;
}

/** What a refusal names, to say what to do about it. */
interface Concerning {
  organisationId?: string;
  /** The slug of the action whose coalition is concerned. */
  action?: string;
  /** Who wrote the contribution concerned. */
  authorId?: string;
}

const notOneOfItsPeople = ({ organisationId }: Concerning) =>
  `You are not a member of organisation ${organisationId}: ask one of its admins to add you.`;
const onlyAdmins = (standing: Standing, concerning: Concerning) =>
  standing.role ? `Only the organisation's admins may do this; you are a ${standing.role}.` : notOneOfItsPeople(concerning);

/** Whom each rule lets through, and what a refused caller is told. */
const rules = {
  'signed-in': { allows: () => true, refusal: () => 'Sign in to do this.' },
  steward: { allows: (s: Standing) => s.steward, refusal: () => 'Only platform stewards may do this.' },
  'organisation member': { allows: (s: Standing) => s.role !== undefined, refusal: (_: Standing, c: Concerning) => notOneOfItsPeople(c) },
  'organisation admin': { allows: (s: Standing) => s.role === 'admin', refusal: onlyAdmins },
  author: { allows: (s: Standing) => s.author, refusal: () => 'Only its author may do this.' },
  'author or organisation admin': { allows: (s: Standing) => s.author || s.role === 'admin', refusal: onlyAdmins },
  lead: { allows: (s: Standing) => s.steward || s.leads, refusal: () => "Only the coalition's leads and platform stewards may do this." },
  'author or organisation member': { allows: (s: Standing) => s.author || s.role !== undefined, refusal: (_: Standing, c: Concerning) => notOneOfItsPeople(c) },
  'organisation member or lead': {
    allows: (s: Standing) => s.role !== undefined || s.steward || s.leads,
    refusal: () => "Only the organisation's people, the coalition's leads and platform stewards may see this.",
  },
} as const;

type Rule = keyof typeof rules;

/**
 * Every act a caller may be refused, each with its rule: the route table's mutating routes by their handler's name,
 * and the reads that show more to some callers.
 */
export const acts = {
  'create-action': 'steward',
  'update-action': 'steward',
  'appoint-lead': 'steward',
  'verify-organisation': 'steward',
  'withdraw-verification': 'steward',
  'list-verification-requests': 'steward',
  /** The stewards alone read a reported message (and nothing else of its thread), and decide on it. */
  'list-reports': 'steward',
  'decide-report': 'steward',
  'register-organisation': 'signed-in',
  'end-session': 'signed-in',
  // Each person reads and marks only their own inbox: its partition is theirs.
  'read-notifications': 'signed-in',
  'follow-action': 'signed-in',
  'unfollow-action': 'signed-in',
  'change-settings': 'signed-in',
  'update-organisation': 'organisation admin',
  'list-people': 'organisation member',
  'add-person': 'organisation admin',
  /** The addresses of the people its admins invited, until they sign in (no one else's address is ever shown). */
  'see-invitations': 'organisation admin',
  'submit-contribution': 'organisation member',
  'edit-contribution': 'author or organisation admin',
  'withdraw-contribution': 'author or organisation admin',
  'restore-contribution': 'author or organisation admin',
  /** A withdrawn contribution, for its organisation's people (and its author), who may restore it for a while. */
  'see-withdrawn-contribution': 'author or organisation member',
  'post-contribution-update': 'author or organisation admin',
  'see-hidden-contribution': 'organisation member or lead',
  'hide-contribution': 'lead',
  'unhide-contribution': 'lead',
  'list-hidden-contributions': 'lead',
  /** The contributions hidden lately across every action. */
  'list-recently-hidden': 'steward',
  'request-membership': 'organisation admin',
  'leave-coalition': 'organisation admin',
  /** Its own membership record (with its request) is seen by an organisation's people. */
  'see-own-membership': 'organisation member',
  /** Its hidden contributions (why, and who hid them) and its withdrawn ones, for its own people's dashboard. */
  'list-own-contributions': 'organisation member',
  'change-membership': 'lead',
  'see-join-requests': 'lead',
  /** A cooperation, for one of the caller's organisations; the people of either side read its thread and write in it. */
  'propose-cooperation': 'organisation member',
  'list-cooperations': 'organisation member',
  /** What could answer an organisation's contributions, new this week: for its people's dashboard. */
  'list-organisation-matches': 'organisation member',
  'read-cooperation-thread': 'organisation member',
  'post-message': 'organisation member',
  'edit-message': 'author',
  /** A message of the other organisation's, to the platform's stewards. */
  'report-message': 'organisation member',
  /** Committing the organisation publicly (accepting), or turning another down, is for its admins. */
  'accept-cooperation': 'organisation admin',
  'decline-cooperation': 'organisation admin',
  'change-cooperation-status': 'organisation member',
  'post-cooperation-update': 'organisation member',
  /** Whom an organisation blocked, its people see; its admins block and unblock. */
  'list-blocks': 'organisation member',
  'block-organisation': 'organisation admin',
  'unblock-organisation': 'organisation admin',
  'add-agenda-item': 'lead',
  'edit-agenda-item': 'lead',
  'delete-agenda-item': 'lead',
} as const satisfies Record<string, Rule>;

export type Act = keyof typeof acts;

/** Whether the standing lets the caller do the act; a caller who is not signed in has none, and may do none of them. */
export const allows = (act: Act, standing: Standing | undefined): boolean => standing !== undefined && rules[acts[act]].allows(standing);

/** Whether one of the person's organisations leads the action's coalition. */
async function leadsCoalition(personId: string, slug: string): Promise<boolean> {
  const memberships = await peopleRecords.listMemberships(personId);
  return (await coalitions.leadingAmong(slug, memberships.map((membership) => membership.organisationId))).length > 0;
}

/** The caller's standing toward what is named: only the facts named are read. */
async function standingOf(caller: Caller, { organisationId, action, authorId }: Concerning): Promise<Standing> {
  const [role, leads] = await Promise.all([
    organisationId ? peopleRecords.getRole(organisationId, caller.id) : undefined,
    action && !caller.steward ? leadsCoalition(caller.id, action) : false,
  ]);
  return { steward: caller.steward, role, leads, author: authorId === caller.id };
}

/**
 * Fails unless the caller may do the act. When the organisation is named in the path, a missing one is a 404 rather
 * than a refusal; one named in a body is only ever "not yours".
 */
export async function authorise(caller: Caller, act: Act, concerning: Concerning = {}, named: 'path' | 'body' = 'path'): Promise<Standing> {
  const standing = await standingOf(caller, concerning);
  if (allows(act, standing)) return standing;
  const { organisationId } = concerning;
  if (organisationId && named === 'path' && !(await organisationRecords.getOrganisation(organisationId))) {
    throw new NotFound(`There is no organisation ${organisationId}.`);
  }
  throw new Forbidden(rules[acts[act]].refusal(standing, concerning));
}

const standingIfSignedIn = (caller: Caller | undefined, concerning: Concerning) => (caller ? standingOf(caller, concerning) : undefined);

export async function actionCan(caller: Caller | undefined, slug: string): Promise<ActionCan> {
  const standing = await standingIfSignedIn(caller, { action: slug });
  return {
    edit: allows('update-action', standing),
    runCoalition: allows('change-membership', standing),
    appointLeads: allows('appoint-lead', standing),
    follow: allows('follow-action', standing),
  };
}

export const contributionCan = (standing: Standing | undefined, contribution: Pick<Contribution, 'status' | 'hidden' | 'withdrawnAt'>, now: Date): ContributionCan => ({
  edit: contribution.status === 'published' && allows('edit-contribution', standing),
  withdraw: contribution.status === 'published' && allows('withdraw-contribution', standing),
  restore: restorable(contribution, now) && allows('restore-contribution', standing),
  postUpdate: contribution.status === 'published' && !contribution.hidden && allows('post-contribution-update', standing),
  hide: allows('hide-contribution', standing),
  unhide: allows('unhide-contribution', standing),
});

/** The standing toward a contribution: its organisation, its action's coalition, its author. */
export const contributionStanding = (caller: Caller | undefined, contribution: { action: string; organisation: { id: string }; authorId: string }) =>
  standingIfSignedIn(caller, { organisationId: contribution.organisation.id, action: contribution.action, authorId: contribution.authorId });

/** The standing toward an organisation: whether the caller is one of its people, and a steward. */
export const organisationStanding = (caller: Caller | undefined, id: string) => standingIfSignedIn(caller, { organisationId: id });

export function organisationCan(standing: Standing | undefined): OrganisationCan {
  return {
    edit: allows('update-organisation', standing),
    listPeople: allows('list-people', standing),
    addPeople: allows('add-person', standing),
    verify: allows('verify-organisation', standing),
  };
}

/** What a caller sees of a coalition and may do in it, from their standing toward it and toward each of their organisations. */
export interface CoalitionView {
  /** Toward the coalition (no organisation concerned). */
  standing: Standing | undefined;
  /** The caller's role in each of their organisations. */
  roles: ReadonlyMap<string, OrganisationRole>;
}

export async function coalitionView(caller: Caller | undefined, slug: string): Promise<CoalitionView> {
  if (!caller) return { standing: undefined, roles: new Map() };
  const memberships = await peopleRecords.listMemberships(caller.id);
  const leading = caller.steward ? [] : await coalitions.leadingAmong(slug, memberships.map((membership) => membership.organisationId));
  return {
    standing: { steward: caller.steward, role: undefined, leads: leading.length > 0, author: false },
    roles: new Map(memberships.map((membership) => [membership.organisationId, membership.role])),
  };
}

/** What the coalition rules read of a member's record. */
type MemberRecord = Pick<CoalitionMember, 'organisation' | 'status'>;

const towardOrganisation = ({ standing, roles }: CoalitionView, organisationId: string): Standing | undefined =>
  standing && { ...standing, role: roles.get(organisationId) };

/** Whether the caller sees the member's record: active ones everyone; requests leads; their own organisations' records their people. */
export function seesMember({ standing, roles }: CoalitionView, member: MemberRecord): boolean {
  const ownRecord = allows('see-own-membership', towardOrganisation({ standing, roles }, member.organisation.id));
  return member.status === 'active' || ownRecord || (member.status === 'requested' && allows('see-join-requests', standing));
}

/** Whether the caller sees the member's request message: the coalition's leads and the organisation's own people. */
export const seesRequest = (view: CoalitionView, member: MemberRecord): boolean =>
  allows('see-join-requests', view.standing) || allows('see-own-membership', towardOrganisation(view, member.organisation.id));

/**
 * What the caller may do in the coalition; `join` lists the organisations they administer that are not in it (a
 * declined one may ask again), `leave` those whose membership or request they may end.
 */
export function coalitionCan(view: CoalitionView, members: MemberRecord[], organisations: CoalitionCan['join']): CoalitionCan {
  const present = new Set(members.filter((member) => member.status !== 'declined').map((member) => member.organisation.id));
  return {
    changeMemberships: allows('change-membership', view.standing),
    appointLeads: allows('appoint-lead', view.standing),
    join: organisations.filter(({ id }) => !present.has(id) && allows('request-membership', towardOrganisation(view, id))),
    leave: [...present].filter((id) => allows('leave-coalition', towardOrganisation(view, id))),
  };
}

/** The caller's standing toward each side of a cooperation (undefined when not signed in). */
export type CooperationStanding = Record<CooperationSide, Standing> | undefined;

export async function cooperationStanding(caller: Caller | undefined, cooperation: Pick<Cooperation, CooperationSide>): Promise<CooperationStanding> {
  if (!caller) return undefined;
  const [proposer, partner] = await Promise.all(cooperationSides.map((side) => standingOf(caller, { organisationId: cooperation[side].id })));
  return { proposer, partner };
}

/** Whether the caller may do the act for either side of the cooperation. */
export const allowsEitherSide = (act: Act, standing: CooperationStanding): boolean =>
  cooperationSides.some((side) => allows(act, standing?.[side]));

/** The organisations of the cooperation the caller may do the act for. */
export const sidesAllowing = (act: Act, standing: CooperationStanding, cooperation: Pick<Cooperation, CooperationSide>): string[] =>
  cooperationSides.filter((side) => allows(act, standing?.[side])).map((side) => cooperation[side].id);

/** The cooperation is public once both sides agreed to it; until then (or once declined), only their people know of it. */
export const seesCooperation = (standing: CooperationStanding, { status }: Pick<Cooperation, 'status'>): boolean =>
  isPublicStatus(status) || allowsEitherSide('read-cooperation-thread', standing);

/** Fails unless the caller may do the act for either side; a cooperation they may not see is not there at all. */
export function authoriseEitherSide(act: Act, standing: CooperationStanding, cooperation: Pick<Cooperation, 'id' | 'status'>): void {
  if (!seesCooperation(standing, cooperation)) throw new NotFound(`There is no cooperation ${cooperation.id}.`);
  if (!allowsEitherSide(act, standing)) {
    throw new Forbidden(`Only the ${acts[act] === 'organisation admin' ? 'admins' : 'people'} of the cooperation's two organisations may do this.`);
  }
}

export const cooperationCan = (standing: CooperationStanding, cooperation: Cooperation): CooperationCan => ({
  read: allowsEitherSide('read-cooperation-thread', standing),
  write: cooperation.status !== 'declined' && allowsEitherSide('post-message', standing),
  accept:
    cooperation.status === 'proposed'
      ? cooperationSides.filter((side) => !cooperation.accepted[side] && allows('accept-cooperation', standing?.[side])).map((side) => cooperation[side].id)
      : [],
  decline: statusesAfter[cooperation.status].includes('declined') && allowsEitherSide('decline-cooperation', standing),
  changeStatus: statusesAfter[cooperation.status].some((status) => status !== 'declined') && allowsEitherSide('change-cooperation-status', standing),
  postUpdate: isPublicStatus(cooperation.status) && allowsEitherSide('post-cooperation-update', standing),
});
