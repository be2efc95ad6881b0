import { describe, expect, it } from 'vitest';
import * as organisationRecords from '@collective-actions/functions/data/organisations.ts';
import * as peopleRecords from '@collective-actions/functions/data/people.ts';
import type { Contribution, ContributionView, Me, Organisation, OrganisationPage, VerificationRequest } from '@collective-actions/shared';

type OrganisationHistory = { items: Array<{ id: string; event: string; at: string; changed: string[]; note: string | null }>; next: string | null };
import { call, newAction, newContribution, newOrganisation, unique } from '../support/api.ts';

describe('organisations', () => {
  it('registers an organisation with its creator as admin', async () => {
    const creator = unique('founder');
    const reply = await call<Organisation>('POST', '/v1/organisations', {
      as: creator,
      body: { name: '  Open Knowledge Demo  ', kind: 'civil-society', country: 'DE', website: 'https://okf.example.org/' },
    });
    expect(reply.status).toBe(201);
    expect(reply.headers.get('location')).toBe(`/v1/organisations/${reply.body.id}`);
    expect(reply.body).toMatchObject({ name: 'Open Knowledge Demo', verified: false, verifiedAt: null, contributionCount: 0, version: 1 });
    expect(await organisationRecords.getOrganisation(reply.body.id, true)).toEqual(reply.body);
    expect((await call('GET', `/v1/organisations/${reply.body.id}`)).body).toEqual({ ...reply.body, coalitions: [], can: { edit: false, listPeople: false, addPeople: false, verify: false } });

    const me = (await call<Me>('GET', '/v1/me', { as: creator })).body;
    expect(me).toMatchObject({ id: creator, steward: false, email: `${creator}@users.localhost` });
    expect(me.organisations).toEqual([{ organisation: reply.body, role: 'admin' }]);
  });

  it('lists the directory by name, filtered by kind and country, page by page', async () => {
    // A country no other test uses, so the list holds exactly these.
    const country = 'IS';
    const names = ['Ísafjörður Council', 'Akureyri Open Data', 'Reykjavík City', 'Iceland Ministry'];
    const kinds = ['local-government', 'civil-society', 'local-government', 'national-government'] as const;
    for (const [i, name] of names.entries()) await newOrganisation(unique('iceland'), { name, kind: kinds[i], country });

    const all = await call<OrganisationPage>('GET', `/v1/organisations?country=${country}&limit=3`);
    // Accents and case do not change the order.
    expect(all.body.items.map((item) => item.name)).toEqual(['Akureyri Open Data', 'Iceland Ministry', 'Ísafjörður Council']);
    const rest = await call<OrganisationPage>('GET', `/v1/organisations?country=${country}&limit=3&cursor=${all.body.next}`);
    expect(rest.body).toMatchObject({ items: [{ name: 'Reykjavík City' }], next: null });

    const local = await call<OrganisationPage>('GET', `/v1/organisations?country=${country}&kind=local-government`);
    expect(local.body.items.map((item) => item.name)).toEqual(['Ísafjörður Council', 'Reykjavík City']);
    const byKind = await call<OrganisationPage>('GET', '/v1/organisations?kind=national-government&limit=100');
    expect(byKind.body.items.every((item) => item.kind === 'national-government')).toBe(true);
    expect(byKind.body.items.map((item) => item.name)).toContain('Iceland Ministry');
  });

  it('finds the names that start with what is asked, whatever their accents or case, alone or with the other filters', async () => {
    const base = unique('Élan');
    const named = async (name: string, kind: 'civil-society' | 'local-government', country: string) =>
      (await newOrganisation(unique('directory'), { name, kind, country })).name;
    const [agency, ministry, council] = [
      await named(`${base} Agence`, 'civil-society', 'SN'),
      await named(`${base} Ministère`, 'civil-society', 'FR'),
      await named(`${base} Conseil`, 'local-government', 'FR'),
    ];
    const found = async (query: string) =>
      (await call<OrganisationPage>('GET', `/v1/organisations?limit=100&${query}`)).body.items.map((item) => item.name);
    const plain = base.normalize('NFD').replace(/\p{M}/gu, '');
    expect(await found(`name=${encodeURIComponent(plain.toUpperCase())}`)).toEqual([agency, council, ministry]);
    expect(await found(`name=${encodeURIComponent(`${base} mini`)}`)).toEqual([ministry]);
    expect(await found(`name=${encodeURIComponent(base)}&kind=civil-society`)).toEqual([agency, ministry]);
    expect(await found(`name=${encodeURIComponent(base)}&country=FR`)).toEqual([council, ministry]);
    expect(await found(`name=${encodeURIComponent(base)}&country=FR&kind=local-government`)).toEqual([council]);
    expect(await found(`name=${encodeURIComponent(`${base} Z`)}`)).toEqual([]);
    // Page by page within the names found.
    const first = await call<OrganisationPage>('GET', `/v1/organisations?limit=2&name=${encodeURIComponent(base)}`);
    const second = await call<OrganisationPage>('GET', `/v1/organisations?limit=2&name=${encodeURIComponent(base)}&cursor=${first.body.next}`);
    expect([...first.body.items, ...second.body.items].map((item) => item.name)).toEqual([agency, council, ministry]);
    expect(second.body.next).toBeNull();
    for (const bad of ['', 'x'.repeat(201), 'two\nlines']) {
      expect((await call('GET', `/v1/organisations?name=${encodeURIComponent(bad)}`)).status).toBe(400);
    }
  });

  it('lets admins edit; a rename reaches the organisation’s contributions', async () => {
    const admin = unique('renamer');
    const organisation = await newOrganisation(admin, { name: 'Old Name Foundation' });
    const slug = await newAction();
    const contribution = await newContribution(admin, slug, organisation.id);

    const reply = await call<Organisation>('PATCH', `/v1/organisations/${organisation.id}`, {
      as: admin,
      body: { version: 1, name: 'New Name Foundation' },
    });
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ name: 'New Name Foundation', version: 2 });
    const after = await call<Contribution>('GET', `/v1/actions/${slug}/contributions/${contribution.id}`);
    expect(after.body.organisation.name).toBe('New Name Foundation');

    const stale = await call('PATCH', `/v1/organisations/${organisation.id}`, { as: admin, body: { version: 1, name: 'Lost' } });
    expect(stale.status).toBe(409);
    expect(stale.body.type).toBe('/problems/stale-version');
  });

  it('allows a change of kind or country only before the first published contribution', async () => {
    const admin = unique('kind');
    const organisation = await newOrganisation(admin, { kind: 'civil-society' });
    const early = await call('PATCH', `/v1/organisations/${organisation.id}`, { as: admin, body: { version: 1, kind: 'international-organisation' } });
    expect(early.status).toBe(200);
    await newContribution(admin, await newAction(), organisation.id);
    const late = await call('PATCH', `/v1/organisations/${organisation.id}`, { as: admin, body: { version: 2, country: 'BE' } });
    expect(late.status).toBe(409);
    expect(late.body.detail).toMatch(/cannot change once/);
    expect((await organisationRecords.getOrganisation(organisation.id, true))?.country).toBe('FR');
  });

  it('adds people by e-mail: the membership starts when they sign in with that e-mail', async () => {
    const admin = unique('hr');
    const organisation = await newOrganisation(admin);
    const email = `${unique('newcomer')}@example.org`;

    const added = await call('POST', `/v1/organisations/${organisation.id}/people`, { as: admin, body: { email: email.toUpperCase(), role: 'admin' } });
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({ email, role: 'admin', status: 'invited' });
    const again = await call('POST', `/v1/organisations/${organisation.id}/people`, { as: admin, body: { email } });
    expect(again.status).toBe(409);

    const before = (await call('GET', `/v1/organisations/${organisation.id}/people`, { as: admin })).body.items;
    expect(before).toContainEqual(expect.objectContaining({ email, status: 'invited', role: 'admin' }));

    // Signing in with that verified e-mail makes the person an admin.
    const me = (await call<Me>('GET', '/v1/me', { as: email })).body;
    expect(me.organisations).toEqual([{ organisation: expect.objectContaining({ id: organisation.id }), role: 'admin' }]);
    const after = (await call('GET', `/v1/organisations/${organisation.id}/people`, { as: email })).body.items;
    // The identity provider gave the address as the name: nobody else sees it there either.
    expect(after).toContainEqual(expect.objectContaining({ email, status: 'active', role: 'admin', name: null }));
    expect(after.filter((person: { email: string }) => person.email === email)).toHaveLength(1);
    // Nobody else's address: the first admin's is left out for the newcomer, the newcomer's for the first admin.
    expect(after.map((person: { email: string | null }) => person.email).sort()).toEqual([email, null]);
    const addressesFor = async (who: string) => (await call<{ items: Array<{ email: string | null }> }>('GET', `/v1/organisations/${organisation.id}/people`, { as: who })).body.items.map((person) => person.email);
    expect(await addressesFor(admin)).toEqual([`${admin}@users.localhost`, null]);
    const seenBy = async (who: string) => JSON.stringify((await call('GET', `/v1/organisations/${organisation.id}/people`, { as: who })).body);
    expect(await seenBy(admin)).not.toContain(email);
    // An invitation's address is shown to the admins who invite, and to no plain member.
    const invited = `${unique('invited')}@example.org`;
    const member = unique('member');
    await call('POST', `/v1/organisations/${organisation.id}/people`, { as: admin, body: { email: `${member}@users.localhost` } });
    await call('GET', '/v1/me', { as: member });
    await call('POST', `/v1/organisations/${organisation.id}/people`, { as: admin, body: { email: invited } });
    expect(await addressesFor(admin)).toContain(invited);
    expect((await addressesFor(member)).filter(Boolean)).toEqual([`${member}@users.localhost`]);

    const already = await call('POST', `/v1/organisations/${organisation.id}/people`, { as: admin, body: { email } });
    expect(already.status).toBe(409);
    expect(already.body.detail).toMatch(/already a admin|already an? admin/);
  });

  it('accepts an invitation at sign-in, never inside a read (in AWS a read route may not write)', async () => {
    const admin = unique('inviter');
    const organisation = await newOrganisation(admin);
    const slug = await newAction();
    const contribution = await newContribution(admin, slug, organisation.id);
    const email = `${unique('invited')}@example.org`;
    expect((await call('POST', `/v1/organisations/${organisation.id}/people`, { as: admin, body: { email } })).status).toBe(201);
    const invitation = async () => (await peopleRecords.listPeople(organisation.id)).find((person) => person.email === email && person.status === 'invited')?.role;

    // Opened before signing in through /me: read as the outsider the person still is, and nothing written.
    const people = await call('GET', `/v1/organisations/${organisation.id}/people`, { as: email });
    expect(people.status).toBe(403);
    const read = await call<ContributionView>('GET', `/v1/actions/${slug}/contributions/${contribution.id}`, { as: email });
    expect(read.status).toBe(200);
    expect(read.body.can).toEqual({ edit: false, withdraw: false, restore: false, postUpdate: false, hide: false, unhide: false });
    expect((await call('GET', `/v1/organisations/${organisation.id}`, { as: email })).body.can.listPeople).toBe(false);
    expect(await invitation()).toBe('member');

    expect((await call('GET', '/v1/me', { as: email })).status).toBe(200);
    expect(await invitation()).toBeUndefined();
    expect((await call('GET', `/v1/organisations/${organisation.id}/people`, { as: email })).status).toBe(200);
    expect((await call('GET', `/v1/organisations/${organisation.id}`, { as: email })).body.can).toEqual({ edit: false, listPeople: true, addPeople: false, verify: false });
  });

  it('never shows people or e-mail addresses publicly', async () => {
    const admin = unique('private');
    const organisation = await newOrganisation(admin);
    const publicView = JSON.stringify((await call('GET', `/v1/organisations/${organisation.id}`)).body);
    const directory = JSON.stringify((await call('GET', '/v1/organisations?limit=100')).body);
    // An e-mail address is a name, an @ and a domain (a website's path may hold an @ of its own).
    for (const text of [publicView, directory]) expect(text).not.toMatch(/[\w.+-]@[\w-]+\.\w/);
  });

  it('is verified by a steward, at the version the steward read', async () => {
    const organisation = await newOrganisation(unique('verify'));
    const verify = (version: number, id = organisation.id) => call<Organisation>('POST', `/v1/organisations/${id}/verification`, { as: 'steward', body: { version } });
    expect((await verify(2)).status).toBe(409);
    const reply = await verify(1);
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ verified: true, verifiedAt: expect.any(String), version: 2 });
    const twice = await verify(2);
    expect(twice.body).toMatchObject({ verifiedAt: reply.body.verifiedAt, version: 2 });
    expect((await verify(1, '01ARZ3NDEKTSV4RRFFQ69G5FAV')).status).toBe(404);
    expect((await call('POST', `/v1/organisations/${organisation.id}/verification`, { as: 'steward' })).status).toBe(400);
    const history = (await call<OrganisationHistory>('GET', `/v1/organisations/${organisation.id}/history`)).body;
    expect(history.items).toEqual([{ id: expect.any(String), event: 'verified', at: reply.body.verifiedAt, changed: [], note: null }]);
  });

});

