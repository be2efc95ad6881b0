import { describe, expect, it } from 'vitest';
import * as counts from '@collective-actions/functions/data/counts.ts';
import type { Action, Contribution, ContributionPage, Stats } from '@collective-actions/shared';
import { call, joinCoalition, newCoalition, newContribution, unique } from '../support/api.ts';

const countsOf = async (slug: string) => (await call<Action>('GET', `/v1/actions/${slug}`)).body.counts;
const publicIds = async (slug: string) => (await call<ContributionPage>('GET', `/v1/actions/${slug}/contributions`)).body.items.map((item) => item.id);

describe('moderation', () => {
  it('hides a contribution from every public list and count, shows it to those who may see it, and shows it again', async () => {
    const { slug, lead } = await newCoalition();
    const author = unique('author');
    const organisation = await joinCoalition(slug, author, lead, { kind: 'local-government', country: 'BE' });
    const kept = await newContribution(author, slug, organisation.id, { title: 'A fair offer' });
    const abusive = await newContribution(author, slug, organisation.id, { title: 'An abusive offer' });
    const statsBefore = (await call<Stats>('GET', '/v1/stats')).body;
    const path = `/v1/actions/${slug}/contributions/${abusive.id}`;

    const hidden = await call<Contribution>('PUT', `${path}/hidden`, { as: lead, body: { reason: 'Advertising unrelated to the action.' } });
    expect(hidden.status).toBe(200);
    expect(hidden.body.hidden).toEqual({ reason: 'Advertising unrelated to the action.', at: expect.any(String), by: 'lead' });

    expect(await publicIds(slug)).toEqual([kept.id]);
    expect((await countsOf(slug)).contributions).toBe(1);
    expect(await countsOf(slug)).toEqual(await counts.recountAction(slug));
    expect((await call('GET', `/v1/organisations/${organisation.id}`)).body.contributionCount).toBe(1);
    expect((await call<Stats>('GET', '/v1/stats')).body.contributions).toBe(statsBefore.contributions - 1);

    // Anonymous and outsiders: it does not exist. Its organisation, the lead and stewards: marked hidden, with the reason.
    expect((await call('GET', path)).status).toBe(404);
    expect((await call('GET', path, { as: unique('outsider') })).status).toBe(404);
    for (const who of [author, lead, 'steward']) {
      const seen = await call<Contribution>('GET', path, { as: who });
      expect(seen.status).toBe(200);
      expect(seen.body.hidden?.reason).toBe('Advertising unrelated to the action.');
      expect(seen.headers.get('cache-control')).toBe('private, no-store');
    }
    expect((await call('GET', path)).headers.get('vary')).toBe('authorization, origin');

    // The leads' list of hidden contributions.
    const hiddenList = await call<ContributionPage>('GET', `/v1/actions/${slug}/contributions?visibility=hidden`, { as: lead });
    expect(hiddenList.body.items.map((item) => item.id)).toEqual([abusive.id]);

    // Hiding again rewords the reason and counts nothing twice.
    await call('PUT', `${path}/hidden`, { as: 'steward', body: { reason: 'Spam.' } });
    expect((await call<Contribution>('GET', path, { as: lead })).body.hidden?.reason).toBe('Spam.');
    expect((await countsOf(slug)).contributions).toBe(1);

    const shown = await call<Contribution>('DELETE', `${path}/hidden`, { as: lead });
    expect(shown.status).toBe(200);
    expect(shown.body.hidden).toBeUndefined();
    expect(await publicIds(slug)).toEqual([abusive.id, kept.id]);
    expect((await call<ContributionPage>('GET', `/v1/actions/${slug}/contributions?organisationKind=local-government&country=BE`)).body.items).toHaveLength(2);
    expect(await countsOf(slug)).toEqual(await counts.recountAction(slug));
    expect((await call<Stats>('GET', '/v1/stats')).body).toEqual(statsBefore);
    // Showing a shown contribution changes nothing.
    expect((await call('DELETE', `${path}/hidden`, { as: lead })).status).toBe(200);
    expect((await countsOf(slug)).contributions).toBe(2);
  });

  it('takes an organisation out of the contributor counts when its only contribution is hidden', async () => {
    const { slug, lead } = await newCoalition();
    const author = unique('only');
    const organisation = await joinCoalition(slug, author, lead, { kind: 'national-government' });
    const only = await newContribution(author, slug, organisation.id);
    expect((await countsOf(slug)).organisations['national-government']).toBe(1);
    await call('PUT', `/v1/actions/${slug}/contributions/${only.id}/hidden`, { as: lead, body: { reason: 'Off topic.' } });
    expect((await countsOf(slug)).organisations['national-government']).toBe(0);
    expect(await countsOf(slug)).toEqual(await counts.recountAction(slug));
  });

  it('keeps a hidden contribution out when its author withdraws it, and refuses to hide a withdrawn one', async () => {
    const { slug, lead } = await newCoalition();
    const author = unique('withdrawer');
    const organisation = await joinCoalition(slug, author, lead);
    const contribution = await newContribution(author, slug, organisation.id);
    const path = `/v1/actions/${slug}/contributions/${contribution.id}`;
    await call('PUT', `${path}/hidden`, { as: lead, body: { reason: 'Misleading.' } });
    expect((await call('DELETE', path, { as: author })).status).toBe(204);
    expect(await countsOf(slug)).toEqual(await counts.recountAction(slug));
    expect((await countsOf(slug)).contributions).toBe(0);
    expect((await call('DELETE', `${path}/hidden`, { as: lead })).status).toBe(200);
    // Shown again but still withdrawn: its author sees it so (to restore it), nobody else at all.
    expect((await call('GET', path, { as: author })).body).toMatchObject({ status: 'withdrawn', can: { restore: true } });
    expect((await call('GET', path, { as: lead })).status).toBe(404);
    expect((await countsOf(slug)).contributions).toBe(0);
    expect((await call('PUT', `${path}/hidden`, { as: lead, body: { reason: 'Again.' } })).status).toBe(409);
    expect((await call<ContributionPage>('GET', `/v1/actions/${slug}/contributions?visibility=hidden`, { as: lead })).body.items).toEqual([]);
  });

  it('lets only the leads of that action and stewards moderate', async () => {
    const [here, elsewhere] = [await newCoalition(), await newCoalition()];
    const author = unique('moderated');
    const organisation = await joinCoalition(here.slug, author, here.lead);
    const contribution = await newContribution(author, here.slug, organisation.id);
    const path = `/v1/actions/${here.slug}/contributions/${contribution.id}/hidden`;
    for (const who of [elsewhere.lead, author]) {
      expect((await call('PUT', path, { as: who, body: { reason: 'Not mine to hide.' } })).status).toBe(403);
    }
    expect((await call('GET', `/v1/actions/${here.slug}/contributions?visibility=hidden`)).status).toBe(401);
    expect((await call('GET', `/v1/actions/${here.slug}/contributions?visibility=hidden`, { as: elsewhere.lead })).status).toBe(403);
    expect(await publicIds(here.slug)).toEqual([contribution.id]);
  });
});
