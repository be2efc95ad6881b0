import { describe, expect, it } from 'vitest';
import type { Action, Contribution } from '@collective-actions/shared';
import type { PublicRecords } from './public-records.ts';
import { buildSearchIndex, loadSearchIndex, searchIn } from './search.ts';

const action = { slug: 'open-registers', theme: 'integrity', title: { en: 'Open registers', fr: 'Registres ouverts' }, summary: { en: 'Registers.', fr: 'Registres.' } } as Action;
const contribution = {
  id: '01J0000000000000000000000A',
  action: 'open-registers',
  organisation: { id: '01J0000000000000000000000B', name: 'Demo Network', kind: 'civil-society', country: 'FR' },
  kind: 'offer',
  offers: ['tools'],
  title: 'Register software',
  text: 'Two days of training.',
  links: [],
  language: 'en',
  region: null,
  deadline: null,
  createdAt: '2026-12-01T00:00:00.000Z',
} as unknown as Contribution;
const records: PublicRecords = { actions: [action], contributions: [contribution], organisations: [], memberships: [], agenda: [], cooperations: [], progressUpdates: [] };
const { index } = loadSearchIndex(buildSearchIndex(records));
const found = (q: string) => searchIn(index, { q, limit: 10 }).groups.contributions.items.map(({ id }) => id);

describe('search', () => {
  it('reads an index written before matching, which was MiniSearch’s alone, and has no terms for matching', () => {
    const { index: current } = JSON.parse(buildSearchIndex(records));
    const old = loadSearchIndex(JSON.stringify(current));
    expect(old.terms).toBeUndefined();
    expect(searchIn(old.index, { q: 'training', limit: 10 }).groups.contributions.items.map(({ id }) => id)).toEqual([contribution.id]);
  });

  it('finds a contribution by its words, its title’s prefixes and its organisation, whatever the accents and case', () => {
    for (const q of ['training', 'regist', 'TRAINING', 'démo network']) expect(found(q), q).toEqual([contribution.id]);
  });
});
