import { beforeAll, describe, expect, it } from 'vitest';
import { findRoute, routeKey, routes } from '@collective-actions/shared/routes';
import { apiUrl, call, contributionBody, joinCoalition, newAction, newCoalition, newContribution, newOrganisation, unique } from '../support/api.ts';

/** Who each row's callers are, made once for the whole table. */
interface World {
  slug: string;
  organisationId: string;
  admin: string;
  member: string;
  outsider: string;
  /** Signs out in its row: nobody else uses that session. */
  leaving: string;
}

interface Row {
  route: string;
  /** A signed-in caller without the right role or organisation; absent where any signed-in person may call. */
  forbidden?: keyof World;
  allowed: keyof World | 'steward';
  status: number;
  /** Path and body for one call; called afresh for each, so versions and ids are current. */
  request: (world: World) => Promise<{ path: string; body?: unknown }>;
}

const current = async (path: string) => (await call('GET', path)).body.version;

const rows: Row[] = [
  {
    route: 'POST /v1/actions',
    forbidden: 'admin',
    allowed: 'steward',
    status: 201,
    request: async () => ({
      path: '/v1/actions',
      body: { slug: unique('authz'), theme: 'climate', title: { en: 'Authz test', fr: 'Test authz' }, summary: { en: 'Made by a test.', fr: 'Créée par un test.' } },
    }),
  },
  {
    route: 'PATCH /v1/actions/{slug}',
    forbidden: 'admin',
    allowed: 'steward',
    status: 200,
    request: async ({ slug }) => ({
      path: `/v1/actions/${slug}`,
      body: { version: await current(`/v1/actions/${slug}`), workingGroup: 'Open Data' },
    }),
  },
  {
    route: 'POST /v1/actions/{slug}/contributions',
    forbidden: 'outsider',
    allowed: 'member',
    status: 201,
    request: async ({ slug, organisationId }) => ({ path: `/v1/actions/${slug}/contributions`, body: contributionBody(organisationId) }),
  },
  {
    route: 'PATCH /v1/actions/{slug}/contributions/{id}',
    forbidden: 'member',
    allowed: 'admin',
    status: 200,
    request: async ({ slug, organisationId, admin }) => {
      const { id } = await newContribution(admin, slug, organisationId);
      return { path: `/v1/actions/${slug}/contributions/${id}`, body: { version: 1, title: 'Edited by an admin' } };
    },
  },
  {
    route: 'POST /v1/actions/{slug}/contributions/{id}/restoration',
    forbidden: 'member',
    allowed: 'admin',
    status: 200,
    request: async ({ slug, organisationId, admin }) => {
      const { id } = await newContribution(admin, slug, organisationId);
      await call('DELETE', `/v1/actions/${slug}/contributions/${id}`, { as: admin });
      return { path: `/v1/actions/${slug}/contributions/${id}/restoration` };
    },
  },
  {
    route: 'GET /v1/organisations/{id}/matches',
    forbidden: 'outsider',
    allowed: 'member',
    status: 200,
    request: async ({ organisationId }) => ({ path: `/v1/organisations/${organisationId}/matches` }),
  },
  {
    route: 'POST /v1/actions/{slug}/contributions/{id}/updates',
    forbidden: 'outsider',
    allowed: 'admin',
    status: 201,
    request: async ({ slug, organisationId, member }) => {
      const { id } = await newContribution(member, slug, organisationId);
      return { path: `/v1/actions/${slug}/contributions/${id}/updates`, body: { text: 'Posted by an admin.', progress: 'delivered' } };
    },
  },
  {
    route: 'DELETE /v1/actions/{slug}/contributions/{id}',
    forbidden: 'member',
    allowed: 'admin',
    status: 204,
    request: async ({ slug, organisationId, admin }) => {
      const { id } = await newContribution(admin, slug, organisationId);
      return { path: `/v1/actions/${slug}/contributions/${id}` };
    },
  },
  { route: 'GET /v1/hidden-contributions', forbidden: 'admin', allowed: 'steward', status: 200, request: async () => ({ path: '/v1/hidden-contributions?limit=5' }) },
  { route: 'GET /v1/me', allowed: 'outsider', status: 200, request: async () => ({ path: '/v1/me' }) },
  { route: 'GET /v1/me/session', allowed: 'outsider', status: 204, request: async () => ({ path: '/v1/me/session' }) },
  { route: 'GET /v1/me/notifications', allowed: 'outsider', status: 200, request: async () => ({ path: '/v1/me/notifications' }) },
  { route: 'POST /v1/me/notifications/read', allowed: 'outsider', status: 200, request: async () => ({ path: '/v1/me/notifications/read', body: { all: true } }) },
  { route: 'PUT /v1/actions/{slug}/following', allowed: 'outsider', status: 200, request: async ({ slug }) => ({ path: `/v1/actions/${slug}/following` }) },
  { route: 'DELETE /v1/actions/{slug}/following', allowed: 'outsider', status: 200, request: async ({ slug }) => ({ path: `/v1/actions/${slug}/following` }) },
  { route: 'GET /v1/me/settings', allowed: 'outsider', status: 200, request: async () => ({ path: '/v1/me/settings' }) },
  { route: 'PATCH /v1/me/settings', allowed: 'outsider', status: 200, request: async () => ({ path: '/v1/me/settings', body: { timeZone: 'Europe/Paris' } }) },
  { route: 'DELETE /v1/me/session', allowed: 'leaving', status: 204, request: async () => ({ path: '/v1/me/session' }) },
  {
    route: 'POST /v1/organisations',
    allowed: 'outsider',
    status: 201,
    request: async () => ({
      path: '/v1/organisations',
      body: { name: unique('Authz organisation'), kind: 'civil-society', country: 'SN', website: 'https://example.org/' },
    }),
  },
  {
    route: 'PATCH /v1/organisations/{id}',
    forbidden: 'member',
    allowed: 'admin',
    status: 200,
    request: async ({ organisationId }) => ({
      path: `/v1/organisations/${organisationId}`,
      body: { version: await current(`/v1/organisations/${organisationId}`), website: 'https://example.org/about' },
    }),
  },
  {
    route: 'GET /v1/organisations/{id}/blocks',
    forbidden: 'outsider',
    allowed: 'member',
    status: 200,
    request: async ({ organisationId }) => ({ path: `/v1/organisations/${organisationId}/blocks` }),
  },
  {
    route: 'PUT /v1/organisations/{id}/blocks/{organisationId}',
    forbidden: 'member',
    allowed: 'admin',
    status: 200,
    request: async ({ organisationId }) => ({ path: `/v1/organisations/${organisationId}/blocks/${(await newOrganisation(unique('blocked'))).id}` }),
  },
  {
    route: 'DELETE /v1/organisations/{id}/blocks/{organisationId}',
    forbidden: 'member',
    allowed: 'admin',
    status: 204,
    request: async ({ organisationId, admin }) => {
      const path = `/v1/organisations/${organisationId}/blocks/${(await newOrganisation(unique('blocked'))).id}`;
      await call('PUT', path, { as: admin });
      return { path };
    },
  },
  {
    route: 'GET /v1/organisations/{id}/people',
    forbidden: 'outsider',
    allowed: 'member',
    status: 200,
    request: async ({ organisationId }) => ({ path: `/v1/organisations/${organisationId}/people` }),
  },
  {
    route: 'POST /v1/organisations/{id}/people',
    forbidden: 'member',
    allowed: 'admin',
    status: 201,
    request: async ({ organisationId }) => ({ path: `/v1/organisations/${organisationId}/people`, body: { email: `${unique('new')}@example.org` } }),
  },
  {
    route: 'POST /v1/organisations/{id}/verification',
    forbidden: 'admin',
    allowed: 'steward',
    status: 200,
    request: async ({ organisationId }) => ({
      path: `/v1/organisations/${organisationId}/verification`,
      body: { version: await current(`/v1/organisations/${organisationId}`) },
    }),
  },
  {
    route: 'POST /v1/organisations/{id}/verification/withdrawal',
    forbidden: 'admin',
    allowed: 'steward',
    status: 200,
    request: async () => {
      const { id } = await newOrganisation(unique('verified'));
      await call('POST', `/v1/organisations/${id}/verification`, { as: 'steward', body: { version: 1 } });
      return { path: `/v1/organisations/${id}/verification/withdrawal`, body: { version: 2, note: 'Withdrawn by the matrix.' } };
    },
  },
  {
    route: 'GET /v1/verifications',
    forbidden: 'admin',
    allowed: 'steward',
    status: 200,
    request: async () => ({ path: '/v1/verifications' }),
  },
];

