// Progress on contributions against DynamoDB Local: its author or its organisation's admins post dated public updates
// and say where it stands; the action counts its public contributions not started, in progress and delivered, in the
// transaction of each change, whatever hides, withdraws or races it.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Action, Contribution, ProgressUpdate } from '@collective-actions/shared';
import { checkConsistency } from '@collective-actions/functions/data/consistency.ts';
import { call, newAction, newContribution, newOrganisation, unique } from '../support/api.ts';
import { snapshotAfter } from '../support/open-data.ts';

const fixture = {} as { slug: string; admin: string; author: string; outsider: string; organisationId: string };

const updatesOf = (contribution: Contribution) => `/v1/actions/${contribution.action}/contributions/${contribution.id}/updates`;
const post = (as: string | undefined, contribution: Contribution, body: unknown) => call<ProgressUpdate>('POST', updatesOf(contribution), { as, body });
const progressOf = async (contribution: Contribution) =>
  (await call<Contribution>('GET', `/v1/actions/${contribution.action}/contributions/${contribution.id}`)).body.progress;
const countsOf = async (slug: string) => (await call<Action>('GET', `/v1/actions/${slug}`)).body.counts;

beforeAll(async () => {
  const slug = await newAction('digital-commons');
  const admin = unique('progress-admin');
  const author = `${unique('progress-author')}@example.org`;
  const { id: organisationId } = await newOrganisation(admin);
  await call('POST', `/v1/organisations/${organisationId}/people`, { as: admin, body: { email: author } });
  await call('GET', '/v1/me', { as: author });
  const outsider = unique('progress-outsider');
  await newOrganisation(outsider);
  Object.assign(fixture, { slug, admin, author, outsider, organisationId });
});

