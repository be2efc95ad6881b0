import { describe, expect, it } from 'vitest';
import * as counts from '@collective-actions/functions/data/counts.ts';
import type { Action, CoalitionMember, MembershipEvent, OrganisationDetail } from '@collective-actions/shared';
import { call, joinCoalition, newAction, newCoalition, newOrganisation, unique } from '../support/api.ts';

const membersOf = async (slug: string, as?: string) => (await call<{ items: CoalitionMember[] }>('GET', `/v1/actions/${slug}/members`, { as })).body.items;
const historyOf = async (slug: string) =>
  (await call<{ items: MembershipEvent[] }>('GET', `/v1/actions/${slug}/history`)).body.items.map((entry) => `${entry.event} ${entry.organisation.name}`);
const countsOf = async (slug: string) => (await call<Action>('GET', `/v1/actions/${slug}`)).body.counts;

describe('a coalition', () => {
  it('gets its first lead from a steward, then takes members through requests a lead answers', async () => {
    const slug = await newAction();
    const lead = unique('lead');
    const leadOrganisation = await newOrganisation(lead, { name: 'Alpha Lead Network', kind: 'civil-society', country: 'SN' });
    const appointed = await call('POST', `/v1/actions/${slug}/leads`, { as: 'steward', body: { organisationId: leadOrganisation.id } });
    expect(appointed.status).toBe(201);
    expect(appointed.headers.get('location')).toBe(`/v1/actions/${slug}/members/${leadOrganisation.id}`);
    expect(appointed.body).toMatchObject({ role: 'lead', status: 'active', organisation: { id: leadOrganisation.id, name: 'Alpha Lead Network' } });

    const admin = unique('asker');
    const asker = await newOrganisation(admin, { name: 'Beta Ministry', kind: 'national-government', country: 'KE' });
    const asked = await call('POST', `/v1/actions/${slug}/members`, {
      as: admin,
      body: { organisationId: asker.id, message: 'We would like to publish our contracts.' },
    });
    expect(asked.status).toBe(201);
    expect(asked.body).toMatchObject({ status: 'requested', role: 'member', joinedAt: null, request: { message: 'We would like to publish our contracts.' } });

    // The public sees active members only, without requests; the lead and the asker see the request and its message.
    expect(await membersOf(slug)).toEqual([
      { organisation: { id: leadOrganisation.id, name: 'Alpha Lead Network', kind: 'civil-society', country: 'SN' }, role: 'lead', status: 'active', joinedAt: expect.any(String) },
    ]);
    expect((await membersOf(slug, unique('outsider'))).map((member) => member.status)).toEqual(['active']);
    for (const who of [lead, admin, 'steward']) {
      const seen = await membersOf(slug, who);
      expect(seen.map((member) => `${member.organisation.name} ${member.status}`)).toEqual(['Alpha Lead Network active', 'Beta Ministry requested']);
      expect(seen[1].request?.message).toBe('We would like to publish our contracts.');
    }
    expect(await countsOf(slug)).toMatchObject({ members: { 'civil-society': 1, 'national-government': 0 }, leads: 1 });

    const approved = await call('PATCH', `/v1/actions/${slug}/members/${asker.id}`, { as: lead, body: { change: 'approve' } });
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ status: 'active', role: 'member', joinedAt: expect.any(String) });
    expect((await membersOf(slug)).map((member) => member.organisation.name)).toEqual(['Alpha Lead Network', 'Beta Ministry']);
    expect(await countsOf(slug)).toEqual(await counts.recountAction(slug));
    expect((await countsOf(slug)).members).toMatchObject({ 'civil-society': 1, 'national-government': 1 });

    const detail = (await call<OrganisationDetail>('GET', `/v1/organisations/${asker.id}`)).body;
    expect(detail.coalitions).toEqual([{ action: slug, role: 'member', joinedAt: approved.body.joinedAt }]);

    // Asking twice, or approving twice, is a conflict that changes nothing.
    expect((await call('POST', `/v1/actions/${slug}/members`, { as: admin, body: { organisationId: asker.id } })).status).toBe(409);
    expect((await call('PATCH', `/v1/actions/${slug}/members/${asker.id}`, { as: lead, body: { change: 'approve' } })).status).toBe(409);

    expect((await call('PATCH', `/v1/actions/${slug}/members/${asker.id}`, { as: lead, body: { change: 'make-lead' } })).body).toMatchObject({ role: 'lead' });
    expect((await countsOf(slug)).leads).toBe(2);
    expect(await call('DELETE', `/v1/actions/${slug}/members/${leadOrganisation.id}`, { as: lead })).toMatchObject({ status: 204 });
    expect((await membersOf(slug)).map((member) => `${member.organisation.name} ${member.role}`)).toEqual(['Beta Ministry lead']);
    expect(await countsOf(slug)).toEqual(await counts.recountAction(slug));
    expect((await call<OrganisationDetail>('GET', `/v1/organisations/${leadOrganisation.id}`)).body.coalitions).toEqual([]);

    // The public record, newest first.
    expect(await historyOf(slug)).toEqual([
      'left Alpha Lead Network',
      'became-lead Beta Ministry',
      'joined Beta Ministry',
      'became-lead Alpha Lead Network',
      'joined Alpha Lead Network',
    ]);
  });

  it('keeps declined requests and their messages out of public view; the organisation may ask again', async () => {
    const { slug, lead } = await newCoalition();
    const admin = unique('declined');
    const organisation = await joinCoalition(slug, admin);
    expect((await call('PATCH', `/v1/actions/${slug}/members/${organisation.id}`, { as: lead, body: { change: 'decline' } })).body).toMatchObject({
      status: 'declined',
    });
    expect((await membersOf(slug)).map((member) => member.organisation.id)).not.toContain(organisation.id);
    expect((await membersOf(slug, lead)).map((member) => member.organisation.id)).not.toContain(organisation.id);
    expect((await membersOf(slug, admin)).find((member) => member.organisation.id === organisation.id)).toMatchObject({ status: 'declined' });
    expect(JSON.stringify(await call('GET', `/v1/actions/${slug}/history`))).not.toContain(organisation.id);

    expect((await call('POST', `/v1/actions/${slug}/members`, { as: admin, body: { organisationId: organisation.id } })).status).toBe(201);
    // Withdrawing a request leaves no public trace either.
    expect((await call('DELETE', `/v1/actions/${slug}/members/${organisation.id}`, { as: admin })).status).toBe(204);
    expect(await membersOf(slug, admin)).toHaveLength(1);
    expect(await historyOf(slug)).toHaveLength(2);
  });

  it('never loses its last lead: it can neither leave, be removed nor step down', async () => {
    const { slug, lead, leadOrganisation } = await newCoalition();
    const attempts = [
      await call('DELETE', `/v1/actions/${slug}/members/${leadOrganisation.id}`, { as: lead }),
      await call('PATCH', `/v1/actions/${slug}/members/${leadOrganisation.id}`, { as: lead, body: { change: 'remove' } }),
      await call('PATCH', `/v1/actions/${slug}/members/${leadOrganisation.id}`, { as: 'steward', body: { change: 'make-member' } }),
    ];
    for (const reply of attempts) {
      expect(reply.status).toBe(409);
      expect(reply.body.detail).toMatch(/last lead/);
    }
    expect(await membersOf(slug)).toMatchObject([{ organisation: { id: leadOrganisation.id }, role: 'lead' }]);
    expect((await countsOf(slug)).leads).toBe(1);
  });

  it('removes a member with a public record, and lets the organisation ask again', async () => {
    const { slug, lead } = await newCoalition();
    const member = await joinCoalition(slug, unique('removed'), lead, { name: 'Gamma Council', kind: 'local-government' });
    expect((await call('PATCH', `/v1/actions/${slug}/members/${member.id}`, { as: lead, body: { change: 'remove' } })).status).toBe(204);
    expect((await historyOf(slug))[0]).toBe('removed Gamma Council');
    expect((await countsOf(slug)).members['local-government']).toBe(0);
    expect(await countsOf(slug)).toEqual(await counts.recountAction(slug));
  });

  it('pages its history', async () => {
    const { slug, lead } = await newCoalition();
    for (const name of ['One', 'Two']) await joinCoalition(slug, unique('paged'), lead, { name });
    const first = await call('GET', `/v1/actions/${slug}/history?limit=3`);
    expect(first.body.items.map((entry: MembershipEvent) => entry.event)).toEqual(['joined', 'joined', 'became-lead']);
    const rest = await call('GET', `/v1/actions/${slug}/history?limit=3&cursor=${first.body.next}`);
    expect(rest.body).toMatchObject({ items: [{ event: 'joined' }], next: null });
  });

  it('keeps the organisation kind that it counts under: kind cannot change while in a coalition', async () => {
    const { slug, lead } = await newCoalition();
    const admin = unique('kind');
    const member = await joinCoalition(slug, admin, lead);
    const reply = await call('PATCH', `/v1/organisations/${member.id}`, { as: admin, body: { version: 1, kind: 'national-government' } });
    expect(reply.status).toBe(409);
    // A rename is fine, and the coalition shows the new name.
    expect((await call('PATCH', `/v1/organisations/${member.id}`, { as: admin, body: { version: 1, name: 'Renamed Member' } })).status).toBe(200);
    expect((await membersOf(slug)).map((entry) => entry.organisation.name)).toContain('Renamed Member');
  });
});