describe('authorisation of every route that needs a signed-in caller', () => {
  let world: World;

  beforeAll(async () => {
    const admin = unique('admin');
    const member = `${unique('member')}@example.org`;
    const organisationId = (await newOrganisation(admin)).id;
    await call('POST', `/v1/organisations/${organisationId}/people`, { as: admin, body: { email: member } });
    // Signing in is where the invitation becomes a membership.
    await call('GET', '/v1/me', { as: member });
    world = { slug: await newAction(), organisationId, admin, member, outsider: unique('outsider'), leaving: unique('leaving') };
  });

  it('has a row here or in the coalition matrix for each such route of the route table, and no other', () => {
    const covered = new Set([...rows, ...coalitionRows, ...cooperationRows].map((row) => row.route));
    const protectedRoutes = routes.filter((route) => route.access !== 'public').map(routeKey);
    expect(protectedRoutes.filter((key) => !covered.has(key))).toEqual([]);
    expect(rows.map((row) => row.route).filter((key) => !protectedRoutes.includes(key as never))).toEqual([]);
  });

  it.each(rows)('$route: anonymous → 401, wrong caller → 403, right caller → $status', async (row) => {
    const method = row.route.split(' ')[0];
    const unsigned = await row.request(world);
    const anonymous = await call(method, unsigned.path, { body: unsigned.body });
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('www-authenticate')).toBe('Bearer');
    // API Gateway's JWT authorizer refuses for the routes that have it; the function itself on a route with optional sign-in.
    if (findRoute(row.route)!.access === 'optional') expect(anonymous.body.type).toBe('/problems/unauthorized');
    else expect(anonymous.body).toEqual({ message: 'Unauthorized' });

    if (row.forbidden) {
      const { path, body } = await row.request(world);
      const forbidden = await call(method, path, { as: world[row.forbidden], body });
      expect(forbidden.status).toBe(403);
      expect(forbidden.headers.get('content-type')).toBe('application/problem+json');
    }

    const { path, body } = await row.request(world);
    const allowed = await call(method, path, { as: row.allowed === 'steward' ? 'steward' : world[row.allowed], body });
    expect(allowed.status).toBe(row.status);
  });

  it('refuses a forged or expired-looking token with 401', async () => {
    const reply = await fetch(`${apiUrl}/v1/me`, {
      headers: { authorization: 'Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJtYWxsb3J5In0.c2lnbmF0dXJl' },
    });
    expect(reply.status).toBe(401);
    expect(await reply.json()).toEqual({ message: 'Unauthorized' });
    expect(reply.headers.get('www-authenticate')).toBe('Bearer error="invalid_token"');
  });

  it('refuses a forged token on a route with optional sign-in too, rather than answering as to anyone', async () => {
    const reply = await fetch(`${apiUrl}/v1/actions/open-public-procurement/members`, {
      headers: { authorization: 'Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJzdGV3YXJkIn0.c2lnbmF0dXJl' },
    });
    expect(reply.status).toBe(401);
    expect(reply.headers.get('content-type')).toBe('application/problem+json');
    expect(reply.headers.get('vary')).toBe('authorization, origin');
  });
});

