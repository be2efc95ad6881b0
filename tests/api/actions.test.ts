import { describe, expect, it } from 'vitest';
import type { Action, ActionList } from '@collective-actions/shared';
import { call, newAction, unique } from '../support/api.ts';

describe('actions', () => {
  it('lists the themes and actions in order, and one theme’s actions', async () => {
    const all = (await call<ActionList>('GET', '/v1/actions')).body;
    expect(all.themes.map((theme) => theme.id)).toEqual(['integrity', 'climate', 'digital-commons']);
    const positions = all.actions.map((action) => action.position);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));

    const climate = (await call<ActionList>('GET', '/v1/actions?theme=climate')).body;
    expect(climate.themes.map((theme) => theme.id)).toEqual(['climate']);
    expect(climate.actions.length).toBeGreaterThanOrEqual(5);
    expect(climate.actions.every((action) => action.theme === 'climate')).toBe(true);

    const unknown = await call('GET', '/v1/actions?theme=no-such-theme');
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors).toEqual([{ parameter: 'theme', detail: 'is not a theme of the platform' }]);
  });

  it('lets a steward create an action at the end of the list', async () => {
    const slug = unique('new-action');
    const reply = await call<Action>('POST', '/v1/actions', {
      as: 'steward',
      body: {
        slug,
        theme: 'digital-commons',
        title: { en: 'Open algorithms', fr: 'Algorithmes publics ouverts' },
        summary: { en: 'Publish the algorithms used in public decisions.', fr: 'Publier les algorithmes des décisions publiques.' },
      },
    });
    expect(reply.status).toBe(201);
    expect(reply.headers.get('location')).toBe(`/v1/actions/${slug}`);
    expect(reply.body).toMatchObject({
      slug,
      workingGroup: null,
      version: 1,
      counts: { contributions: 0, organisations: { 'national-government': 0, 'local-government': 0, 'civil-society': 0, 'international-organisation': 0 } },
    });
    expect(reply.body.position).toBeGreaterThan(21);
    expect((await call('GET', `/v1/actions/${slug}`)).body).toEqual({ ...reply.body, following: false, followers: 0, can: { edit: false, runCoalition: false, appointLeads: false, follow: false } });

    const duplicate = await call('POST', '/v1/actions', { as: 'steward', body: { ...reply.body, slug } });
    expect(duplicate.status).toBe(400);
    const sameSlug = await call('POST', '/v1/actions', {
      as: 'steward',
      body: { slug, theme: 'climate', title: { en: 'Again', fr: 'Encore' }, summary: { en: 'Same slug again.', fr: 'Même identifiant.' } },
    });
    expect(sameSlug.status).toBe(409);
  });

  it('refuses an action in a theme that does not exist', async () => {
    const reply = await call('POST', '/v1/actions', {
      as: 'steward',
      body: { slug: unique('orphan'), theme: 'space', title: { en: 'Orphan', fr: 'Orpheline' }, summary: { en: 'No theme at all.', fr: 'Aucun thème.' } },
    });
    expect(reply.status).toBe(400);
    expect(reply.body.errors).toEqual([{ pointer: '#/theme', detail: 'is not a theme of the platform' }]);
  });

  it('lets a steward edit an action, moving it to another theme, with versions', async () => {
    const slug = await newAction();
    const reply = await call<Action>('PATCH', `/v1/actions/${slug}`, {
      as: 'steward',
      body: { version: 1, theme: 'climate', title: { en: 'Renamed', fr: 'Renommée' } },
    });
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ theme: 'climate', title: { en: 'Renamed', fr: 'Renommée' }, version: 2 });
    const climate = (await call<ActionList>('GET', '/v1/actions?theme=climate')).body.actions.map((action) => action.slug);
    const integrity = (await call<ActionList>('GET', '/v1/actions?theme=integrity')).body.actions.map((action) => action.slug);
    expect(climate).toContain(slug);
    expect(integrity).not.toContain(slug);

    expect((await call('PATCH', `/v1/actions/${slug}`, { as: 'steward', body: { version: 1, workingGroup: 'Late' } })).status).toBe(409);
    expect((await call('PATCH', '/v1/actions/no-such-action', { as: 'steward', body: { version: 1, workingGroup: 'x' } })).status).toBe(404);
  });
});