describe('coalition rules under concurrency', () => {
  it('two leads removing each other at once leave exactly one lead', async () => {
    for (let round = 0; round < 3; round += 1) {
      const { slug, lead, leadOrganisation } = await newCoalition();
      const other = unique('co-lead');
      const coLead = await joinCoalition(slug, other, lead);
      await call('PATCH', `/v1/actions/${slug}/members/${coLead.id}`, { as: lead, body: { change: 'make-lead' } });
      const replies = await Promise.all([
        call('PATCH', `/v1/actions/${slug}/members/${coLead.id}`, { as: lead, body: { change: 'remove' } }),
        call('PATCH', `/v1/actions/${slug}/members/${leadOrganisation.id}`, { as: other, body: { change: 'remove' } }),
      ]);
      // The loser is refused either as the last lead (409) or, when the other removal landed before its own
      // authorisation check, as no longer a lead at all (403).
      const [won, lost] = replies.map((reply) => reply.status).sort();
      expect(won).toBe(204);
      expect([403, 409]).toContain(lost);
      const members = await membersOf(slug);
      expect(members).toHaveLength(1);
      expect(members[0].role).toBe('lead');
      expect(await countsOf(slug)).toEqual(await counts.recountAction(slug));
    }
  });

  it('30 parallel approvals leave counts equal to the records', async () => {
    const { slug, lead } = await newCoalition();
    const kinds = ['national-government', 'local-government', 'civil-society'] as const;
    const organisations = await Promise.all(
      Array.from({ length: 30 }, (_, i) => joinCoalition(slug, unique('crowd'), undefined, { kind: kinds[i % 3] })),
    );
    const replies = await Promise.all(
      organisations.map((organisation) => call('PATCH', `/v1/actions/${slug}/members/${organisation.id}`, { as: lead, body: { change: 'approve' } })),
    );
    expect(replies.map((reply) => reply.status)).toEqual(Array(30).fill(200));
    const stored = await countsOf(slug);
    expect(stored).toEqual(await counts.recountAction(slug));
    expect(stored.members).toEqual({ 'national-government': 10, 'local-government': 10, 'civil-society': 11, 'international-organisation': 0 });
    expect((await call('GET', `/v1/actions/${slug}/history?limit=100`)).body.items).toHaveLength(32);
  });

  it('the same organisation asking twice at once is in the coalition once', async () => {
    const { slug } = await newCoalition();
    const admin = unique('twice');
    const organisation = await newOrganisation(admin);
    const replies = await Promise.all(
      [1, 2, 3].map(() => call('POST', `/v1/actions/${slug}/members`, { as: admin, body: { organisationId: organisation.id } })),
    );
    expect(replies.map((reply) => reply.status).sort()).toEqual([201, 409, 409]);
    expect((await membersOf(slug, admin)).filter((member) => member.organisation.id === organisation.id)).toHaveLength(1);
  });
});