describe('an admin of one organisation acting for another', () => {
  it('is refused on every id, in the path and in the body, and nothing changes', async () => {
    const adminOfA = unique('admin-a');
    const adminOfB = unique('admin-b');
    const [a, b] = [await newOrganisation(adminOfA), await newOrganisation(adminOfB, { name: 'Organisation B' })];
    const slug = await newAction();
    const ofB = await newContribution(adminOfB, slug, b.id);

    const attempts = [
      call('POST', `/v1/actions/${slug}/contributions`, { as: adminOfA, body: contributionBody(b.id) }),
      call('PATCH', `/v1/organisations/${b.id}`, { as: adminOfA, body: { version: 1, name: 'Taken over' } }),
      call('POST', `/v1/organisations/${b.id}/people`, { as: adminOfA, body: { email: `${adminOfA}@users.localhost`, role: 'admin' } }),
      call('GET', `/v1/organisations/${b.id}/people`, { as: adminOfA }),
      call('PATCH', `/v1/actions/${slug}/contributions/${ofB.id}`, { as: adminOfA, body: { version: 1, title: 'Rewritten' } }),
      call('DELETE', `/v1/actions/${slug}/contributions/${ofB.id}`, { as: adminOfA }),
    ];
    expect((await Promise.all(attempts)).map((reply) => reply.status)).toEqual([403, 403, 403, 403, 403, 403]);

    expect((await call('GET', `/v1/organisations/${b.id}`)).body).toMatchObject({ name: 'Organisation B', version: 1, contributionCount: 1 });
    expect((await call('GET', `/v1/actions/${slug}/contributions/${ofB.id}`)).body).toMatchObject({ title: ofB.title, version: 1 });
    expect((await call('GET', `/v1/organisations/${a.id}`)).body.contributionCount).toBe(0);
  });
});

