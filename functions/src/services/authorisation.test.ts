import { describe, expect, it } from 'vitest';
import { routes } from '@collective-actions/shared/routes';
import { acts, allows, coalitionCan, contributionCan, seesMember, seesRequest, type Act, type CoalitionView, type Standing } from './authorisation.ts';

/** One caller of each kind, toward one organisation, one coalition and one contribution. */
const nobody: Standing = { steward: false, role: undefined, leads: false, author: false };
const callers = {
  'not signed in': undefined,
  'signed in, nothing to do with it': nobody,
  'member of the organisation': { ...nobody, role: 'member' },
  'admin of the organisation': { ...nobody, role: 'admin' },
  'author, still a member': { ...nobody, role: 'member', author: true },
  'author, no longer a member': { ...nobody, author: true },
  'in a lead organisation': { ...nobody, leads: true },
  steward: { ...nobody, steward: true },
} satisfies Record<string, Standing | undefined>;

type Caller = keyof typeof callers;
const everyone = Object.keys(callers) as Caller[];
const signedIn = everyone.filter((caller) => caller !== 'not signed in');
const members: Caller[] = ['member of the organisation', 'admin of the organisation', 'author, still a member'];
const admins: Caller[] = ['admin of the organisation'];
const leads: Caller[] = ['in a lead organisation', 'steward'];

/** Who may do each act: written out again here, so that a change to a rule has to change this table too. */
const expected: Record<Act, Caller[]> = {
  'create-action': ['steward'],
  'update-action': ['steward'],
  'appoint-lead': ['steward'],
  'verify-organisation': ['steward'],
  'withdraw-verification': ['steward'],
  'list-verification-requests': ['steward'],
  'list-reports': ['steward'],
  'decide-report': ['steward'],
  'register-organisation': signedIn,
  'end-session': signedIn,
  'read-notifications': signedIn,
  'follow-action': signedIn,
  'unfollow-action': signedIn,
  'change-settings': signedIn,
  'update-organisation': admins,
  'list-people': members,
  'add-person': admins,
  'see-invitations': admins,
  'submit-contribution': members,
  'edit-contribution': [...admins, 'author, still a member', 'author, no longer a member'],
  'withdraw-contribution': [...admins, 'author, still a member', 'author, no longer a member'],
  'restore-contribution': [...admins, 'author, still a member', 'author, no longer a member'],
  'see-withdrawn-contribution': [...members, 'author, no longer a member'],
  'post-contribution-update': [...admins, 'author, still a member', 'author, no longer a member'],
  'see-hidden-contribution': [...members, ...leads],
  'hide-contribution': leads,
  'unhide-contribution': leads,
  'list-hidden-contributions': leads,
  'list-recently-hidden': ['steward'],
  'request-membership': admins,
  'leave-coalition': admins,
  'see-own-membership': members,
  'list-own-contributions': members,
  'change-membership': leads,
  'see-join-requests': leads,
  'propose-cooperation': members,
  'list-cooperations': members,
  'list-organisation-matches': members,
  'read-cooperation-thread': members,
  'post-message': members,
  'edit-message': ['author, still a member', 'author, no longer a member'],
  'report-message': members,
  'accept-cooperation': admins,
  'decline-cooperation': admins,
  'change-cooperation-status': members,
  'post-cooperation-update': members,
  'list-blocks': members,
  'block-organisation': admins,
  'unblock-organisation': admins,
  'add-agenda-item': leads,
  'edit-agenda-item': leads,
  'delete-agenda-item': leads,
};

describe('the authorisation table', () => {
  const cases = (Object.keys(expected) as Act[]).flatMap((act) => everyone.map((caller) => ({ act, caller, allowed: expected[act].includes(caller) })));

  it.each(cases)('$act by $caller: $allowed', ({ act, caller, allowed }) => {
    expect(allows(act, callers[caller])).toBe(allowed);
  });

  it('holds every route that changes something, and every steward route, under its handler’s name', () => {
    // A public change carries its own authority (the signed token of an e-mail's unsubscribe link), checked by its service.
    const guarded = routes.filter((route) => (route.method !== 'GET' && route.access !== 'public') || route.access === 'steward').map((route) => route.handler);
    expect(guarded.filter((handler) => !(handler in acts))).toEqual([]);
  });

  it('agrees with the route table on which routes are for stewards only', () => {
    const stewardRoutes = routes.filter((route) => route.access === 'steward').map((route) => route.handler).sort();
    const routeNames = new Set<string>(routes.map((route) => route.handler));
    const stewardActs = Object.entries(acts).filter(([act, rule]) => rule === 'steward' && routeNames.has(act)).map(([act]) => act).sort();
    expect(stewardActs).toEqual(stewardRoutes);
  });

  it('gives a caller who is not signed in none of the buttons', () => {
    expect(Object.values(contributionCan(undefined, { status: 'published' }, new Date()))).toEqual([false, false, false, false, false, false]);
  });
});

describe('the coalition rules', () => {
  const organisation = (id: string) => ({ id, name: id, kind: 'civil-society' as const, country: 'FR' });
  const member = (id: string, status: 'active' | 'requested' | 'declined') => ({ organisation: organisation(id), status });
  const records = [member('lead-org', 'active'), member('ours', 'requested'), member('theirs', 'requested'), member('declined', 'declined')];
  const view = (standing: Standing | undefined, roles: Record<string, 'admin' | 'member'> = {}): CoalitionView => ({ standing, roles: new Map(Object.entries(roles)) });

  it('shows requests to leads, and an organisation its own record only', () => {
    const visible = (of: CoalitionView) => records.filter((record) => seesMember(of, record)).map((record) => record.organisation.id);
    expect(visible(view(undefined))).toEqual(['lead-org']);
    expect(visible(view(nobody, { ours: 'member', declined: 'member' }))).toEqual(['lead-org', 'ours', 'declined']);
    expect(visible(view({ ...nobody, leads: true }))).toEqual(['lead-org', 'ours', 'theirs']);
    expect(seesRequest(view(nobody, { ours: 'member' }), records[2])).toBe(false);
    expect(seesRequest(view(nobody, { ours: 'member' }), records[1])).toBe(true);
  });

  it('lets an organisation’s admins, and no one else, ask to join for it or end its membership', () => {
    const mine = [organisation('ours'), organisation('new'), organisation('declined'), organisation('member-only')];
    const can = coalitionCan(view(nobody, { ours: 'admin', new: 'admin', declined: 'admin', 'member-only': 'member' }), records, mine);
    expect(can.join.map(({ id }) => id)).toEqual(['new', 'declined']);
    expect(can.leave).toEqual(['ours']);
    expect(can.changeMemberships).toBe(false);
    expect(coalitionCan(view({ ...nobody, steward: true }), records, [])).toMatchObject({ changeMemberships: true, appointLeads: true, join: [], leave: [] });
  });
});
