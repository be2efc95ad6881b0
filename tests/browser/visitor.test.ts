import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { expectAccessible, newPage, useBrowser } from '../support/browser.ts';

const browser = useBrowser();

/** Headings, landmarks and the page's language: what a visitor (and a screen reader) meets first. */
async function expectPageBasics(page: Page, lang: 'en' | 'fr') {
  expect(await page.getAttribute('html', 'lang')).toBe(lang);
  expect(await page.locator('h1').count()).toBe(1);
  expect(await page.locator('main#content').count()).toBe(1);
  expect((await page.title()).length).toBeGreaterThan(10);
  expect(await page.locator('meta[name="description"]').getAttribute('content')).toBeTruthy();
}

describe.each([
  { javaScript: true, label: 'with JavaScript' },
  { javaScript: false, label: 'without JavaScript' },
])('a visitor $label', ({ javaScript, label }) => {
  it('browses home → action → contribution in English, then switches to French', async ({ task }) => {
    const page = await newPage(browser(), `${task.name} ${label}`, { javaScript });
    await page.goto('/');
    await expectPageBasics(page, 'en');
    await expect.poll(() => page.locator('h1').textContent()).toBe('Collective actions for open government');

    await page.getByRole('link', { name: 'Open public procurement' }).click();
    await page.waitForURL('**/actions/open-public-procurement');
    await expectPageBasics(page, 'en');
    expect(await page.locator('h1').textContent()).toBe('Open public procurement');
    // The coalition the sources name, its demo lead, its agenda.
    for (const government of ['Government of France', 'Government of Mexico', 'Government of Ukraine', 'Government of the United Kingdom', 'Government of Colombia']) {
      await expect.poll(() => page.getByRole('link', { name: government }).count()).toBe(1);
    }
    expect(await page.getByRole('heading', { name: 'OGP Global Summit: the collective actions are launched' }).count()).toBe(1);

    await page.getByRole('link', { name: 'Demo — Open data on municipal contracts' }).click();
    await page.waitForURL('**/contributions/**');
    expect(await page.locator('h1').textContent()).toBe('Demo — Open data on municipal contracts');
    expect(await page.locator('article').getAttribute('lang')).toBe('en');

    await page.getByRole('link', { name: 'Français' }).click();
    await page.waitForURL('**/fr/actions/open-public-procurement/contributions/**');
    await expectPageBasics(page, 'fr');
    expect(await page.getByText('Action collective').count()).toBeGreaterThan(0);
    await page.getByRole('link', { name: 'Transparence des marchés publics' }).click();
    await page.waitForURL('**/fr/actions/open-public-procurement');
    expect(await page.locator('h1').textContent()).toBe('Transparence des marchés publics');
  });

  it('filters an action’s contributions with the form', async ({ task }) => {
    const page = await newPage(browser(), `${task.name} ${label}`, { javaScript });
    await page.goto('/actions/open-public-procurement');
    // Once the page's scripts have run (with JavaScript), so they find the form as the visitor left it.
    await page.waitForLoadState('networkidle');
    await page.getByLabel('Kind of organisation').selectOption('local-government');
    await page.getByRole('button', { name: 'Filter' }).click();
    await page.waitForURL('**organisationKind=local-government**');
    const titles = await page.locator('#contributions ~ ul h3, section[aria-labelledby="contributions"] li h3').allTextContents();
    expect(titles).toEqual(['Demo — We seek help to publish our contracts in the Open Contracting Data Standard', 'Demo — Open data on municipal contracts']);
    expect(await page.getByRole('link', { name: 'Clear filters' }).count()).toBe(1);
  });

  it('finds the offers that could answer a request, and the requests an offer could answer, in English and French', async ({ task }) => {
    const page = await newPage(browser(), `${task.name} ${label}`, { javaScript });
    await page.goto('/actions/open-public-procurement');
    await page.getByRole('link', { name: 'Demo — We seek help to publish our contracts in the Open Contracting Data Standard' }).click();
    await page.waitForURL('**/contributions/**');
    const matches = page.locator('section[aria-labelledby="matches"]');
    await expect.poll(() => matches.getByRole('heading').textContent()).toBe('Offers that could answer this request');
    // The two demo offers in the action that name expertise or tools, each with why it fits.
    const toolkit = matches.getByRole('listitem').filter({ hasText: 'Demo — Contract-monitoring toolkit for journalists' });
    expect(await toolkit.textContent()).toMatch(/Types of help in common:\s*Tools\s*Expertise\s*In this action · Anywhere · Same language/);
    expect(await matches.getByRole('link', { name: 'Demo — Host the coalition’s implementation workshops' }).count()).toBe(1);
    // axe runs in the page: with its scripts only.
    if (javaScript) await expectAccessible(page);

    const offer = (await toolkit.getByRole('link').getAttribute('href'))!;
    await toolkit.getByRole('link').click();
    await page.waitForURL(`**${offer}`);
    expect(await page.locator('h1').textContent()).toBe('Demo — Contract-monitoring toolkit for journalists');
    expect(await matches.getByRole('heading').textContent()).toBe('Requests this offer could answer');
    expect(await matches.getByRole('link', { name: 'Demo — We seek help to publish our contracts in the Open Contracting Data Standard' }).count()).toBe(1);

    await page.getByRole('link', { name: 'Français' }).click();
    await page.waitForURL(`**/fr${offer}`);
    expect(await matches.getByRole('heading').textContent()).toBe('Demandes auxquelles cette offre pourrait répondre');
    expect(await matches.getByRole('listitem').first().textContent()).toContain('Dans cette action · Europe · Même langue');
    if (javaScript) await expectAccessible(page);
  });
});

describe('every public page', () => {
  const pages = [
    '/',
    '/fr',
    '/actions/open-public-procurement',
    '/fr/actions/open-public-procurement',
    '/organisations/01JDEM00000000000000000004',
    '/fr/organisations/01JC5000000000000000000001',
    '/agenda',
    '/fr/agenda',
    '/organisations',
    '/fr/organisations?kind=civil-society',
    '/stats',
    '/fr/stats',
    '/search?q=marches+publics',
    '/fr/search?q=donnees+ouvertes',
    '/data',
    '/fr/data',
    '/developers',
    '/fr/developers',
  ];

  it.each(pages)('%s has no accessibility violation axe-core can find', async (path) => {
    const page = await newPage(browser(), `axe ${path}`);
    const response = await page.goto(path);
    expect(response?.status()).toBe(200);
    await expectAccessible(page);
  });

  it('reaches the main content with the skip link first in the tab order', async ({ task }) => {
    const page = await newPage(browser(), task.name);
    await page.goto('/');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to content');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => location.hash)).toBe('#content');
  });

  it('answers 404 with a page in the visitor’s language', async ({ task }) => {
    const page = await newPage(browser(), task.name);
    const response = await page.goto('/fr/actions/no-such-action');
    expect(response?.status()).toBe(404);
    expect(await page.locator('h1').textContent()).toBe('Cette page n’existe pas.');
    expect(await page.getAttribute('html', 'lang')).toBe('fr');
  });
});