/** The callers of the coalition matrix: nobody, a signed-in stranger, and admins of organisations in each place. */
const callers = ['anonymous', 'outsider', 'requester', 'member', 'lead', 'steward'] as const;
type Who = (typeof callers)[number];

interface CoalitionWorld {
  slug: string;
  logins: Record<Exclude<Who, 'anonymous'>, string>;
  /** An agenda item, and a contribution of the member organisation hidden by the lead. */
  agendaId: string;
  hiddenContributionId: string;
  memberOrganisationId: string;
}

interface CoalitionRow {
  route: string;
  /** Expected status for each caller, in the order of `callers`. */
  expect: [number, number, number, number, number, number];
  request: (world: CoalitionWorld, who: Who) => Promise<{ path: string; body?: unknown }>;
}

const all200: CoalitionRow['expect'] = [200, 200, 200, 200, 200, 200];
const leadsOnly = (status: number): CoalitionRow['expect'] => [401, 403, 403, 403, status, status];
const agendaBody = { kind: 'meeting', title: 'Matrix meeting', start: '2027-05-04T10:00', timeZone: 'Europe/Paris', language: 'en' };
/** An admin for an organisation the caller has nothing to do with. */
const someoneElse = () => unique('someone');

async function freshAgendaItem({ slug, logins }: CoalitionWorld): Promise<string> {
  return (await call('POST', `/v1/actions/${slug}/agenda`, { as: logins.lead, body: agendaBody })).body.id;
}

async function freshMemberContribution({ slug, logins, memberOrganisationId }: CoalitionWorld): Promise<string> {
  return (await newContribution(logins.member, slug, memberOrganisationId)).id;
}

