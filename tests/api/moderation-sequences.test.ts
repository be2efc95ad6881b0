// Moderation and author changes in any order, one at a time or at once: every count and index entry stays true to the
// records (the consistency checker after each step), and the public and hidden lists agree with what is stored.
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkConsistency } from '@collective-actions/functions/data/consistency.ts';
import * as contributionRecords from '@collective-actions/functions/data/contributions.ts';
import type { Contribution } from '@collective-actions/shared';
import { call, joinCoalition, newCoalition, newContribution, unique } from '../support/api.ts';

type Change = 'hide' | 'reword' | 'show' | 'withdraw' | 'edit';

/** What each change may answer: a withdrawn contribution can be neither hidden nor edited (409). */
const answers: Record<Change, number[]> = { hide: [200, 409], reword: [200, 409], show: [200], withdraw: [204], edit: [200, 409] };

describe('moderation and withdrawal, in any order', () => {
  let slug: string;
  let lead: string;
  let author: string;
  let organisationId: string;

  beforeAll(async () => {
    ({ slug, lead } = await newCoalition());
    author = unique('author');
    organisationId = (await joinCoalition(slug, author, lead)).id;
  });

  async function apply(change: Change, contribution: Contribution): Promise<number> {
    const path = `/v1/actions/${slug}/contributions/${contribution.id}`;
    switch (change) {
      case 'hide':
      case 'reword':
        return (await call('PUT', `${path}/hidden`, { as: lead, body: { reason: change === 'hide' ? 'Off topic.' : 'Advertising, in fact.' } })).status;
      case 'show':
        return (await call('DELETE', `${path}/hidden`, { as: lead })).status;
      case 'withdraw':
        return (await call('DELETE', path, { as: author })).status;
      case 'edit': {
        const stored = await contributionRecords.getContribution(slug, contribution.id, true);
        return (await call('PATCH', path, { as: author, body: { version: stored!.version, title: 'Edited meanwhile' } })).status;
      }
    }
  }

  /** Ids of every page of a list. */
  async function listed(query: string, as?: string): Promise<string[]> {
    const ids: string[] = [];
    let next: string | null = null;
    do {
      const page: { body: { items: Contribution[]; next: string | null } } = await call('GET', `/v1/actions/${slug}/contributions?limit=100${query}${next ? `&cursor=${next}` : ''}`, { as });
      ids.push(...page.body.items.map((item) => item.id));
      next = page.body.next;
    } while (next);
    return ids;
  }

  it('keeps every count and list true to the records after each step', { timeout: 600_000 }, async () => {
    const change = fc.constantFrom<Change>('hide', 'reword', 'show', 'withdraw', 'edit');
    // A step is one change, or two sent at once.
    const steps = fc.array(fc.array(change, { minLength: 1, maxLength: 2 }), { minLength: 1, maxLength: 5 });
    await fc.assert(
      fc.asyncProperty(steps, async (sequence) => {
        const contribution = await newContribution(author, slug, organisationId);
        for (const step of sequence) {
          const statuses = await Promise.all(step.map((one) => apply(one, contribution)));
          step.forEach((one, index) => expect(answers[one], `${one} in ${JSON.stringify(sequence)}`).toContain(statuses[index]));
          expect(await checkConsistency([slug]), `after ${JSON.stringify(step)} in ${JSON.stringify(sequence)}`).toEqual([]);
        }
        const stored = (await contributionRecords.getContribution(slug, contribution.id, true))!;
        const visible = stored.status === 'published' && !stored.hidden;
        expect((await listed('')).includes(contribution.id)).toBe(visible);
        expect((await listed('&visibility=hidden', lead)).includes(contribution.id)).toBe(Boolean(stored.hidden));
        expect((await call('GET', `/v1/actions/${slug}/contributions/${contribution.id}`)).status).toBe(visible ? 200 : 404);
      }),
      { numRuns: Number(process.env.MODERATION_RUNS ?? 30), seed: Number(process.env.FUZZ_SEED ?? 20_261_202), endOnFailure: true },
    );
  });

  it('keeps a contribution that was hidden, then withdrawn, in the leads’ hidden list until it is shown again', async () => {
    const contribution = await newContribution(author, slug, organisationId);
    expect(await apply('hide', contribution)).toBe(200);
    expect(await apply('withdraw', contribution)).toBe(204);
    expect(await checkConsistency([slug])).toEqual([]);
    expect(await listed('&visibility=hidden', lead)).toContain(contribution.id);
    expect(await apply('show', contribution)).toBe(200);
    expect(await listed('&visibility=hidden', lead)).not.toContain(contribution.id);
    expect(await listed('')).not.toContain(contribution.id);
    expect(await checkConsistency([slug])).toEqual([]);
  });
});
