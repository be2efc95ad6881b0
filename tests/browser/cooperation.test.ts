// A cooperation as its two organisations and the public live it, in a real browser: a city finds an offer among its
// dashboard's new matches and its request's, and proposes (in French), the organisation that offers is told and answers
// in the thread (in English), both accept, and the public sees the cooperation, its progress updates and how it goes,
// counted on its action. With and without JavaScript.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { newAction, newContribution, newOrganisation, unique } from '../support/api.ts';
import { expectAccessible, newPage, signInAs, useBrowser } from '../support/browser.ts';
import { snapshotAfter } from '../support/open-data.ts';

const browser = useBrowser();

/** Sends a form and waits for the page it leads to (with JavaScript, the enhanced form updates the page in place). */
async function submit(page: Page, button: string, then: string) {
  await page.getByRole('button', { name: button, exact: true }).click();
  await page.getByText(then, { exact: true }).first().waitFor();
}

describe.each([
  { javaScript: true, label: 'with JavaScript' },
  { javaScript: false, label: 'without JavaScript' },
])('a cooperation $label', ({ javaScript, label }) => {
  it('goes from a match to a proposal, a thread, both acceptances and a public status, in French and English', async ({ task }) => {
    const word = `zorbl${crypto.randomUUID().replace(/[^a-f]/g, '').slice(0, 6)}`;
    const slug = await newAction('digital-commons');
    const [cityAdmin, csoAdmin] = [unique('city-admin'), unique('cso-admin')];
    const city = await newOrganisation(cityAdmin, { name: unique('Ville de Démoville'), kind: 'local-government' });
    const cso = await newOrganisation(csoAdmin, { name: unique('Open Tools Network'), kind: 'civil-society', country: 'GB' });
    const since = new Date().toISOString();
    const offer = await newContribution(csoAdmin, slug, cso.id, { title: `Open ${word} tooling`, text: `We coach teams on ${word} registers.`, offers: ['tools', 'expertise'] });
    const request = await newContribution(cityAdmin, slug, city.id, { kind: 'request', title: `Help with ${word} registers`, text: `We seek help to publish ${word} registers.`, offers: ['expertise'] });
    await snapshotAfter(since);

    // The city's admin finds the offer among the new matches on their dashboard, then among the request's, and proposes,
    // in French.
    const cityPage = await newPage(browser(), `${task.name} ${label} (city)`, { javaScript });
    await signInAs(cityPage, cityAdmin, '/fr/workspace', 'fr');
    const newMatches = cityPage.locator(`section[aria-labelledby="matches-${city.id}"]`);
    expect(await newMatches.getByRole('link', { name: offer.title }).count()).toBe(1);
    await newMatches.getByRole('link', { name: new RegExp(`pourrai(en)?t répondre à « ${request.title} »`) }).click();
    await cityPage.waitForURL(`**/fr/actions/${slug}/contributions/${request.id}#matches`);
    if (javaScript) await expectAccessible(cityPage);
    await cityPage.locator('section[aria-labelledby="matches"]').getByRole('link', { name: offer.title }).click();
    await cityPage.waitForURL(`**/fr/actions/${slug}/contributions/${offer.id}`);
    const cooperate = cityPage.locator('section[aria-labelledby="cooperate"]');
    expect(await cooperate.getByRole('heading').textContent()).toBe('Coopérer');
    if (javaScript) await expectAccessible(cityPage);
    await cooperate.getByLabel('Au nom de votre organisation').selectOption({ label: city.name });
    await cooperate.getByRole('textbox', { name: 'Votre message' }).fill('Bonjour : pourriez-vous nous accompagner ? Notre plan : https://example.org/plan.');
    await cooperate.getByRole('button', { name: 'Proposer une coopération' }).click();
    await cityPage.waitForURL(`**/fr/actions/${slug}/cooperations/**`);
    const thread = new URL(cityPage.url()).pathname.replace(/^\/fr/, '');
    expect(await cityPage.locator('h1').textContent()).toBe(`Coopération sur « ${offer.title} »`);
    expect(await cityPage.getByText('Proposée', { exact: true }).count()).toBe(1);
    expect(await cityPage.getByRole('link', { name: 'https://example.org/plan' }).count()).toBe(1);
    if (javaScript) await expectAccessible(cityPage);

    // Nobody else finds it.
    const visitor = await newPage(browser(), `${task.name} ${label} (visitor)`, { javaScript });
    expect((await visitor.goto(thread))?.status()).toBe(404);

    // The other organisation's admin is told, opens the thread from the notification, answers and accepts, in English.
    const csoPage = await newPage(browser(), `${task.name} ${label} (cso)`, { javaScript });
    await signInAs(csoPage, csoAdmin, '/notifications');
    const told = csoPage.getByRole('link', { name: `${city.name} proposes to cooperate with you on “${offer.title}” in Test action ${slug}.` });
    await expect.poll(async () => { await csoPage.reload(); return told.count(); }, { timeout: 15_000 }).toBe(1);
    await told.click();
    await csoPage.waitForURL(`**${thread}`);
    await csoPage.getByRole('textbox', { name: 'Your message' }).fill('Gladly: shall we talk on Tuesday?');
    await submit(csoPage, 'Send', 'Gladly: shall we talk on Tuesday?');
    await submit(csoPage, `Accept for ${cso.name}`, `${cso.name}: accepted on ${new Intl.DateTimeFormat('en', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date())}`);
    if (javaScript) await expectAccessible(csoPage);

    // The city reads the answer and accepts too: the cooperation is agreed, and public.
    await cityPage.goto(`/fr${thread}`);
    expect(await cityPage.getByText('Gladly: shall we talk on Tuesday?').count()).toBe(1);
    await submit(cityPage, `Accepter au nom de ${city.name}`, 'Convenue');
    await visitor.goto(thread);
    expect(await visitor.locator('h1').textContent()).toBe(`Cooperation on “${offer.title}”`);
    expect(await visitor.getByText('Agreed', { exact: true }).count()).toBe(1);
    // Its thread stays the two organisations' own.
    expect(await visitor.getByText('Gladly').count()).toBe(0);
    if (javaScript) await expectAccessible(visitor);

    // The organisation that offers says how it goes; the public sees it.
    await csoPage.goto(thread);
    await submit(csoPage, 'It is in progress', 'In progress');
    // A progress update, public: an address written short is refused next to its field, and what was typed stays.
    await csoPage.getByLabel('What happened (shown publicly)').fill('First workshop held with the city’s team.');
    await csoPage.getByLabel('A link to what it produced (optional, https://…)').fill('example.org/report');
    await csoPage.getByRole('button', { name: 'Post the update' }).click();
    await csoPage.locator('#error-link').waitFor();
    expect(await csoPage.getByLabel('What happened (shown publicly)').inputValue()).toBe('First workshop held with the city’s team.');
    await csoPage.getByLabel('A link to what it produced (optional, https://…)').fill('https://example.org/report');
    await submit(csoPage, 'Post the update', 'First workshop held with the city’s team.');
    await submit(csoPage, 'It is delivered', 'Delivered');
    if (javaScript) await expectAccessible(csoPage);
    await visitor.goto(`/fr${thread}`);
    expect(await visitor.getByText('Réalisée', { exact: true }).count()).toBe(1);
    const updates = visitor.locator('section[aria-labelledby="updates"]');
    expect(await updates.getByRole('heading').textContent()).toBe('Points d’avancement');
    expect(await updates.getByText('First workshop held with the city’s team.').count()).toBe(1);
    expect(await updates.getByRole('link', { name: 'https://example.org/report' }).count()).toBe(1);

    // The action's counts move, and the cooperation is listed on the action and on the offer.
    const counts = async (path: string) => {
      await visitor.goto(path);
      const section = visitor.locator('section[aria-labelledby="cooperations"], section[aria-labelledby="cooperate"]');
      const figures = await section.locator('dl.counts > div').allInnerTexts();
      return { figures: figures.map((text) => text.replace(/\s+/g, ' ').trim()), listed: await section.getByRole('link', { name: `Cooperation on “${offer.title}”` }).count() };
    };
    expect(await counts(`/actions/${slug}`)).toEqual({ figures: ['Agreed 0', 'In progress 0', 'Delivered 1', 'Stopped 0'], listed: 1 });
    expect(await counts(`/actions/${slug}/contributions/${offer.id}`)).toEqual({ figures: [], listed: 1 });
    if (javaScript) await expectAccessible(visitor);
  });
});