const coalitionRows: CoalitionRow[] = [
  { route: 'GET /v1/actions/{slug}', expect: all200, request: async ({ slug }) => ({ path: `/v1/actions/${slug}` }) },
  { route: 'GET /v1/organisations/{id}', expect: all200, request: async ({ memberOrganisationId }) => ({ path: `/v1/organisations/${memberOrganisationId}` }) },
  {
    // Its hidden and withdrawn contributions are for its own people only; its public ones for anyone.
    route: 'GET /v1/organisations/{id}/contributions',
    expect: [401, 403, 403, 200, 403, 403],
    request: async ({ memberOrganisationId }) => ({ path: `/v1/organisations/${memberOrganisationId}/contributions?visibility=all` }),
  },
  { route: 'GET /v1/actions/{slug}/members', expect: all200, request: async ({ slug }) => ({ path: `/v1/actions/${slug}/members` }) },
  {
    route: 'POST /v1/actions/{slug}/members',
    expect: [401, 403, 201, 201, 201, 403],
    request: async ({ slug, logins }, who) => {
      const admin = who === 'requester' || who === 'member' || who === 'lead' ? logins[who] : someoneElse();
      return { path: `/v1/actions/${slug}/members`, body: { organisationId: (await newOrganisation(admin)).id } };
    },
  },
  {
    route: 'PATCH /v1/actions/{slug}/members/{organisationId}',
    expect: leadsOnly(200),
    request: async ({ slug }) => ({ path: `/v1/actions/${slug}/members/${(await joinCoalition(slug, someoneElse())).id}`, body: { change: 'approve' } }),
  },
  {
    route: 'DELETE /v1/actions/{slug}/members/{organisationId}',
    expect: [401, 403, 204, 204, 403, 403],
    request: async ({ slug, logins }, who) => {
      const admin = who === 'requester' || who === 'member' ? logins[who] : someoneElse();
      const organisation = await joinCoalition(slug, admin, who === 'requester' ? undefined : logins.lead);
      return { path: `/v1/actions/${slug}/members/${organisation.id}` };
    },
  },
  {
    route: 'POST /v1/actions/{slug}/leads',
    expect: [401, 403, 403, 403, 403, 201],
    request: async ({ slug }) => ({ path: `/v1/actions/${slug}/leads`, body: { organisationId: (await newOrganisation(someoneElse())).id } }),
  },
  { route: 'GET /v1/actions/{slug}/history', expect: all200, request: async ({ slug }) => ({ path: `/v1/actions/${slug}/history` }) },
  { route: 'GET /v1/actions/{slug}/agenda', expect: all200, request: async ({ slug }) => ({ path: `/v1/actions/${slug}/agenda` }) },
  { route: 'POST /v1/actions/{slug}/agenda', expect: leadsOnly(201), request: async ({ slug }) => ({ path: `/v1/actions/${slug}/agenda`, body: agendaBody }) },
  { route: 'GET /v1/actions/{slug}/agenda.ics', expect: all200, request: async ({ slug }) => ({ path: `/v1/actions/${slug}/agenda.ics` }) },
  { route: 'GET /v1/actions/{slug}/agenda/{id}', expect: all200, request: async ({ slug, agendaId }) => ({ path: `/v1/actions/${slug}/agenda/${agendaId}` }) },
  {
    route: 'PATCH /v1/actions/{slug}/agenda/{id}',
    expect: leadsOnly(200),
    request: async (world) => ({ path: `/v1/actions/${world.slug}/agenda/${await freshAgendaItem(world)}`, body: { version: 1, status: 'done' } }),
  },
  {
    route: 'DELETE /v1/actions/{slug}/agenda/{id}',
    expect: leadsOnly(204),
    request: async (world) => ({ path: `/v1/actions/${world.slug}/agenda/${await freshAgendaItem(world)}` }),
  },
  { route: 'GET /v1/agenda', expect: all200, request: async () => ({ path: '/v1/agenda' }) },
  { route: 'GET /v1/agenda.ics', expect: all200, request: async () => ({ path: '/v1/agenda.ics' }) },
  {
    route: 'PUT /v1/actions/{slug}/contributions/{id}/hidden',
    expect: leadsOnly(200),
    request: async (world) => ({
      path: `/v1/actions/${world.slug}/contributions/${await freshMemberContribution(world)}/hidden`,
      body: { reason: 'Checked by the matrix.' },
    }),
  },
  {
    route: 'DELETE /v1/actions/{slug}/contributions/{id}/hidden',
    expect: leadsOnly(200),
    request: async (world) => {
      const path = `/v1/actions/${world.slug}/contributions/${await freshMemberContribution(world)}/hidden`;
      await call('PUT', path, { as: 'steward', body: { reason: 'Hidden to be shown again.' } });
      return { path };
    },
  },
  {
    // Hidden: nobody but its organisation, the leads and stewards knows it is there.
    route: 'GET /v1/actions/{slug}/contributions/{id}',
    expect: [404, 404, 404, 200, 200, 200],
    request: async ({ slug, hiddenContributionId }) => ({ path: `/v1/actions/${slug}/contributions/${hiddenContributionId}` }),
  },
  {
    // Public: what could answer a public contribution, the same for everyone.
    route: 'GET /v1/actions/{slug}/contributions/{id}/matches',
    expect: all200,
    request: async (world) => ({ path: `/v1/actions/${world.slug}/contributions/${await freshMemberContribution(world)}/matches` }),
  },
  {
    route: 'GET /v1/actions/{slug}/contributions',
    expect: [401, 403, 403, 403, 200, 200],
    request: async ({ slug }) => ({ path: `/v1/actions/${slug}/contributions?visibility=hidden` }),
  },
];

