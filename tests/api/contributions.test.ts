import { beforeAll, describe, expect, it } from 'vitest';
import * as contributionRecords from '@collective-actions/functions/data/contributions.ts';
import * as counts from '@collective-actions/functions/data/counts.ts';
import type { Action, Contribution, ContributionPage, ProblemDocument, Stats } from '@collective-actions/shared';
import { call, contributionBody, newAction, newContribution, newOrganisation, unique } from '../support/api.ts';

describe('the contribution flow', () => {
  let slug: string;
  let admin: string;
  let organisationId: string;

  beforeAll(async () => {
    slug = await newAction();
    admin = unique('admin');
    organisationId = (await newOrganisation(admin, { kind: 'national-government', country: 'UA' })).id;
  });

  it('stores a submitted contribution, counts it, and shows it to the public', async () => {
    const statsBefore = (await call<Stats>('GET', '/v1/stats')).body;
    const reply = await call<Contribution>('POST', `/v1/actions/${slug}/contributions`, {
      as: admin,
      body: contributionBody(organisationId, { offers: ['data', 'policy-commitment'], language: 'uk' }),
    });
    expect(reply.status).toBe(201);
    expect(reply.headers.get('location')).toBe(`/v1/actions/${slug}/contributions/${reply.body.id}`);
    expect(reply.body).toMatchObject({
      action: slug,
      organisation: { id: organisationId, kind: 'national-government', country: 'UA' },
      offers: ['data', 'policy-commitment'],
      language: 'uk',
      status: 'published',
      version: 1,
    });
    expect(reply.body).not.toHaveProperty('authorId');

    const stored = await contributionRecords.getContribution(slug, reply.body.id, true);
    expect(stored).toMatchObject({ title: 'Peer review of procurement data', authorId: admin, status: 'published' });

    const publicCopy = await call<Contribution>('GET', `/v1/actions/${slug}/contributions/${reply.body.id}`);
    expect(publicCopy.status).toBe(200);
    expect(publicCopy.body).toEqual({ ...reply.body, can: { edit: false, withdraw: false, restore: false, postUpdate: false, hide: false, unhide: false } });

    const action = (await call<Action>('GET', `/v1/actions/${slug}`)).body;
    expect(action.counts.contributions).toBe(1);
    expect(action.counts.organisations['national-government']).toBe(1);

    const statsAfter = (await call<Stats>('GET', '/v1/stats')).body;
    expect(statsAfter.contributions).toBe(statsBefore.contributions + 1);
    expect(statsAfter.organisations['national-government']).toBe(statsBefore.organisations['national-government'] + 1);
    expect(statsAfter.byCountry.find((entry) => entry.country === 'UA')?.organisations).toBe(1);
  });

  it('counts an organisation once per action however many contributions it makes', async () => {
    await newContribution(admin, slug, organisationId, { title: 'A second offer' });
    const action = (await call<Action>('GET', `/v1/actions/${slug}`)).body;
    expect(action.counts.contributions).toBe(2);
    expect(action.counts.organisations['national-government']).toBe(1);
    expect(action.counts).toEqual(await counts.recountAction(slug));
  });

  it('edits a contribution with the version read, and refuses a stale version with 409', async () => {
    const contribution = await newContribution(admin, slug, organisationId);
    const edited = await call<Contribution>('PATCH', `/v1/actions/${slug}/contributions/${contribution.id}`, {
      as: admin,
      body: { version: 1, title: 'Peer review, revised', links: [] },
    });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ title: 'Peer review, revised', links: [], version: 2, offers: ['expertise'] });
    expect(edited.body.updatedAt > contribution.updatedAt).toBe(true);

    const stale = await call('PATCH', `/v1/actions/${slug}/contributions/${contribution.id}`, {
      as: admin,
      body: { version: 1, title: 'Lost update' },
    });
    expect(stale.status).toBe(409);
    expect(stale.headers.get('content-type')).toBe('application/problem+json');
    expect(stale.body.type).toBe('/problems/stale-version');
    expect((await contributionRecords.getContribution(slug, contribution.id, true))?.title).toBe('Peer review, revised');
  });

  it('lets exactly one of two edits made from the same version win', async () => {
    const contribution = await newContribution(admin, slug, organisationId);
    const path = `/v1/actions/${slug}/contributions/${contribution.id}`;
    const replies = await Promise.all(
      ['First editor', 'Second editor'].map((title) => call('PATCH', path, { as: admin, body: { version: 1, title } })),
    );
    expect(replies.map((reply) => reply.status).sort()).toEqual([200, 409]);
    const winner = replies.find((reply) => reply.status === 200)!.body.title;
    expect((await contributionRecords.getContribution(slug, contribution.id, true))).toMatchObject({ title: winner, version: 2 });
  });

  it('withdraws a contribution: kept, no longer public, no longer counted', async () => {
    const otherSlug = await newAction();
    const contribution = await newContribution(admin, otherSlug, organisationId);
    const path = `/v1/actions/${otherSlug}/contributions/${contribution.id}`;

    expect((await call('DELETE', path, { as: admin })).status).toBe(204);
    expect((await contributionRecords.getContribution(otherSlug, contribution.id, true))?.status).toBe('withdrawn');
    expect((await call('GET', path)).status).toBe(404);
    const list = await call<ContributionPage>('GET', `/v1/actions/${otherSlug}/contributions`);
    expect(list.body.items).toEqual([]);
    const action = (await call<Action>('GET', `/v1/actions/${otherSlug}`)).body;
    expect(action.counts.contributions).toBe(0);
    expect(action.counts.organisations['national-government']).toBe(0);

    // Withdrawing again changes nothing; editing a withdrawn contribution is refused.
    expect((await call('DELETE', path, { as: admin })).status).toBe(204);
    expect((await call<Action>('GET', `/v1/actions/${otherSlug}`)).body.counts.contributions).toBe(0);
    const edit = await call('PATCH', path, { as: admin, body: { version: 2, title: 'Back again' } });
    expect(edit.status).toBe(409);
  });

  it('lets the author and the organisation admins edit, and nobody else', async () => {
    const member = unique('member');
    const memberEmail = `${member}@example.org`;
    expect((await call('POST', `/v1/organisations/${organisationId}/people`, { as: admin, body: { email: memberEmail } })).status).toBe(201);
    expect((await call('GET', '/v1/me', { as: memberEmail })).status).toBe(200);
    const byMember = await newContribution(memberEmail, slug, organisationId);
    const path = `/v1/actions/${slug}/contributions/${byMember.id}`;

    const colleague = unique('colleague');
    await call('POST', `/v1/organisations/${organisationId}/people`, { as: admin, body: { email: `${colleague}@example.org` } });
    const byColleague = await call('PATCH', path, { as: `${colleague}@example.org`, body: { version: 1, title: 'Not mine' } });
    expect(byColleague.status).toBe(403);

    expect((await call('PATCH', path, { as: memberEmail, body: { version: 1, title: 'Mine, revised' } })).status).toBe(200);
    expect((await call('PATCH', path, { as: admin, body: { version: 2, title: 'Revised by our admin' } })).status).toBe(200);
    expect((await call('DELETE', path, { as: unique('stranger') })).status).toBe(403);
  });
});

