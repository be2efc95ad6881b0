// The organisation directory, in a real browser: a visitor finds organisations by the start of their name (whatever
// its accents or case), by kind and by country, in French and English, and sees which ones the stewards verified, there
// and on the organisation's page. With and without JavaScript.
import { beforeAll, describe, expect, it } from 'vitest';
import { call, newOrganisation, unique } from '../support/api.ts';
import { expectAccessible, newPage, useBrowser } from '../support/browser.ts';

const browser = useBrowser();

let prefix = '';
let verified = { id: '', name: '' };
let council = { id: '', name: '' };

beforeAll(async () => {
  prefix = unique('Cité');
  verified = await newOrganisation(unique('directory'), { name: `${prefix} Ministère`, kind: 'national-government', country: 'SN' });
  council = await newOrganisation(unique('directory'), { name: `${prefix} Conseil`, kind: 'local-government', country: 'SN' });
  const version = (await call('GET', `/v1/organisations/${verified.id}`)).body.version;
  expect((await call('POST', `/v1/organisations/${verified.id}/verification`, { as: 'steward', body: { version } })).status).toBe(200);
});

describe.each([
  { javaScript: true, label: 'with JavaScript' },
  { javaScript: false, label: 'without JavaScript' },
])('the organisation directory $label', ({ javaScript, label }) => {
  it('finds organisations by name, kind and country, with their verified badge', async ({ task }) => {
    const page = await newPage(browser(), `${task.name} ${label}`, { javaScript });
    await page.goto('/fr');
    await page.getByRole('navigation', { name: 'Principale' }).getByRole('link', { name: 'Organisations' }).click();
    await page.waitForURL('**/fr/organisations');
    // Typed without the accent and in capitals: found all the same.
    await page.getByLabel('Le nom commence par').fill(prefix.normalize('NFD').replace(/\p{M}/gu, '').toUpperCase());
    await page.getByRole('button', { name: 'Filtrer' }).click();
    await page.waitForURL('**/fr/organisations?name=*');
    const found = page.locator('section[aria-labelledby="found"] li');
    expect(await found.locator('h3 a').allTextContents()).toEqual([council.name, verified.name]);
    expect(await found.nth(1).locator('.tag.verified').textContent()).toBe('✓ Vérifiée');
    expect(await found.nth(0).locator('.tag.verified').count()).toBe(0);
    expect(await found.nth(0).textContent()).toContain('Collectivité locale, Sénégal · 0 contribution publique');
    if (javaScript) await expectAccessible(page);

    await page.getByLabel('Type d’organisation').selectOption('national-government');
    await page.getByRole('button', { name: 'Filtrer' }).click();
    await page.waitForURL('**/fr/organisations?*kind=national-government*');
    expect(await found.locator('h3 a').allTextContents()).toEqual([verified.name]);
    await page.getByLabel('Pays').selectOption('FR');
    await page.getByRole('button', { name: 'Filtrer' }).click();
    await page.waitForURL('**/fr/organisations?*country=FR*');
    expect(await page.getByText(/^Aucune organisation ne correspond\./).count()).toBe(1);
    if (javaScript) await expectAccessible(page);

    await page.getByRole('link', { name: 'Effacer les filtres' }).click();
    await page.waitForURL((url) => url.pathname === '/fr/organisations' && url.search === '');
    await page.goto(`/organisations/${verified.id}`);
    expect(await page.locator('h1').textContent()).toBe(`${verified.name} ✓ Verified`);
  });
});
