import { describe, expect, it } from 'vitest';
import { exportResources } from '@collective-actions/shared';
import { routes } from '@collective-actions/shared/routes';
import { newPage, useBrowser } from '../support/browser.ts';

const browser = useBrowser();

describe.each([
  { javaScript: true, label: 'with JavaScript' },
  { javaScript: false, label: 'without JavaScript' },
])('a visitor $label', ({ javaScript, label }) => {
  it('searches in French without accents and finds the action and its contributions', async ({ task }) => {
    const page = await newPage(browser(), `${task.name} ${label}`, { javaScript });
    await page.goto('/fr');
    await page.getByRole('link', { name: 'Recherche' }).click();
    await page.waitForURL('**/fr/search');
    await page.getByLabel('Mots à chercher').fill('marches publics');
    await page.getByRole('button', { name: 'Chercher' }).click();
    await page.waitForURL('**/fr/search?q=marches+publics');
    await page.getByRole('heading', { name: 'Résultats pour « marches publics »' }).waitFor();
    expect(await page.getByRole('region', { name: /Actions collectives/ }).getByRole('link', { name: 'Transparence des marchés publics' }).count()).toBe(1);
    await page.getByRole('link', { name: 'Transparence des marchés publics' }).first().click();
    await page.waitForURL('**/fr/actions/open-public-procurement');
  });
});

describe('the open-data page', () => {
  it('links every export, in CSV and JSON, with its columns, the data package and the feeds', async ({ task }) => {
    const page = await newPage(browser(), task.name);
    await page.goto('/');
    await page.getByRole('navigation', { name: 'About the platform' }).getByRole('link', { name: 'Open data' }).click();
    await page.waitForURL('**/data');
    expect(await page.getByText('Licence Ouverte / Open Licence 2.0').count()).toBe(1);
    const downloads = await page.locator('.downloads a').evaluateAll((links) => links.map((link) => (link as HTMLAnchorElement).href));
    // Each export of the API, once as CSV and once as JSON.
    expect(downloads.map((href) => new URL(href).pathname.split('/').at(-1)).sort()).toEqual(
      Object.keys(exportResources).flatMap((resource) => [`${resource}.csv`, `${resource}.json`]).sort(),
    );
    for (const href of downloads) {
      const reply = await fetch(href);
      expect(reply.status, href).toBe(200);
      expect(reply.headers.get('content-type'), href).toMatch(href.endsWith('.csv') ? /^text\/csv/ : /^application\/json/);
    }
    for (const name of ['JSON Feed', 'Atom feed']) {
      const href = await page.getByRole('link', { name }).getAttribute('href');
      expect((await fetch(href!)).status, name).toBe(200);
    }
  });
});

describe('the developers page', () => {
  it('shows every operation of the API, with curl examples, in French too', async ({ task }) => {
    const page = await newPage(browser(), task.name);
    await page.goto('/fr/developers');
    expect(await page.locator('h1').textContent()).toBe('Développeurs');
    const operations = await page.locator('article.operation h4').allTextContents();
    expect(operations.sort()).toEqual(routes.map((route) => `${route.method} ${route.path}`).sort());
    expect(await page.locator('pre code').first().textContent()).toMatch(/^curl http:\/\/localhost:\d+\/v1\/actions$/);
    expect(await page.locator('article.operation p[lang="en"]').count()).toBe(routes.length);
    // Who may call each, as the route table says, and each body's fields.
    const operation = (key: string) => page.locator('article.operation', { has: page.locator('h4', { hasText: new RegExp(`^${key.replace(/[{}]/g, '\\$&')}$`) }) });
    expect(await operation('GET /v1/actions').textContent()).toContain('Ouvert à tous, sans jeton');
    expect(await operation('GET /v1/organisations/{id}/contributions').textContent()).toContain('Ouvert à tous ; avec un jeton d’accès');
    expect(await operation('GET /v1/me').textContent()).toContain('Nécessite un jeton d’accès');
    expect(await operation('GET /v1/reports').textContent()).toContain('Nécessite le jeton d’accès d’un responsable de la plateforme');
    expect(await operation('POST /v1/organisations/{id}/verification/withdrawal').textContent()).toMatch(/Corps \(application\/json\) : version \(obligatoire\), note \(obligatoire\)/);
    expect(await operation('POST /v1/actions/{slug}/contributions').textContent()).toMatch(/organisationId \(obligatoire\), kind, offers \(obligatoire\)/);
  });
});
