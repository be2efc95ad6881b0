// What a person types before the page's scripts have loaded survives their arrival (hydration), on every form of
// the site: tried with the scripts held back 1.5 s each, as on a slow connection.
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AgendaItem, Contribution, Organisation } from '@collective-actions/shared';
import { call, newCoalition, newContribution, newOrganisation } from '../support/api.ts';
import { newPage, signInAs, useBrowser } from '../support/browser.ts';

const browser = useBrowser();

/** What to type in a field of each type. */
const typed: Record<string, string> = {
  text: 'Typed before the scripts came',
  search: 'typed early',
  url: 'https://typed.example.org/early',
  email: 'typed.early@example.org',
  date: '2031-06-30',
  textarea: 'Typed before the scripts came,\non two lines.',
};

const fieldsOf = (page: Page) =>
  page.locator('main form :is(input:not([type=hidden]):not([type=checkbox]):not([type=radio]):not([type=submit]), textarea)');

describe('every form', () => {
  const pages: string[] = [];

  beforeAll(async () => {
    const { slug, lead } = await newCoalition();
    // The steward reaches every form: an organisation of theirs (not in the coalition), a contribution, an agenda item.
    const organisation: Organisation = await newOrganisation('steward');
    const contribution: Contribution = await newContribution('steward', slug, organisation.id);
    const item = (await call<AgendaItem>('POST', `/v1/actions/${slug}/agenda`, { as: lead, body: { kind: 'meeting', title: 'Call', start: '2027-03-15T14:30', timeZone: 'Europe/Paris', language: 'en' } })).body;
    pages.push(
      '/workspace',
      `/workspace/organisations/${organisation.id}`,
      '/workspace/actions/new',
      `/actions/${slug}/edit`,
      `/actions/${slug}/contribute`,
      `/actions/${slug}/contributions/${contribution.id}`,
      `/actions/${slug}/contributions/${contribution.id}/edit`,
      `/actions/${slug}/coalition`,
      `/actions/${slug}/console`,
      `/actions/${slug}/agenda/${item.id}/edit`,
      '/search?q=budget',
    );
  });

  it('keeps what was typed before the scripts loaded', { timeout: 300_000 }, async ({ task }) => {
    const page = await newPage(browser(), task.name);
    await signInAs(page, 'steward', '/workspace');
    await page.route('**/_app/immutable/**/*.js', async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 1500));
      await route.continue();
    });
    for (const path of pages) {
      await page.goto(path, { waitUntil: 'domcontentloaded' });
      const fields = await fieldsOf(page).all();
      expect(fields.length, path).toBeGreaterThan(0);
      const expected: string[] = [];
      for (const field of fields) {
        const kind = await field.evaluate((element) => (element instanceof HTMLTextAreaElement ? 'textarea' : (element as HTMLInputElement).type));
        const value = typed[kind];
        expect(value, `${path}: a field of type ${kind}`).toBeDefined();
        await field.fill(value);
        expected.push(value);
      }
      // The scripts arrive and the page hydrates.
      await page.waitForLoadState('networkidle');
      await page.waitForFunction(() => [...document.scripts].length > 0 && performance.getEntriesByType('resource').some((entry) => entry.name.includes('/_app/immutable/')));
      await page.waitForTimeout(500);
      const kept = await Promise.all((await fieldsOf(page).all()).map((field) => field.inputValue()));
      expect(kept, path).toEqual(expected);
    }
  });

  it('keeps what was chosen before the scripts loaded', { timeout: 60_000 }, async ({ task }) => {
    const page = await newPage(browser(), task.name);
    await signInAs(page, 'steward', '/workspace');
    await page.route('**/_app/immutable/**/*.js', async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 1500));
      await route.continue();
    });
    await page.goto(pages.find((path) => path.endsWith('/contribute'))!, { waitUntil: 'domcontentloaded' });
    const choices = { request: page.getByLabel('We seek help'), data: page.getByLabel('Data'), region: page.getByLabel('Region where the help is offered or sought') };
    await choices.request.check();
    await choices.data.check();
    await choices.region.selectOption('africa');
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(500);
    expect({ request: await choices.request.isChecked(), data: await choices.data.isChecked(), region: await choices.region.inputValue() }).toEqual({ request: true, data: true, region: 'africa' });
  });
});
