import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import * as counts from '@collective-actions/functions/data/counts.ts';
import * as seedMarker from '@collective-actions/functions/data/seed-marker.ts';
import * as toolkit from '@collective-actions/functions/data/toolkit.ts';
import type { ActionList, AgendaPage, CoalitionMember, ContributionPage, CooperationList, OrganisationPage } from '@collective-actions/shared';
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

  it("has the open public procurement coalition with the 'Contracting 5' governments, led by a demo organisation", async () => {
    const members = (await call<{ items: CoalitionMember[] }>('GET', '/v1/actions/open-public-procurement/members')).body.items;
    expect(members.filter((member) => member.role === 'lead').map((member) => member.organisation.name)).toEqual(['Open Contracting Demo Network (demo)']);
    expect(members.filter((member) => member.organisation.kind === 'national-government').map((member) => member.organisation.country).sort()).toEqual(
      ['CO', 'FR', 'GB', 'MX', 'UA'],
    );
    // The demo lead account sees the demo request waiting for it.
    const asLead = (await call<{ items: CoalitionMember[] }>('GET', '/v1/actions/open-public-procurement/members', { as: 'lead' })).body.items;
    expect(asLead.filter((member) => member.status === 'requested').map((member) => member.organisation.name)).toEqual(['Demo Open Data Collective (demo)']);
  });

  it('gives five coalitions a lead, and three of them an agenda from 2016 on with items still to come', async () => {
    const { actions } = (await call<ActionList>('GET', '/v1/actions')).body;
    expect(actions.filter((action) => action.position <= 21 && action.counts.leads > 0)).toHaveLength(5);
    const agenda = (await call<AgendaPage>('GET', '/v1/actions/open-public-procurement/agenda')).body.items;
    expect(agenda[0]).toMatchObject({ title: 'OGP Global Summit: the collective actions are launched', start: '2016-12-07', end: '2016-12-09' });
    expect(agenda.slice(1).every((item) => item.title.startsWith('Demo —'))).toBe(true);
    expect((await call<AgendaPage>('GET', '/v1/agenda')).body.items.length).toBeGreaterThan(0);
  });

  it('has counts that equal the contributions and memberships stored', async () => {
    const { actions } = (await call<ActionList>('GET', '/v1/actions')).body;
    for (const action of actions.filter((one) => one.position <= 21)) {
      expect(action.counts, action.slug).toEqual(await counts.recountAction(action.slug));
    }
  });

  it('marks every demo organisation and contribution as demo', async () => {
    const directory = (await call<OrganisationPage>('GET', '/v1/organisations?limit=100')).body.items;
    const demo = directory.filter((organisation) => organisation.id.startsWith('01JDEM'));
    expect(demo).toHaveLength(5);
    // The only other seeded organisations are the governments the sources name.
    expect(directory.filter((organisation) => organisation.id.startsWith('01JC5')).map((organisation) => organisation.name)).toHaveLength(5);
    expect(demo.every((organisation) => organisation.name.includes('(demo)'))).toBe(true);
    const contributions = (await call<ContributionPage>('GET', '/v1/actions/open-public-procurement/contributions')).body.items;
    expect(contributions.filter((item) => item.organisation.id.startsWith('01JDEM')).every((item) => /^Demo —/.test(item.title))).toBe(true);
  });

  it('has two demo cooperations agreed by both organisations, one in progress and one delivered, each with a progress update', async () => {
    const { items } = (await call<CooperationList>('GET', '/v1/actions/open-public-procurement/cooperations')).body;
    const demo = items.filter((cooperation) => cooperation.contribution.title.startsWith('Demo —') && cooperation.proposer.id.startsWith('01JDEM'));
    expect(demo.map((cooperation) => [cooperation.proposer.name, cooperation.partner.name, cooperation.status]).sort()).toEqual([
      ['City of Demoville (demo)', 'Open Contracting Demo Network (demo)', 'in-progress'],
      ['Demo Ministry of Public Transformation (demo)', 'Demo Open Data Collective (demo)', 'delivered'],
    ]);
    for (const cooperation of demo) {
      const updates = (await call('GET', `/v1/actions/open-public-procurement/cooperations/${cooperation.id}/updates`)).body.items;
      expect(updates.map((update: { text: string }) => update.text.slice(0, 7))).toEqual(['Demo — ']);
    }
    expect((await call<CooperationList>('GET', '/v1/cooperations?status=delivered&limit=100')).body.items.map(({ id }) => id)).toContain(
      demo.find((cooperation) => cooperation.status === 'delivered')!.id,
    );
  });

  it('gives records written before the change feed their entries when a table seeded at version 2 starts again', async () => {
    const { tableName } = await import('@collective-actions/functions/data/client.ts');
    const { documents } = await import('@collective-actions/functions/local/sdk-clients.ts');
    const { UpdateCommand } = await import('@aws-sdk/lib-dynamodb');
    const { seed } = await import('@collective-actions/functions/local/seed.ts');
    const [demo] = (await call<ContributionPage>('GET', '/v1/actions/open-public-procurement/contributions')).body.items.filter((item) =>
      item.organisation.id.startsWith('01JDEM'),
    );
    const key = { PK: 'ACTION#open-public-procurement', SK: `CONTRIBUTION#${demo.id}` };
    const entry = (await toolkit.getItem(key, true))!.GSI5SK;
    expect(entry).toBe(`${demo.createdAt}#CONTRIBUTION#${demo.id}#open-public-procurement`);
    await documents.send(new UpdateCommand({ TableName: tableName, Key: key, UpdateExpression: 'REMOVE GSI5PK, GSI5SK' }));
    await seedMarker.putSeedVersion(2, new Date().toISOString());
    expect(await seed()).toBe('seeded');
    expect((await toolkit.getItem(key, true))!).toMatchObject({ GSI5PK: 'CHANGES', GSI5SK: entry });
    expect(await seed()).toBe('present');
  });
});