describe('authorisation of the coalition routes, for every kind of caller', () => {
  let world: CoalitionWorld;

  beforeAll(async () => {
    const { slug, lead } = await newCoalition();
    const logins = { outsider: unique('outsider'), requester: unique('requester'), member: unique('member'), lead, steward: 'steward' };
    await joinCoalition(slug, logins.requester);
    const memberOrganisationId = (await joinCoalition(slug, logins.member, lead)).id;
    const partial = { slug, logins, memberOrganisationId, agendaId: '', hiddenContributionId: '' };
    const agendaId = await freshAgendaItem(partial);
    const hiddenContributionId = await freshMemberContribution(partial);
    await call('PUT', `/v1/actions/${slug}/contributions/${hiddenContributionId}/hidden`, { as: lead, body: { reason: 'Hidden for the matrix.' } });
    world = { ...partial, agendaId, hiddenContributionId };
  });

  it('has a row for every coalition, agenda, moderation and matching route, and for every other route with optional sign-in', () => {
    const coalitionPaths = /^\/v1\/actions\/.*\/(members|leads|history|agenda|hidden|matches)\b|\/agenda/;
    const expected = routes
      .filter((route) => coalitionPaths.test(route.path) || (route.access === 'optional' && !route.path.includes('/cooperations')))
      .map(routeKey);
    expect(coalitionRows.map((row) => row.route).sort()).toEqual(expected.sort());
  });

  it('says in `can` what each caller may do, before any of them acts (the rows below change the coalition)', async () => {
    const seen = await Promise.all(
      callers.map(async (who) => {
        const as = who === 'anonymous' ? undefined : world.logins[who];
        const [action, members, organisation, hidden] = await Promise.all([
          call('GET', `/v1/actions/${world.slug}`, { as }),
          call('GET', `/v1/actions/${world.slug}/members`, { as }),
          call('GET', `/v1/organisations/${world.memberOrganisationId}`, { as }),
          call('GET', `/v1/actions/${world.slug}/contributions/${world.hiddenContributionId}`, { as }),
        ]);
        // The steward's account is every test's: what it may join depends on the organisations other tests gave it.
        const { join, leave, ...rest } = members.body.can;
        const coalition = { ...rest, leave: leave.length, ...(who === 'steward' ? {} : { join }) };
        return { action: action.body.can, members: coalition, organisation: organisation.body.can, hidden: hidden.body.can ?? null };
      }),
    );
    const runs = (who: Who) => who === 'lead' || who === 'steward';
    expect(seen).toEqual(
      callers.map((who) => ({
        action: { edit: who === 'steward', runCoalition: runs(who), appointLeads: who === 'steward', follow: who !== 'anonymous' },
        members: {
          changeMemberships: runs(who),
          appointLeads: who === 'steward',
          leave: ['requester', 'member', 'lead'].includes(who) ? 1 : 0,
          ...(who === 'steward' ? {} : { join: [] }),
        },
        organisation: { edit: who === 'member', listPeople: who === 'member', addPeople: who === 'member', verify: who === 'steward' },
        // Hidden: only its organisation, the leads and stewards get it at all.
        hidden: ['anonymous', 'outsider', 'requester'].includes(who) ? null : { edit: who === 'member', withdraw: who === 'member', restore: false, postUpdate: false, hide: runs(who), unhide: runs(who) },
      })),
    );
  });

  it.each(coalitionRows)('$route → $expect', async (row) => {
    const method = row.route.split(' ')[0];
    const statuses = await Promise.all(
      callers.map(async (who) => {
        const { path, body } = await row.request(world, who);
        return (await call(method, path, { as: who === 'anonymous' ? undefined : world.logins[who], body })).status;
      }),
    );
    expect(statuses).toEqual(row.expect);
  });
});

/** The callers of the cooperation matrix: nobody, a stranger, a steward, and a member and an admin of each side. */
const parties = ['anonymous', 'outsider', 'steward', 'proposer member', 'proposer admin', 'partner member', 'partner admin'] as const;
type Party = (typeof parties)[number];

interface CooperationWorld {
  slug: string;
  logins: Record<Exclude<Party, 'anonymous'>, string>;
  proposerId: string;
  partnerId: string;
  /**
   * A proposed cooperation and an agreed one, which the rows that leave them as they are share: the proposer may send
   * only ten proposals at once.
   */
  proposed: string;
  agreed: string;
}

interface CooperationRow {
  route: string;
  /** Expected status for each caller, in the order of `parties`. */
  expect: [number, number, number, number, number, number, number];
  /** The records a row works on, made once for all its callers. */
  prepare: (world: CooperationWorld) => Promise<(who: Party) => { path: string; body?: unknown }>;
}