describe('a verified badge', () => {
  const queue = async () => {
    const items: VerificationRequest[] = [];
    let next: string | null = null;
    do {
      const page: { body: { items: VerificationRequest[]; next: string | null } } = await call('GET', `/v1/verifications?limit=100${next ? `&cursor=${next}` : ''}`, { as: 'steward' });
      items.push(...page.body.items);
      next = page.body.next;
    } while (next);
    return items;
  };

  it('is verified with a note, and withdrawn by a steward saying why, both in its public history', async () => {
    const organisation = await newOrganisation(unique('careful'));
    const path = `/v1/organisations/${organisation.id}/verification`;
    const note = 'Checked against the national register of associations.';
    expect((await call('POST', path, { as: 'steward', body: { version: 1, note } })).body).toMatchObject({ verified: true, version: 2 });
    const withdraw = (body: unknown) => call('POST', `${path}/withdrawal`, { as: 'steward', body });
    // Why is required, and a stale version is refused.
    expect((await withdraw({ version: 2 })).status).toBe(400);
    expect((await withdraw({ version: 2, note: 'No' })).status).toBe(400);
    expect((await withdraw({ version: 1, note: 'Its website is no longer theirs.' })).status).toBe(409);
    const withdrawn = await withdraw({ version: 2, note: 'Its website is no longer theirs.' });
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body).toMatchObject({ verified: false, verifiedAt: null, version: 3 });
    const again = await withdraw({ version: 3, note: 'Its website is no longer theirs.' });
    expect(again.status).toBe(409);
    expect(again.body.detail).toBe('This organisation is not verified: there is no verification to withdraw.');
    expect((await call('POST', '/v1/organisations/01ARZ3NDEKTSV4RRFFQ69G5FAV/verification/withdrawal', { as: 'steward', body: { version: 1, note: 'Nobody.' } })).status).toBe(404);
    const history = (await call<OrganisationHistory>('GET', `/v1/organisations/${organisation.id}/history`)).body;
    expect(history.items.map(({ event, changed, note: written }) => ({ event, changed, note: written }))).toEqual([
      { event: 'verification-withdrawn', changed: [], note: 'Its website is no longer theirs.' },
      { event: 'verified', changed: [], note },
    ]);
    // A steward's withdrawal does not put it back in the queue: a steward decided.
    expect((await queue()).map((request) => request.organisation.id)).not.toContain(organisation.id);
    // It can be verified again.
    expect((await call('POST', path, { as: 'steward', body: { version: 3 } })).body).toMatchObject({ verified: true, version: 4 });
  });

  it('waits in the stewards’ queue from registration until a steward verifies it', async () => {
    const organisation = await newOrganisation(unique('queued'));
    expect((await queue()).find((request) => request.organisation.id === organisation.id)).toMatchObject({ reason: 'registered', changed: [], since: organisation.createdAt });
    await call('POST', `/v1/organisations/${organisation.id}/verification`, { as: 'steward', body: { version: 1 } });
    expect((await queue()).map((request) => request.organisation.id)).not.toContain(organisation.id);
  });

  it.each([
    ['name', { name: 'Ministry of Everything' }],
    ['kind', { kind: 'national-government' }],
    ['country', { country: 'BE' }],
    ['website', { website: 'https://gouv.example/' }],
    ['name and website', { name: 'Ministère de Tout', website: 'https://ministere.example/' }],
  ])('is withdrawn when its %s changes, in its public history and the stewards’ queue', async (_, changes) => {
    const admin = unique('impostor');
    const organisation = await newOrganisation(admin);
    await call('POST', `/v1/organisations/${organisation.id}/verification`, { as: 'steward', body: { version: 1 } });
    const edited = await call<Organisation>('PATCH', `/v1/organisations/${organisation.id}`, { as: admin, body: { version: 2, ...changes } });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ ...changes, verified: false, verifiedAt: null, version: 3 });
    expect((await call<Organisation>('GET', `/v1/organisations/${organisation.id}`)).body).toMatchObject({ verified: false, verifiedAt: null });
    const changed = Object.keys(changes);
    const history = (await call<OrganisationHistory>('GET', `/v1/organisations/${organisation.id}/history`)).body.items;
    expect(history.map((entry) => [entry.event, entry.changed])).toEqual([['verification-withdrawn', changed], ['verified', []]]);
    expect((await queue()).find((request) => request.organisation.id === organisation.id)).toMatchObject({ reason: 'identity-changed', changed, organisation: { verified: false } });
    expect((await call('GET', '/v1/exports/organisations.json')).status).toBe(200);
  });

  it('stays when an edit gives the same identity again', async () => {
    const admin = unique('steady');
    const organisation = await newOrganisation(admin);
    await call('POST', `/v1/organisations/${organisation.id}/verification`, { as: 'steward', body: { version: 1 } });
    const edited = await call<Organisation>('PATCH', `/v1/organisations/${organisation.id}`, { as: admin, body: { version: 2, name: organisation.name, website: organisation.website } });
    expect(edited.body).toMatchObject({ verified: true, version: 3 });
  });

  it('cannot be given to an identity the steward did not see: a rename racing a verification makes one of them stale', async () => {
    const admin = unique('racer');
    const organisation = await newOrganisation(admin);
    const [renamed, verified] = await Promise.all([
      call('PATCH', `/v1/organisations/${organisation.id}`, { as: admin, body: { version: 1, name: 'Renamed in a race' } }),
      call('POST', `/v1/organisations/${organisation.id}/verification`, { as: 'steward', body: { version: 1 } }),
    ]);
    expect([renamed.status, verified.status].sort()).toEqual([200, 409]);
    const final = (await call<Organisation>('GET', `/v1/organisations/${organisation.id}`)).body;
    // Verified only if the verification came first, in which case the rename was refused.
    expect(final.verified).toBe(verified.status === 200);
    expect(final.name).toBe(renamed.status === 200 ? 'Renamed in a race' : organisation.name);
  });
});

