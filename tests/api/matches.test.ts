import { beforeAll, describe, expect, it } from 'vitest';
import type { Contribution, MatchPage, NewContribution, OrganisationMatches } from '@collective-actions/shared';
import { call, newAction, newContribution, newOrganisation, unique } from '../support/api.ts';
import { snapshotAfter } from '../support/open-data.ts';

// A word of random letters, which only this run's records contain.
const word = `zorblax${crypto.randomUUID().slice(0, 6).replace(/\d/g, 'q')}`;

const fixture = {} as {
  here: string;
  cityOrganisation: string;
  sameTheme: string;
  elsewhere: string;
  city: string;
  request: Contribution;
  offers: Record<'wordsHere' | 'plainHere' | 'wordsSameTheme' | 'plainSameTheme' | 'wordsElsewhere', Contribution>;
  unmatched: Contribution[];
};

const matchesOf = (contribution: Contribution, query = '?limit=100') =>
  call<MatchPage>('GET', `/v1/actions/${contribution.action}/contributions/${contribution.id}/matches${query}`);

const offer = (fields: Partial<NewContribution>): Partial<NewContribution> => ({ kind: 'offer', title: 'Training for registry staff', text: 'Two days of training.', ...fields });

beforeAll(async () => {
  // Digital commons: where the other tests' many offers of expertise are not.
  const [here, sameTheme, elsewhere] = await Promise.all([newAction('digital-commons'), newAction('digital-commons'), newAction('climate')]);
  const city = unique('city');
  const cso = unique('cso');
  const [cityOrganisation, csoOrganisation] = await Promise.all([
    newOrganisation(city, { kind: 'local-government', name: unique('City of Demoville') }),
    newOrganisation(cso, { name: unique('Open Registers Network') }),
  ]);
  const request = await newContribution(city, here, cityOrganisation.id, {
    kind: 'request',
    offers: ['expertise', 'tools'],
    title: `We seek help with our beneficial ownership register ${word}`,
    text: `Expertise in ${word} registers, in Spanish, for 2027.`,
    language: 'es',
    region: 'americas',
  });
  const by = (slug: string, fields: Partial<NewContribution>) => newContribution(cso, slug, csoOrganisation.id, offer(fields));
  const offers = {
    wordsHere: await by(here, { title: `Our ${word} register software`, offers: ['tools'], language: 'es', region: 'americas' }),
    plainHere: await by(here, { offers: ['expertise'], language: 'en', region: 'europe' }),
    wordsSameTheme: await by(sameTheme, { title: `Lessons from running a ${word} register`, offers: ['expertise'] }),
    plainSameTheme: await by(sameTheme, { offers: ['tools', 'data'] }),
    wordsElsewhere: await by(elsewhere, { title: `A ${word} register for emissions`, offers: ['expertise'] }),
  };
  const unmatched = [
    // No type of help the request seeks.
    await by(here, { title: `${word} funding`, offers: ['funding'] }),
    // Elsewhere, and no word in common.
    await by(elsewhere, { offers: ['expertise'] }),
    // The city's own offer.
    await newContribution(city, here, cityOrganisation.id, offer({ title: `Our own ${word} tools`, offers: ['tools'] })),
    // Another request, not an answer to one.
    await by(here, { kind: 'request', title: `We seek ${word} tools too`, offers: ['tools'] }),
    await by(here, { title: `Hidden ${word} offer`, offers: ['tools'] }),
    await by(here, { title: `Withdrawn ${word} offer`, offers: ['tools'] }),
  ];
  const [hidden, withdrawn] = unmatched.slice(-2);
  expect((await call('PUT', `/v1/actions/${here}/contributions/${hidden.id}/hidden`, { as: 'steward', body: { reason: 'Advertising.' } })).status).toBe(200);
  expect((await call('DELETE', `/v1/actions/${here}/contributions/${withdrawn.id}`, { as: cso })).status).toBe(204);
  Object.assign(fixture, { here, cityOrganisation: cityOrganisation.id, sameTheme, elsewhere, city, request, offers, unmatched });
  await snapshotAfter(new Date().toISOString());
});

