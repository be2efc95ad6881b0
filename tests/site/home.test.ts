import { beforeAll, describe, expect, inject, it } from 'vitest';
import type { ActionList } from '@collective-actions/shared';
import { call } from '../support/api.ts';

const siteUrl = inject('siteUrl');

describe('the home page, rendered on the server', () => {
  let actions: ActionList;

  beforeAll(async () => {
    actions = (await call<ActionList>('GET', '/v1/actions')).body;
  });

  const page = async (path: string) => {
    const response = await fetch(`${siteUrl}${path}`);
    expect(response.status).toBe(200);
    return response.text();
  };

  it('lists every action by theme in English, with the counts the API gives', async () => {
    const html = await page('/');
    expect(html).toMatch(/<html lang="en">/);
    expect(html).toContain('<title>Collective actions for open government — Collective Actions</title>');
    for (const theme of actions.themes) expect(html).toContain(theme.title.en);
    for (const action of actions.actions) expect(html).toContain(action.title.en.replaceAll("'", '&#39;'));
    const procurement = actions.actions.find((action) => action.slug === 'open-public-procurement')!;
    const section = html.slice(html.indexOf('Open public procurement'), html.indexOf('Ending abuse of anonymous companies'));
    const text = section.replace(/<!--.*?-->/g, '').replace(/ class="[^"]*"/g, '');
    expect(text).toContain(`<dt>Contributions</dt><dd>${procurement.counts.contributions}</dd>`);
    expect(text).toContain(`<dt>Civil-society organisations</dt><dd>${procurement.counts.organisations['civil-society']}</dd>`);
  });

  it('renders the same page in French under /fr', async () => {
    const html = await page('/fr');
    expect(html).toMatch(/<html lang="fr">/);
    expect(html).toContain('<title>Actions collectives pour un gouvernement ouvert — Actions collectives</title>');
    expect(html).toContain('Transparence des marchés publics');
    expect(html).toContain('hreflang="en"');
  });

  it('lets shared caches keep the page for a minute (it is the same for everyone), browsers checking again', async () => {
    const response = await fetch(`${siteUrl}/`);
    expect(response.headers.get('cache-control')).toBe('public, max-age=0, s-maxage=60');
  });

  it('has a skip link to the main landmark', async () => {
    const html = await page('/');
    expect(html).toMatch(/<a class="skip[^"]*" href="#content">Skip to content<\/a>/);
    expect(html).toMatch(/<main id="content"/);
  });
});
