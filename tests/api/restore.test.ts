// Restoring a withdrawn contribution: its organisation's people still see it, and may restore it as it was for
// `restorableDays`, back in every list and count it left; nobody else sees it at all.
import { describe, expect, it } from 'vitest';
import { dynamo, tableName } from '@collective-actions/functions/data/client.ts';
import * as counts from '@collective-actions/functions/data/counts.ts';
import { keys } from '@collective-actions/functions/data/keys.ts';
import { restorableDays, type Action, type ContributionPage, type ContributionView } from '@collective-actions/shared';
import { call, joinCoalition, newCoalition, newContribution, unique } from '../support/api.ts';

const countsOf = async (slug: string) => (await call<Action>('GET', `/v1/actions/${slug}`)).body.counts;
const publicIds = async (slug: string) => (await call<ContributionPage>('GET', `/v1/actions/${slug}/contributions`)).body.items.map((item) => item.id);

describe('a withdrawn contribution', () => {
  it('is seen by its organisation’s people only, and restored as it was: listed and counted again, its progress too', async () => {
    const { slug, lead } = await newCoalition();
    const admin = unique('restorer');
    const organisation = await joinCoalition(slug, admin, lead, { kind: 'local-government', country: 'KE' });
    const contribution = await newContribution(admin, slug, organisation.id, { title: 'Open budget portal' });
    const path = `/v1/actions/${slug}/contributions/${contribution.id}`;
    expect((await call('POST', `${path}/updates`, { as: admin, body: { text: 'Live for three counties.', progress: 'delivered' } })).status).toBe(201);
    const before = await countsOf(slug);

    expect((await call('DELETE', path, { as: admin })).status).toBe(204);
    expect(await countsOf(slug)).toMatchObject({ contributions: before.contributions - 1, progress: { delivered: 0 } });
    const seen = await call<ContributionView>('GET', path, { as: admin });
    expect(seen.status).toBe(200);
    expect(seen.body).toMatchObject({ status: 'withdrawn', withdrawnAt: expect.any(String), can: { edit: false, withdraw: false, restore: true, postUpdate: false } });
    for (const as of [undefined, lead, unique('stranger')]) expect((await call('GET', path, { as })).status).toBe(404);
    expect((await call('POST', `${path}/restoration`, { as: lead })).status).toBe(403);

    const restored = await call<ContributionView>('POST', `${path}/restoration`, { as: admin });
    expect(restored.status).toBe(200);
    expect(restored.body).toMatchObject({ status: 'published', progress: 'delivered', version: seen.body.version + 1 });
    expect(restored.body).not.toHaveProperty('withdrawnAt');
    expect(await publicIds(slug)).toContain(contribution.id);
    expect(await countsOf(slug)).toEqual(before);
    expect(await countsOf(slug)).toEqual(await counts.recountAction(slug));
    expect((await call('GET', path)).body).toMatchObject({ status: 'published', title: 'Open budget portal' });
    // Restoring again changes nothing.
    const again = await call<ContributionView>('POST', `${path}/restoration`, { as: admin });
    expect(again.body.version).toBe(restored.body.version);
  });

  it(`can no longer be restored ${restorableDays} days after its withdrawal`, async () => {
    const { slug, lead } = await newCoalition();
    const admin = unique('late');
    const organisation = await joinCoalition(slug, admin, lead);
    const contribution = await newContribution(admin, slug, organisation.id);
    const path = `/v1/actions/${slug}/contributions/${contribution.id}`;
    await call('DELETE', path, { as: admin });
    const longAgo = new Date(Date.now() - restorableDays * 24 * 3600 * 1000 - 60_000).toISOString();
    await dynamo.update({ TableName: tableName, Key: keys.contribution(slug, contribution.id), UpdateExpression: 'SET withdrawnAt = :at', ExpressionAttributeValues: { ':at': longAgo } });
    expect((await call<ContributionView>('GET', path, { as: admin })).body.can.restore).toBe(false);
    const refused = await call('POST', `${path}/restoration`, { as: admin });
    expect(refused.status).toBe(409);
    expect(refused.body.detail).toBe(`This contribution was withdrawn more than ${restorableDays} days ago: it can no longer be restored. Submit it again instead.`);
    expect(await publicIds(slug)).not.toContain(contribution.id);
  });

  it('stays hidden when it was hidden: restored, but in the hidden list only and counted nowhere', async () => {
    const { slug, lead } = await newCoalition();
    const admin = unique('hidden-restorer');
    const organisation = await joinCoalition(slug, admin, lead);
    const contribution = await newContribution(admin, slug, organisation.id);
    const path = `/v1/actions/${slug}/contributions/${contribution.id}`;
    await call('PUT', `${path}/hidden`, { as: lead, body: { reason: 'Not about this action.' } });
    await call('DELETE', path, { as: admin });
    const before = await countsOf(slug);
    const restored = await call<ContributionView>('POST', `${path}/restoration`, { as: admin });
    expect(restored.body).toMatchObject({ status: 'published', hidden: { reason: 'Not about this action.', by: 'lead' } });
    expect(await publicIds(slug)).not.toContain(contribution.id);
    expect(await countsOf(slug)).toEqual(before);
    const hidden = await call<ContributionPage>('GET', `/v1/actions/${slug}/contributions?visibility=hidden`, { as: lead });
    expect(hidden.body.items.map((item) => item.id)).toEqual([contribution.id]);
    // Shown again by the lead, it counts.
    await call('DELETE', `${path}/hidden`, { as: lead });
    expect(await publicIds(slug)).toContain(contribution.id);
    expect(await countsOf(slug)).toEqual(await counts.recountAction(slug));
  });
});