describe('matches between offers and requests', () => {
  it('lists a request’s offers: its action’s first, then its theme’s, then those elsewhere whose words meet it', async () => {
    const reply = await matchesOf(fixture.request);
    expect(reply.status).toBe(200);
    const { offers } = fixture;
    const ours = new Set(Object.values(offers).map(({ id }) => id));
    expect(reply.body.items.map(({ contribution }) => contribution.id).filter((id) => ours.has(id))).toEqual([
      offers.wordsHere.id,
      offers.plainHere.id,
      offers.wordsSameTheme.id,
      offers.plainSameTheme.id,
      offers.wordsElsewhere.id,
    ]);
    const unmatched = new Set(fixture.unmatched.map(({ id }) => id));
    expect(reply.body.items.filter(({ contribution }) => unmatched.has(contribution.id))).toEqual([]);
    expect(reply.body.items.every(({ contribution }) => contribution.kind === 'offer')).toBe(true);
  });

  it('says why each fits: the types of help both name, where it is, its language and region', async () => {
    const { items } = (await matchesOf(fixture.request)).body;
    const of = (contribution: Contribution) => items.find((match) => match.contribution.id === contribution.id)!;
    expect(of(fixture.offers.wordsHere)).toMatchObject({
      contribution: {
        id: fixture.offers.wordsHere.id,
        action: fixture.here,
        kind: 'offer',
        title: fixture.offers.wordsHere.title,
        organisation: fixture.offers.wordsHere.organisation,
        offers: ['tools'],
        language: 'es',
        region: 'americas',
        deadline: null,
        createdAt: fixture.offers.wordsHere.createdAt,
      },
      fit: { offers: ['tools'], place: 'action', language: true, region: true },
    });
    expect(of(fixture.offers.plainHere).fit).toEqual({ offers: ['expertise'], place: 'action', language: false, region: false });
    expect(of(fixture.offers.plainSameTheme).fit).toEqual({ offers: ['tools'], place: 'theme', language: false, region: true });
    expect(of(fixture.offers.wordsElsewhere).fit.place).toBe('elsewhere');
    // Words in common count: of two in the same theme, the one that speaks of the same thing is better.
    expect(of(fixture.offers.wordsSameTheme).score).toBeGreaterThan(of(fixture.offers.plainSameTheme).score);
    // Nothing of who wrote them.
    expect(JSON.stringify(items)).not.toMatch(/authorId|@/);
  });

  it('lists an offer’s requests the same way', async () => {
    const { items } = (await matchesOf(fixture.offers.wordsHere)).body;
    expect(items[0]).toMatchObject({ contribution: { id: fixture.request.id, kind: 'request' }, fit: { offers: ['tools'], place: 'action', language: true, region: true } });
    // The other request seeks tools too, but it is the offer's own organisation's.
    expect(items.map(({ contribution }) => contribution.id)).not.toContain(fixture.unmatched[3].id);
    expect(items.every(({ contribution }) => contribution.kind === 'request')).toBe(true);
  });

  it('matches a request the moment it is published, against what the snapshot holds', async () => {
    const city = unique('city');
    const organisation = await newOrganisation(city, { kind: 'national-government' });
    const request = await newContribution(city, fixture.here, organisation.id, { kind: 'request', offers: ['tools'], title: `Seeking ${word} software` });
    const { items } = (await matchesOf(request)).body;
    expect(items.find(({ contribution }) => contribution.id === fixture.offers.wordsHere.id)?.fit.place).toBe('action');
  });

  it('gives the first `limit`, with the total', async () => {
    const all = (await matchesOf(fixture.request)).body;
    const some = await matchesOf(fixture.request, '?limit=2');
    expect(some.body).toEqual({ total: all.total, items: all.items.slice(0, 2) });
    expect(all.total).toBeGreaterThanOrEqual(5);
  });

  it('has nothing for a contribution that is not public, or not there', async () => {
    const [hidden, withdrawn] = fixture.unmatched.slice(-2);
    for (const contribution of [hidden, withdrawn]) {
      const reply = await call('GET', `/v1/actions/${contribution.action}/contributions/${contribution.id}/matches`);
      expect(reply.status).toBe(404);
      expect(reply.body.detail).toBe(`There is no public contribution ${contribution.id} on "${contribution.action}".`);
    }
    expect((await call('GET', `/v1/actions/${fixture.here}/contributions/01J00000000000000000000000/matches`)).status).toBe(404);
    expect((await call('GET', `/v1/actions/no-such-action/contributions/${fixture.request.id}/matches`)).status).toBe(404);
    for (const query of ['?limit=0', '?limit=101', '?limit=ten', '?kind=offer']) {
      const reply = await matchesOf(fixture.request, query);
      expect(reply.status, query).toBe(400);
    }
  });
});

describe('an organisation’s new matches', () => {
  it('lists, for its people, each public contribution with the matches published since a moment, best first', async () => {
    const { city, cityOrganisation, request, offers } = fixture;
    const path = `/v1/organisations/${cityOrganisation}/matches`;
    const reply = await call<OrganisationMatches>('GET', path, { as: city });
    expect(reply.status).toBe(200);
    const found = reply.body.items.find((item) => item.contribution.id === request.id)!;
    expect(found.contribution).toEqual({ id: request.id, action: request.action, kind: 'request', title: request.title });
    // All five of this week's, the best first, as the request's own page ranks them; at most five shown, with the total.
    const ours = new Set(Object.values(offers).map(({ id }) => id));
    expect(found.total).toBeGreaterThanOrEqual(5);
    expect(found.items.length).toBeLessThanOrEqual(5);
    const own = (await matchesOf(request)).body.items.filter(({ contribution }) => contribution.createdAt >= reply.body.since);
    expect(found.items.map(({ contribution }) => contribution.id)).toEqual(own.slice(0, 5).map(({ contribution }) => contribution.id));
    expect(found.items[0].contribution.id).toBe(offers.wordsHere.id);
    expect(ours.has(found.items[0].contribution.id)).toBe(true);
    // A week ago unless told; nothing new since a moment to come.
    expect(Date.parse(reply.body.since)).toBeLessThan(Date.now() - 6 * 86_400_000);
    const later = await call<OrganisationMatches>('GET', `${path}?since=${encodeURIComponent(new Date(Date.now() + 60_000).toISOString())}`, { as: city });
    expect(later.body.items).toEqual([]);
    // Its people only; a moment is a moment.
    expect((await call('GET', path)).status).toBe(401);
    expect((await call('GET', path, { as: unique('stranger') })).status).toBe(403);
    expect((await call('GET', `${path}?since=last-week`, { as: city })).status).toBe(400);
  });
});