describe('listing an action’s contributions', () => {
  let slug: string;
  let made: Contribution[];

  beforeAll(async () => {
    slug = await newAction();
    const admins = { government: unique('gov'), city: unique('city'), cso: unique('cso') };
    const organisations = {
      government: await newOrganisation(admins.government, { kind: 'national-government', country: 'MX' }),
      city: await newOrganisation(admins.city, { kind: 'local-government', country: 'FR' }),
      cso: await newOrganisation(admins.cso, { kind: 'civil-society', country: 'FR' }),
    };
    made = [];
    // One after the other, so the order is known: newest first is its reverse.
    for (const [who, offers] of [
      ['government', ['funding']],
      ['city', ['data', 'tools']],
      ['cso', ['tools']],
      ['government', ['expertise', 'tools']],
      ['cso', ['event-hosting']],
    ] as const) {
      made.push(await newContribution(admins[who], slug, organisations[who].id, { offers: [...offers] }));
    }
  });

  it('pages newest first with an opaque cursor, and the last page has no next', async () => {
    const first = await call<ContributionPage>('GET', `/v1/actions/${slug}/contributions?limit=2`);
    expect(first.status).toBe(200);
    expect(first.body.items.map((item) => item.id)).toEqual([made[4].id, made[3].id]);
    expect(first.body.next).toEqual(expect.any(String));
    const second = await call<ContributionPage>('GET', `/v1/actions/${slug}/contributions?limit=2&cursor=${first.body.next}`);
    expect(second.body.items.map((item) => item.id)).toEqual([made[2].id, made[1].id]);
    const third = await call<ContributionPage>('GET', `/v1/actions/${slug}/contributions?limit=2&cursor=${second.body.next}`);
    expect(third.body.items.map((item) => item.id)).toEqual([made[0].id]);
    expect(third.body.next).toBeNull();
  });

  it('filters by type, organisation kind and country, alone and together', async () => {
    const ids = async (query: string) =>
      (await call<ContributionPage>('GET', `/v1/actions/${slug}/contributions?${query}`)).body.items.map((item) => item.id);
    expect(await ids('type=tools')).toEqual([made[3].id, made[2].id, made[1].id]);
    expect(await ids('organisationKind=national-government')).toEqual([made[3].id, made[0].id]);
    expect(await ids('country=FR')).toEqual([made[4].id, made[2].id, made[1].id]);
    expect(await ids('country=FR&organisationKind=civil-society')).toEqual([made[4].id, made[2].id]);
    expect(await ids('country=FR&type=tools')).toEqual([made[2].id, made[1].id]);
    expect(await ids('organisationKind=local-government&type=funding')).toEqual([]);
  });

  it('pages through a filtered list without losing or repeating items', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: ContributionPage } = await call('GET', `/v1/actions/${slug}/contributions?type=tools&limit=1${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...page.body.items.map((item) => item.id));
      cursor = page.body.next;
    } while (cursor);
    expect(seen).toEqual([made[3].id, made[2].id, made[1].id]);
  });

  it('answers 404 for an action that does not exist', async () => {
    const reply = await call('GET', '/v1/actions/no-such-action/contributions');
    expect(reply.status).toBe(404);
    expect(reply.body.detail).toContain('no-such-action');
  });
});

describe('requests for help', () => {
  it('are told apart from offers: in the answer, the filter, the page and the open data', async () => {
    const slug = await newAction();
    const admin = unique('seeker');
    const { id: organisationId } = await newOrganisation(admin, { kind: 'local-government', country: 'PE' });
    const offer = await newContribution(admin, slug, organisationId);
    expect(offer).toMatchObject({ kind: 'offer', region: null, deadline: null });
    const request = await newContribution(admin, slug, organisationId, {
      kind: 'request',
      offers: ['expertise'],
      title: 'We seek expertise in beneficial-ownership registers',
      language: 'es',
      region: 'americas',
      deadline: '2031-06-30',
    });
    expect(request).toMatchObject({ kind: 'request', offers: ['expertise'], region: 'americas', deadline: '2031-06-30' });

    const listed = async (query: string) => (await call<ContributionPage>('GET', `/v1/actions/${slug}/contributions${query}`)).body.items.map((item) => item.id);
    expect(await listed('?kind=request')).toEqual([request.id]);
    expect(await listed('?kind=offer')).toEqual([offer.id]);
    expect(await listed('?kind=request&type=expertise')).toEqual([request.id]);
    expect(await listed('?kind=request&type=data')).toEqual([]);
    expect((await listed('')).sort()).toEqual([offer.id, request.id].sort());

    // What it is stays; where and by when change, and clear.
    const edited = await call<Contribution>('PATCH', `/v1/actions/${slug}/contributions/${request.id}`, { as: admin, body: { version: 1, region: null, deadline: '2032-01-15' } });
    expect(edited.body).toMatchObject({ kind: 'request', region: null, deadline: '2032-01-15', version: 2 });
    expect((await call('PATCH', `/v1/actions/${slug}/contributions/${request.id}`, { as: admin, body: { version: 2, kind: 'offer' } })).status).toBe(400);
  });

  it('refuse what is not an offer or a request, a region or a date to come, changing nothing', async () => {
    const slug = await newAction();
    const admin = unique('seeker');
    const { id: organisationId } = await newOrganisation(admin);
    const refused = [
      [{ kind: 'gift' }, '#/kind'],
      [{ kind: null }, '#/kind'],
      [{ region: 'mars' }, '#/region'],
      [{ region: 'Europe' }, '#/region'],
      [{ deadline: '2031-02-30' }, '#/deadline'],
      [{ deadline: '30/06/2031' }, '#/deadline'],
      [{ deadline: '2031-06-30T10:00:00Z' }, '#/deadline'],
      [{ deadline: '2020-01-01' }, '#/deadline'],
      [{ deadline: 20310630 }, '#/deadline'],
    ] as const;
    for (const [fields, pointer] of refused) {
      const reply = await call<ProblemDocument>('POST', `/v1/actions/${slug}/contributions`, { as: admin, body: { ...contributionBody(organisationId), ...fields } });
      expect(reply.status, JSON.stringify(fields)).toBe(400);
      expect(reply.body.errors?.map((error) => error.pointer)).toContain(pointer);
    }
    const kind = await call<ProblemDocument>('GET', `/v1/actions/${slug}/contributions?kind=gift`);
    expect(kind.status).toBe(400);
    expect(kind.body.errors?.[0]).toMatchObject({ parameter: 'kind' });
    expect((await call<ContributionPage>('GET', `/v1/actions/${slug}/contributions`)).body.items).toEqual([]);
  });
});

describe('under concurrency', () => {
  it('keeps the counts equal to the records after 50 parallel submissions', async () => {
    const slug = await newAction();
    const admins = Array.from({ length: 5 }, () => unique('parallel'));
    const organisations = await Promise.all(admins.map((admin, i) => newOrganisation(admin, { kind: i % 2 ? 'civil-society' : 'local-government' })));
    const replies = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        call('POST', `/v1/actions/${slug}/contributions`, {
          as: admins[i % 5],
          body: contributionBody(organisations[i % 5].id, { title: `Parallel offer ${i}` }),
        }),
      ),
    );
    expect(replies.map((reply) => reply.status)).toEqual(Array(50).fill(201));
    const action = (await call<Action>('GET', `/v1/actions/${slug}`)).body;
    expect(action.counts).toEqual(await counts.recountAction(slug));
    expect(action.counts.contributions).toBe(50);
    expect(action.counts.organisations).toEqual({
      'national-government': 0,
      'local-government': 3,
      'civil-society': 2,
      'international-organisation': 0,
    });
    for (const organisation of organisations) {
      expect((await call('GET', `/v1/organisations/${organisation.id}`)).body.contributionCount).toBe(10);
    }
  });
});