describe('progress on a contribution', () => {
  it('is said by its author and its admins, with public updates; the action counts where its contributions stand', async () => {
    const { slug, admin, author, outsider, organisationId } = fixture;
    const commitment = await newContribution(author, slug, organisationId, { title: 'Open source policy commitment', offers: ['policy-commitment'] });
    await newContribution(author, slug, organisationId, { kind: 'request', title: 'Help with a code audit', offers: ['expertise'] });
    expect(await progressOf(commitment)).toBe('not-started');
    expect((await countsOf(slug)).progress).toEqual({ 'not-started': 2, 'in-progress': 0, delivered: 0 });
    expect((await call('GET', updatesOf(commitment))).body).toEqual({ items: [], next: null });

    // Refused, and nothing recorded: nobody, a stranger, bad bodies.
    expect((await post(undefined, commitment, { text: 'Begun.' })).status).toBe(401);
    expect((await post(outsider, commitment, { text: 'Begun.' })).status).toBe(403);
    for (const body of [{ text: 'Go' }, { text: 'Begun.', progress: 'done' }, { text: 'Begun.', progress: 'not-started' }, { text: 'Begun.', link: 'http://example.org' }, { text: 'Begun.', extra: 1 }]) {
      expect((await post(author, commitment, body)).status).toBe(400);
    }
    expect((await call('GET', updatesOf(commitment))).body.items).toEqual([]);

    // A first update says it is in progress; an admin says it is delivered; the author takes it back to in progress.
    const first = await post(author, commitment, { text: 'The policy is drafted.', link: 'https://example.org/draft' });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ text: 'The policy is drafted.', link: 'https://example.org/draft', organisation: { id: organisationId } });
    expect(await progressOf(commitment)).toBe('in-progress');
    expect((await countsOf(slug)).progress).toEqual({ 'not-started': 1, 'in-progress': 1, delivered: 0 });
    expect((await post(admin, commitment, { text: 'Adopted by the cabinet.', progress: 'delivered' })).status).toBe(201);
    expect((await countsOf(slug)).progress).toEqual({ 'not-started': 1, 'in-progress': 0, delivered: 1 });
    // Another update keeps it delivered unless it says otherwise.
    await post(author, commitment, { text: 'Published in the official journal.' });
    expect(await progressOf(commitment)).toBe('delivered');
    await post(author, commitment, { text: 'Announced too soon: the decree is still missing.', progress: 'in-progress' });
    expect((await countsOf(slug)).progress).toEqual({ 'not-started': 1, 'in-progress': 1, delivered: 0 });
    const updates = (await call<{ items: ProgressUpdate[] }>('GET', updatesOf(commitment))).body.items;
    expect(updates.map((update) => update.text)).toEqual([
      'Announced too soon: the decree is still missing.',
      'Published in the official journal.',
      'Adopted by the cabinet.',
      'The policy is drafted.',
    ]);
    expect((await call('GET', `/v1/actions/${slug}/contributions/${commitment.id}`, { as: author })).body.can).toMatchObject({ postUpdate: true });
    expect((await call('GET', `/v1/actions/${slug}/contributions/${commitment.id}`, { as: outsider })).body.can).toMatchObject({ postUpdate: false });
  });

  it('leaves the counts with a contribution hidden or withdrawn, and comes back with it; its updates are as public as it is', async () => {
    const { slug, author, organisationId } = fixture;
    const before = (await countsOf(slug)).progress;
    const offer = await newContribution(author, slug, organisationId, { title: 'Shared registry software' });
    await post(author, offer, { text: 'Released.', progress: 'delivered' });
    expect((await countsOf(slug)).progress).toEqual({ ...before, delivered: before.delivered + 1 });

    const path = `/v1/actions/${slug}/contributions/${offer.id}`;
    expect((await call('PUT', `${path}/hidden`, { as: 'steward', body: { reason: 'Checking its licence.' } })).status).toBe(200);
    expect((await countsOf(slug)).progress).toEqual(before);
    expect((await call('GET', `${path}/updates`)).status).toBe(404);
    const whileHidden = await post(author, offer, { text: 'Still here.' });
    expect(whileHidden.status).toBe(409);
    expect((await call('GET', path, { as: author })).body.can).toMatchObject({ postUpdate: false });
    expect((await call('DELETE', `${path}/hidden`, { as: 'steward' })).status).toBe(200);
    expect((await countsOf(slug)).progress).toEqual({ ...before, delivered: before.delivered + 1 });
    expect((await call('GET', `${path}/updates`)).body.items).toHaveLength(1);

    expect((await call('DELETE', path, { as: author })).status).toBe(204);
    expect((await countsOf(slug)).progress).toEqual(before);
    expect((await call('GET', `${path}/updates`)).status).toBe(404);
    expect((await post(author, offer, { text: 'After withdrawing.' })).status).toBe(404);
  });

  it('keeps the counts equal to the records under concurrent updates, withdrawal among them, and publishes the updates', async () => {
    const { slug, author, admin, organisationId } = fixture;
    const [kept, withdrawn] = await Promise.all([
      newContribution(author, slug, organisationId, { title: 'Kept through the race' }),
      newContribution(author, slug, organisationId, { title: 'Withdrawn in the race' }),
    ]);
    const replies = await Promise.all([
      ...Array.from({ length: 8 }, (_, index) =>
        post(index % 2 ? admin : author, kept, { text: `Kept, step ${index}.`, progress: index % 2 ? 'delivered' : 'in-progress' }),
      ),
      ...Array.from({ length: 4 }, (_, index) => post(author, withdrawn, { text: `Withdrawn, step ${index}.`, progress: 'delivered' })),
      call('DELETE', `/v1/actions/${slug}/contributions/${withdrawn.id}`, { as: admin }),
    ]);
    expect(replies.filter((reply) => reply.status >= 500)).toEqual([]);
    const differences = (await checkConsistency()).filter((difference) => difference.what.includes(slug));
    expect(differences).toEqual([]);

    // A snapshot made after the race, which holds how it ended.
    await snapshotAfter(new Date().toISOString());
    const exported = (await call<Array<{ contributionId: string | null; cooperationId: string | null; text: string; url: string }>>('GET', '/v1/exports/progress-updates.json')).body;
    const row = exported.find((candidate) => candidate.text === 'Kept, step 0.')!;
    expect(row).toMatchObject({ contributionId: kept.id, cooperationId: null });
    expect(row.url).toMatch(new RegExp(`/actions/${slug}/contributions/${kept.id}$`));
    // A withdrawn contribution's updates are no more public than it is.
    expect(exported.filter((candidate) => candidate.contributionId === withdrawn.id)).toEqual([]);
    const contributions = (await call<Array<{ id: string; progress: string }>>('GET', '/v1/exports/contributions.json')).body;
    expect(contributions.find((candidate) => candidate.id === kept.id)?.progress).toBe(await progressOf(kept));
  });
});
