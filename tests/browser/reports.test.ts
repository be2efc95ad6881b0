// A message reported to the platform's stewards, in a real browser: one organisation's admin reports a message of the
// other's (in French), a steward finds it in the queue, reads it and nothing else of the thread, and hides it; the thread
// then says so to both sides. With and without JavaScript.
import { describe, expect, it } from 'vitest';
import { call, newAction, newContribution, newOrganisation, unique } from '../support/api.ts';
import { expectAccessible, newPage, signInAs, useBrowser } from '../support/browser.ts';
import { pathOf, propose } from '../support/cooperations.ts';

const browser = useBrowser();

describe.each([
  { javaScript: true, label: 'with JavaScript' },
  { javaScript: false, label: 'without JavaScript' },
])('a report $label', ({ javaScript, label }) => {
  it('goes from the thread to the stewards’ queue, and the message is hidden from the thread', async ({ task }) => {
    const slug = await newAction('digital-commons');
    const [cityAdmin, csoAdmin] = [unique('report-city'), unique('report-cso')];
    const city = await newOrganisation(cityAdmin, { name: unique('Ville de Signalement'), kind: 'local-government' });
    const cso = await newOrganisation(csoAdmin, { name: unique('Rude Tools Network'), kind: 'civil-society', country: 'GB' });
    const offer = await newContribution(csoAdmin, slug, cso.id, { title: unique('Tooling') });
    const first = `Bonjour, ${unique('private')} : pouvons-nous coopérer ?`;
    const cooperation = (await propose(cityAdmin, offer, city.id, first)).body;
    const abuse = `Stop asking, ${unique('insult')}, or else.`;
    await call('POST', `${pathOf(cooperation)}/messages`, { as: csoAdmin, body: { text: abuse } });
    const thread = `/actions/${slug}/cooperations/${cooperation.id}`;

    // The city's admin reports it, in French; without a reason, the form says what is missing.
    const cityPage = await newPage(browser(), `${task.name} ${label} (city)`, { javaScript });
    await signInAs(cityPage, cityAdmin, `/fr${thread}`, 'fr');
    expect(await cityPage.getByRole('link', { name: /^Signaler le message de / }).count()).toBe(1);
    await cityPage.getByRole('link', { name: /^Signaler le message de / }).click();
    const form = cityPage.getByRole('form', { name: 'Signaler ce message aux responsables de la plateforme' });
    await form.waitFor();
    // The form replaces the new message's: one form with a note at a time.
    expect(await cityPage.getByRole('textbox', { name: 'Votre message' }).count()).toBe(0);
    if (javaScript) await expectAccessible(cityPage);
    await form.getByRole('button', { name: 'Signaler aux responsables' }).click();
    await cityPage.locator('#error-reportReason').waitFor();
    await cityPage.getByRole('radio', { name: 'harcèlement ou propos abusifs' }).check();
    await cityPage.getByRole('textbox', { name: 'Ce que les responsables devraient savoir (facultatif)' }).fill('Une menace contre notre équipe.');
    await cityPage.getByRole('button', { name: 'Signaler aux responsables' }).click();
    await cityPage.getByText('Vous avez signalé ce message : les responsables de la plateforme vont décider.').waitFor();
    expect(await cityPage.getByRole('link', { name: /^Signaler le message de / }).count()).toBe(0);
    if (javaScript) await expectAccessible(cityPage);

    // A steward finds it from the workspace: the reported message, and nothing else of the thread.
    const stewardPage = await newPage(browser(), `${task.name} ${label} (steward)`, { javaScript });
    await signInAs(stewardPage, 'steward', '/workspace');
    await stewardPage.getByRole('link', { name: 'Reported messages' }).click();
    await stewardPage.waitForURL('**/workspace/reports');
    const item = stewardPage.locator('article', { hasText: abuse });
    await item.waitFor();
    expect(await item.getByText(`Reported by ${city.name}`, { exact: false }).count()).toBe(1);
    expect(await item.getByText('Une menace contre notre équipe.').count()).toBe(1);
    expect(await stewardPage.getByText(first).count()).toBe(0);
    if (javaScript) await expectAccessible(stewardPage);
    await item.getByRole('textbox', { name: 'Your note (optional, kept with the decision)' }).fill('A threat.');
    await item.getByRole('button', { name: 'Hide the message' }).click();
    await expect.poll(() => stewardPage.locator('article', { hasText: abuse }).count(), { timeout: 10_000 }).toBe(0);
    await stewardPage.getByRole('link', { name: 'Hidden', exact: true }).click();
    await stewardPage.locator('article', { hasText: abuse }).getByText('A threat.', { exact: false }).waitFor();

    // Both sides read that the stewards hid it, and no longer the message.
    for (const [page, path, hidden] of [
      [cityPage, `/fr${thread}`, 'Ce message a été masqué par les responsables de la plateforme à la suite d’un signalement.'],
      [await newPage(browser(), `${task.name} ${label} (cso)`, { javaScript }), thread, 'This message was hidden by the platform’s stewards after a report.'],
    ] as const) {
      if (page === cityPage) await page.goto(path);
      else await signInAs(page, csoAdmin, path);
      await page.getByText(hidden).waitFor();
      expect(await page.getByText(abuse).count()).toBe(0);
    }
  });
});
