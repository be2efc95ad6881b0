// Progress on a contribution, in a real browser: its author says in French what was done and that it is delivered; a
// visitor reads it, in English, on the contribution and in its action's counts. With and without JavaScript.
import { describe, expect, it } from 'vitest';
import { newAction, newContribution, newOrganisation, unique } from '../support/api.ts';
import { expectAccessible, newPage, signInAs, useBrowser } from '../support/browser.ts';

const browser = useBrowser();

describe.each([
  { javaScript: true, label: 'with JavaScript' },
  { javaScript: false, label: 'without JavaScript' },
])('progress on a contribution $label', ({ javaScript, label }) => {
  it('is posted by its author and counted on its action', async ({ task }) => {
    const slug = await newAction('digital-commons');
    const author = unique('progress-author');
    const organisation = await newOrganisation(author, { name: unique('Ministère du Numérique'), kind: 'national-government', country: 'FR' });
    const commitment = await newContribution(author, slug, organisation.id, { title: unique('Open source policy'), offers: ['policy-commitment'] });
    const path = `/actions/${slug}/contributions/${commitment.id}`;

    const page = await newPage(browser(), `${task.name} ${label} (author)`, { javaScript });
    await signInAs(page, author, `/fr${path}`, 'fr');
    expect(await page.getByText('Non commencée', { exact: true }).count()).toBe(1);
    const form = page.locator('section[aria-labelledby="updates"] form');
    // A short text and an address that is not https: each said next to its field, and what was typed kept.
    await form.getByRole('textbox', { name: 'Ce qui s’est passé (affiché publiquement)' }).fill('Ok');
    await form.getByRole('textbox', { name: /^Un lien vers/ }).fill('http://example.org/decret');
    await form.getByRole('button', { name: 'Publier le point d’avancement' }).click();
    await page.locator('#error-update').waitFor();
    expect(await page.locator('#error-link').count()).toBe(1);
    expect(await page.getByRole('textbox', { name: /^Un lien vers/ }).inputValue()).toBe('http://example.org/decret');
    if (javaScript) await expectAccessible(page);

    await page.getByRole('textbox', { name: 'Ce qui s’est passé (affiché publiquement)' }).fill('Le décret est publié au Journal officiel.');
    await page.getByRole('textbox', { name: /^Un lien vers/ }).fill('https://example.org/decret');
    await page.getByRole('radio', { name: 'Réalisée' }).check();
    await page.getByRole('button', { name: 'Publier le point d’avancement' }).click();
    await page.getByText('Le décret est publié au Journal officiel.').waitFor();
    await expect.poll(() => page.locator('dd .tag.progress-delivered').textContent()).toBe('Réalisée');
    // Posted, the form is empty again.
    expect(await page.getByRole('textbox', { name: 'Ce qui s’est passé (affiché publiquement)' }).inputValue()).toBe('');
    if (javaScript) await expectAccessible(page);

    // A visitor reads it, and the action counts it delivered.
    const visitor = await newPage(browser(), `${task.name} ${label} (visitor)`, { javaScript });
    await visitor.goto(path);
    expect(await visitor.locator('dd .tag.progress-delivered').textContent()).toBe('Delivered');
    expect(await visitor.getByText('Le décret est publié au Journal officiel.').count()).toBe(1);
    expect(await visitor.getByRole('button', { name: 'Post the update' }).count()).toBe(0);
    await visitor.goto(`/actions/${slug}`);
    const counts = visitor.locator('h3#progress ~ dl.counts').first();
    expect(await counts.locator('div', { hasText: 'Delivered' }).locator('dd').textContent()).toBe('1');
    expect(await counts.locator('div', { hasText: 'Not started' }).locator('dd').textContent()).toBe('0');
    if (javaScript) await expectAccessible(visitor);
  });
});
