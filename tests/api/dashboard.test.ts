// What a person's dashboard reads: all of their organisation's contributions (hidden ones with why and by whom,
// withdrawn ones with when), its requests to join, the requests waiting in the coalitions it leads, and, for
// stewards, what was hidden lately across every action.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Contribution } from '@collective-actions/shared';
import { call, joinCoalition, newCoalition, newContribution, unique } from '../support/api.ts';

interface World {
  slug: string;
  lead: string;
  leadOrganisationId: string;
  admin: string;
  organisationId: string;
  /** The organisation's contributions, oldest first: public, hidden by the lead, hidden by a steward, withdrawn. */
  ids: string[];
  /** The action the organisation asked to join, and was not answered yet. */
  asked: string;
}

let world: World;

beforeAll(async () => {
  const { slug, lead, leadOrganisation } = await newCoalition();
  const admin = unique('dashboard');
  const organisation = await joinCoalition(slug, admin, lead);
  const ids: string[] = [];
  for (const title of ['Public offer', 'Hidden by the lead', 'Hidden by a steward', 'Withdrawn offer']) {
    ids.push((await newContribution(admin, slug, organisation.id, { title })).id);
  }
  const path = (id: string) => `/v1/actions/${slug}/contributions/${id}`;
  expect((await call('PUT', `${path(ids[1])}/hidden`, { as: lead, body: { reason: 'Off topic for this coalition.' } })).status).toBe(200);
  expect((await call('PUT', `${path(ids[2])}/hidden`, { as: 'steward', body: { reason: 'Advertises a product.' } })).status).toBe(200);
  expect((await call('DELETE', path(ids[3]), { as: admin })).status).toBe(204);
  // Another coalition, which the organisation asks to join, and whose lead has not answered.
  const other = await newCoalition();
  expect((await call('POST', `/v1/actions/${other.slug}/members`, { as: admin, body: { organisationId: organisation.id, message: 'We publish our contracts.' } })).status).toBe(201);
  // Two organisations wait to join the first coalition.
  await joinCoalition(slug, unique('waiting'));
  await joinCoalition(slug, unique('waiting'));
  world = { slug, lead, leadOrganisationId: leadOrganisation.id, admin, organisationId: organisation.id, ids, asked: other.slug };
});

describe("an organisation's contributions, for its own people", () => {
  it('lists all of them, newest first: hidden ones with why and whether a lead or a steward hid them, withdrawn ones with when', async () => {
    const reply = await call<{ items: Contribution[] }>('GET', `/v1/organisations/${world.organisationId}/contributions?visibility=all`, { as: world.admin });
    expect(reply.status).toBe(200);
    expect(reply.headers.get('cache-control')).toBe('private, no-store');
    const [withdrawn, bySteward, byLead, shown] = reply.body.items;
    expect(reply.body.items.map((item) => item.id)).toEqual([...world.ids].reverse());
    expect(shown).not.toHaveProperty('hidden');
    expect(shown).not.toHaveProperty('withdrawnAt');
    expect(byLead.hidden).toEqual({ reason: 'Off topic for this coalition.', at: expect.any(String), by: 'lead' });
    expect(bySteward.hidden).toEqual({ reason: 'Advertises a product.', at: expect.any(String), by: 'steward' });
    expect(withdrawn).toMatchObject({ status: 'withdrawn', withdrawnAt: withdrawn.updatedAt });
  });

  it('shows anyone else, and the organisation when it does not ask, its public ones only', async () => {
    for (const as of [undefined, world.lead, world.admin]) {
      const reply = await call<{ items: Contribution[] }>('GET', `/v1/organisations/${world.organisationId}/contributions`, { as });
      expect(reply.body.items.map((item) => item.id)).toEqual([world.ids[0]]);
    }
  });

  it('pages through all of them with the cursor it gives', async () => {
    const seen: string[] = [];
    let next: string | null = '';
    while (next !== null) {
      const reply: { body: { items: Contribution[]; next: string | null } } = await call('GET', `/v1/organisations/${world.organisationId}/contributions?visibility=all&limit=3${next ? `&cursor=${encodeURIComponent(next)}` : ''}`, { as: world.admin });
      seen.push(...reply.body.items.map((item) => item.id));
      next = reply.body.next;
    }
    expect(seen).toEqual([...world.ids].reverse());
  });

  it('refuses a visibility it does not know, and a caller who is not one of its people', async () => {
    const unknown = await call('GET', `/v1/organisations/${world.organisationId}/contributions?visibility=hidden`, { as: world.admin });
    expect(unknown.status).toBe(400);
    expect(JSON.stringify(unknown.body)).toContain('must be public or all');
    const stranger = await call('GET', `/v1/organisations/${world.organisationId}/contributions?visibility=all`, { as: world.lead });
    expect(stranger.status).toBe(403);
    const missing = await call('GET', '/v1/organisations/01ARZ3NDEKTSV4RRFFQ69G5FAV/contributions?visibility=all', { as: world.admin });
    expect(missing.status).toBe(404);
  });
});

describe("an organisation's coalitions, for its own people", () => {
  it('tells its people its requests to join that wait, and nobody else', async () => {
    const own = await call('GET', `/v1/organisations/${world.organisationId}`, { as: world.admin });
    expect(own.body.requests).toEqual([{ action: world.asked, message: 'We publish our contracts.', at: expect.any(String) }]);
    expect(own.body.coalitions).toEqual([{ action: world.slug, role: 'member', joinedAt: expect.any(String) }]);
    for (const as of [undefined, world.lead, 'steward']) {
      const other = await call('GET', `/v1/organisations/${world.organisationId}`, { as });
      expect(other.body).not.toHaveProperty('requests');
    }
  });

  it('tells a lead organisation’s people how many requests wait in the coalition it leads, and nobody else', async () => {
    const own = await call('GET', `/v1/organisations/${world.leadOrganisationId}`, { as: world.lead });
    expect(own.body.coalitions).toEqual([{ action: world.slug, role: 'lead', joinedAt: expect.any(String), waiting: 2 }]);
    expect(own.body.requests).toEqual([]);
    const anyone = await call('GET', `/v1/organisations/${world.leadOrganisationId}`);
    expect(anyone.body.coalitions).toEqual([{ action: world.slug, role: 'lead', joinedAt: expect.any(String) }]);
  });
});

describe('the contributions hidden lately, for stewards', () => {
  it('lists those hidden across every action, the latest hidden first, with why and by whom', async () => {
    const reply = await call<{ items: Contribution[] }>('GET', '/v1/hidden-contributions?limit=100', { as: 'steward' });
    expect(reply.status).toBe(200);
    const ours = reply.body.items.filter((item) => item.organisation.id === world.organisationId);
    expect(ours.map((item) => [item.id, item.hidden?.by])).toEqual([
      [world.ids[2], 'steward'],
      [world.ids[1], 'lead'],
    ]);
    const times = reply.body.items.map((item) => item.hidden!.at);
    expect(times).toEqual([...times].sort().reverse());
  });

  it('gives the newest `limit` of them, and refuses a limit out of bounds', async () => {
    expect((await call('GET', '/v1/hidden-contributions?limit=1', { as: 'steward' })).body.items).toHaveLength(1);
    expect((await call('GET', '/v1/hidden-contributions?limit=0', { as: 'steward' })).status).toBe(400);
    expect((await call('GET', '/v1/hidden-contributions?limit=101', { as: 'steward' })).status).toBe(400);
  });
});
