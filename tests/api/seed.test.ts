import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import * as repository from '@collective-actions/functions/data/repository.ts';
import type { ActionList, ContributionPage, OrganisationPage } from '@collective-actions/shared';
import { call } from '../support/api.ts';

const catalogue = JSON.parse(await readFile(new URL('../../functions/data/collective-actions.json', import.meta.url), 'utf8'));

describe('the first-start data', () => {
  it('holds the 21 collective actions of the Paris Declaration, in their order, in both languages', async () => {
    const { actions } = (await call<ActionList>('GET', '/v1/actions')).body;
    const seeded = actions.filter((action) => action.position <= 21);
    expect(seeded.map((action) => action.slug)).toEqual(catalogue.actions.map((action: { slug: string }) => action.slug));
    const procurement = seeded[0];
    expect(procurement.title).toEqual({ en: 'Open public procurement', fr: 'Transparence des marchés publics' });
    expect(procurement.reported2016).toMatchObject({ countries: 15, civilSociety: 13 });
    expect(seeded.every((action) => action.summary.fr.length > 0)).toBe(true);
  });

  it('has counts that equal the contributions stored', async () => {
    const { actions } = (await call<ActionList>('GET', '/v1/actions')).body;
    for (const action of actions.filter((one) => one.position <= 21)) {
      expect(action.counts, action.slug).toEqual(await repository.recountAction(action.slug));
    }
  });

  it('marks every demo organisation and contribution as demo', async () => {
    const directory = (await call<OrganisationPage>('GET', '/v1/organisations?limit=100')).body.items;
    const demo = directory.filter((organisation) => organisation.id.startsWith('01JDEM'));
    expect(demo).toHaveLength(5);
    expect(demo.every((organisation) => organisation.name.includes('(demo)'))).toBe(true);
    const contributions = (await call<ContributionPage>('GET', '/v1/actions/open-public-procurement/contributions')).body.items;
    expect(contributions.filter((item) => item.organisation.id.startsWith('01JDEM')).every((item) => /^Demo —/.test(item.title))).toBe(true);
  });
});