describe("an organisation's contributions", () => {
  it('lists its public ones across actions, newest first, page by page; withdrawn and hidden ones never', async () => {
    const admin = unique('prolific');
    const organisation = await newOrganisation(admin);
    const [first, second] = [await newAction(), await newAction()];
    const a = await newContribution(admin, first, organisation.id, { title: 'First offer' });
    const b = await newContribution(admin, second, organisation.id, { title: 'Second offer' });
    const c = await newContribution(admin, first, organisation.id, { title: 'Third offer' });
    const withdrawn = await newContribution(admin, second, organisation.id, { title: 'Withdrawn offer' });
    await call('DELETE', `/v1/actions/${second}/contributions/${withdrawn.id}`, { as: admin });
    const hidden = await newContribution(admin, first, organisation.id, { title: 'Hidden offer' });
    await call('PUT', `/v1/actions/${first}/contributions/${hidden.id}/hidden`, { as: 'steward', body: { reason: 'Spam.' } });

    const page = await call('GET', `/v1/organisations/${organisation.id}/contributions?limit=2`);
    expect(page.status).toBe(200);
    expect(page.body.items.map((item: Contribution) => item.id)).toEqual([c.id, b.id]);
    const rest = await call('GET', `/v1/organisations/${organisation.id}/contributions?limit=2&cursor=${page.body.next}`);
    expect(rest.body.items.map((item: Contribution) => item.id)).toEqual([a.id]);
    expect(rest.body.next).toBeNull();
    expect((await call('GET', '/v1/organisations/01ARZ3NDEKTSV4RRFFQ69G5FAV/contributions')).status).toBe(404);
  });
});