/** A cooperation proposed by the proposer's member on a new offer of the partner's; agreed when told. */
async function freshCooperation({ slug, logins, proposerId, partnerId }: Omit<CooperationWorld, 'proposed' | 'agreed'>, agreed = false): Promise<string> {
  const offer = await newContribution(logins['partner admin'], slug, partnerId);
  const proposed = await call('POST', `/v1/actions/${slug}/contributions/${offer.id}/cooperations`, {
    as: logins['proposer member'],
    body: { organisationId: proposerId, message: 'Shall we?' },
  });
  const path = `/v1/actions/${slug}/cooperations/${proposed.body.id}`;
  if (agreed) {
    await call('PUT', `${path}/acceptances/${proposerId}`, { as: logins['proposer admin'] });
    await call('PUT', `${path}/acceptances/${partnerId}`, { as: logins['partner admin'] });
  }
  return path;
}

/** A message written in a thread: its id. */
async function writeAs(login: string, cooperationPath: string): Promise<string> {
  return (await call('POST', `${cooperationPath}/messages`, { as: login, body: { text: 'Written to be reported.' } })).body.id;
}

const cooperationRows: CooperationRow[] = [
  // Public: what both organisations agreed to, the same for everyone.
  { route: 'GET /v1/actions/{slug}/cooperations', expect: [200, 200, 200, 200, 200, 200, 200], prepare: async ({ slug }) => () => ({ path: `/v1/actions/${slug}/cooperations` }) },
  { route: 'GET /v1/cooperations', expect: [200, 200, 200, 200, 200, 200, 200], prepare: async () => () => ({ path: '/v1/cooperations?limit=5' }) },
  {
    route: 'POST /v1/actions/{slug}/contributions/{id}/cooperations',
    // A proposal is for an organisation of the caller's: here, the proposer's.
    expect: [401, 403, 403, 201, 201, 403, 403],
    prepare: async (world) => {
      const offers = await Promise.all(parties.map(() => newContribution(world.logins['partner admin'], world.slug, world.partnerId)));
      return (who) => ({
        path: `/v1/actions/${world.slug}/contributions/${offers[parties.indexOf(who)].id}/cooperations`,
        body: { organisationId: world.proposerId, message: 'Shall we?' },
      });
    },
  },
  {
    // Proposed: nobody but the two organisations' people knows of it.
    route: 'GET /v1/actions/{slug}/cooperations/{id}',
    expect: [404, 404, 404, 200, 200, 200, 200],
    prepare: async ({ proposed }) => () => ({ path: proposed }),
  },
  {
    // Only the partner's side is accepted here: the cooperation stays proposed, and private, whatever the order.
    route: 'PUT /v1/actions/{slug}/cooperations/{id}/acceptances/{organisationId}',
    expect: [401, 404, 404, 403, 403, 403, 200],
    prepare: async (world) => {
      const path = `${await freshCooperation(world)}/acceptances/${world.partnerId}`;
      return () => ({ path });
    },
  },
  {
    // Declining is for either side's admins (twice is as once).
    route: 'PUT /v1/actions/{slug}/cooperations/{id}/status',
    expect: [401, 404, 404, 403, 200, 403, 200],
    prepare: async (world) => {
      const path = `${await freshCooperation(world)}/status`;
      return () => ({ path, body: { status: 'declined' } });
    },
  },
  {
    // Public once agreed: a stranger may read its updates, not post one.
    route: 'GET /v1/actions/{slug}/cooperations/{id}/updates',
    expect: [200, 200, 200, 200, 200, 200, 200],
    prepare: async ({ agreed }) => () => ({ path: `${agreed}/updates` }),
  },
  {
    route: 'POST /v1/actions/{slug}/cooperations/{id}/updates',
    expect: [401, 403, 403, 201, 201, 201, 201],
    prepare: async ({ agreed }) => () => ({ path: `${agreed}/updates`, body: { text: 'Posted by the matrix.' } }),
  },
  {
    route: 'GET /v1/actions/{slug}/cooperations/{id}/messages',
    expect: [401, 404, 404, 200, 200, 200, 200],
    prepare: async ({ proposed }) => () => ({ path: `${proposed}/messages` }),
  },
  {
    route: 'POST /v1/actions/{slug}/cooperations/{id}/messages',
    expect: [401, 404, 404, 201, 201, 201, 201],
    prepare: async ({ proposed }) => () => ({ path: `${proposed}/messages`, body: { text: 'Written by the matrix.' } }),
  },
  {
    // The first message is the proposer member's: theirs alone to change.
    route: 'PATCH /v1/actions/{slug}/cooperations/{id}/messages/{messageId}',
    expect: [401, 404, 404, 200, 403, 403, 403],
    prepare: async ({ proposed, logins }) => {
      const thread = `${proposed}/messages`;
      const { items } = (await call('GET', thread, { as: logins['proposer member'] })).body;
      const first = items.at(-1);
      return () => ({ path: `${thread}/${first.id}`, body: { text: 'Changed by the matrix.' } });
    },
  },
  {
    // Each caller reports a message of the partner member's of its own: the proposer's people may, the partner's own may not.
    route: 'POST /v1/actions/{slug}/cooperations/{id}/messages/{messageId}/report',
    expect: [401, 404, 404, 200, 200, 403, 403],
    prepare: async ({ proposed, logins }) => {
      const written = await Promise.all(parties.map(() => writeAs(logins['partner member'], proposed)));
      return (who) => ({ path: `${proposed}/messages/${written[parties.indexOf(who)]}/report`, body: { reason: 'spam' } });
    },
  },
  {
    route: 'GET /v1/reports',
    expect: [401, 403, 200, 403, 403, 403, 403],
    prepare: async () => () => ({ path: '/v1/reports?limit=5' }),
  },
  {
    route: 'PUT /v1/reports/{id}/decision',
    expect: [401, 403, 200, 403, 403, 403, 403],
    prepare: async ({ proposed, logins }) => {
      const id = await writeAs(logins['partner member'], proposed);
      await call('POST', `${proposed}/messages/${id}/report`, { as: logins['proposer member'], body: { reason: 'other' } });
      return () => ({ path: `/v1/reports/${id}/decision`, body: { decision: 'dismiss' } });
    },
  },
  {
    route: 'GET /v1/organisations/{id}/cooperations',
    expect: [401, 403, 403, 200, 200, 403, 403],
    prepare: async ({ proposerId }) => () => ({ path: `/v1/organisations/${proposerId}/cooperations` }),
  },
];

