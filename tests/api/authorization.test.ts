import { beforeAll, describe, expect, it } from 'vitest';
import { routeKey, routes } from '@collective-actions/functions/routes.ts';
import { apiUrl, call, contributionBody, newAction, newContribution, newOrganisation, unique } from '../support/api.ts';

/** Who each row's callers are, made once for the whole table. */
interface World {
  slug: string;
  organisationId: string;
  admin: string;
  member: string;
  outsider: string;
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
    route: 'DELETE /v1/actions/{slug}/contributions/{id}',
    forbidden: 'member',
    allowed: 'admin',
    status: 204,
    request: async ({ slug, organisationId, admin }) => {
      const { id } = await newContribution(admin, slug, organisationId);
      return { path: `/v1/actions/${slug}/contributions/${id}` };
    },
  },
  { route: 'GET /v1/me', allowed: 'outsider', status: 200, request: async () => ({ path: '/v1/me' }) },
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
    request: async ({ organisationId }) => ({ path: `/v1/organisations/${organisationId}/verification` }),
  },
];

describe('authorisation of every route that needs a signed-in caller', () => {
  let world: World;

  beforeAll(async () => {
    const admin = unique('admin');
    const member = `${unique('member')}@example.org`;
    const organisationId = (await newOrganisation(admin)).id;
    await call('POST', `/v1/organisations/${organisationId}/people`, { as: admin, body: { email: member } });
    world = { slug: await newAction(), organisationId, admin, member, outsider: unique('outsider') };
  });

  it('has a row for each such route of the route table, and no other', () => {
    const protectedRoutes = routes.filter((route) => route.access !== 'public').map(routeKey);
    expect(rows.map((row) => row.route).sort()).toEqual(protectedRoutes.sort());
  });

  it.each(rows)('$route: anonymous → 401, wrong caller → 403, right caller → $status', async (row) => {
    const method = row.route.split(' ')[0];
    const unsigned = await row.request(world);
    const anonymous = await call(method, unsigned.path, { body: unsigned.body });
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.type).toBe('/problems/unauthorized');
    expect(anonymous.headers.get('www-authenticate')).toBe('Bearer');

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
    expect((await reply.json()).detail).toMatch(/not valid/);
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