describe('authorisation of the cooperation routes, for every kind of caller', () => {
  let world: CooperationWorld;

  beforeAll(async () => {
    const side = async (name: string) => {
      const admin = unique(`${name}-admin`);
      const member = `${unique(`${name}-member`)}@example.org`;
      const { id } = await newOrganisation(admin);
      await call('POST', `/v1/organisations/${id}/people`, { as: admin, body: { email: member } });
      await call('GET', '/v1/me', { as: member });
      return { id, admin, member };
    };
    const [proposer, partner] = await Promise.all([side('proposer'), side('partner')]);
    const outsider = unique('outsider');
    await newOrganisation(outsider);
    const made = {
      slug: await newAction('digital-commons'),
      proposerId: proposer.id,
      partnerId: partner.id,
      logins: {
        outsider,
        steward: 'steward',
        'proposer member': proposer.member,
        'proposer admin': proposer.admin,
        'partner member': partner.member,
        'partner admin': partner.admin,
      },
    };
    world = { ...made, proposed: await freshCooperation(made), agreed: await freshCooperation(made, true) };
  });

  it('has a row for every cooperation route, and for the reports of their messages', () => {
    const expected = routes.filter((route) => route.path.includes('/cooperations') || route.path.startsWith('/v1/reports')).map(routeKey);
    expect(cooperationRows.map((row) => row.route).sort()).toEqual(expected.sort());
  });

  it('lets each side’s people change an agreed cooperation’s status, and tells the others it is not theirs', async () => {
    const path = `${world.agreed}/status`;
    const statuses = await Promise.all(
      parties.map(async (who) => (await call('PUT', path, { as: who === 'anonymous' ? undefined : world.logins[who], body: { status: 'in-progress' } })).status),
    );
    // Agreed, it is public: a stranger is refused rather than told there is nothing.
    expect(statuses).toEqual([401, 403, 403, 200, 200, 200, 200]);
  });

  it.each(cooperationRows)('$route → $expect', async (row) => {
    const method = row.route.split(' ')[0];
    const requestOf = await row.prepare(world);
    const statuses = await Promise.all(
      parties.map(async (who) => {
        const { path, body } = requestOf(who);
        return (await call(method, path, { as: who === 'anonymous' ? undefined : world.logins[who], body })).status;
      }),
    );
    expect(statuses).toEqual(row.expect);
  });
});
