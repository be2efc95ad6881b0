import { describe, expect, it } from 'vitest';
import { apiUrl, newContribution, newOrganisation, unique } from '../support/api.ts';
import { expectAccessible, newPage, signInAs, useBrowser } from '../support/browser.ts';

const browser = useBrowser();

describe('every page a signed-in steward meets', () => {
  // 24 pages, each checked by axe: about half a minute alone, longer on a busy machine.
  it('has no accessibility violation axe-core can find, in both languages', { timeout: 240_000 }, async ({ task }) => {
    const author = unique('swept');
    const organisation = await newOrganisation(author);
    const contribution = await newContribution(author, 'open-public-procurement', organisation.id, { title: 'Swept by axe' });
    const agenda = await (await fetch(`${apiUrl}/v1/actions/open-public-procurement/agenda?limit=1`)).json();
    const page = await newPage(browser(), task.name);
    await signInAs(page, 'steward', '/');
    const paths = [
      '/',
      '/actions/open-public-procurement',
      `/actions/open-public-procurement/contributions/${contribution.id}`,
      `/actions/open-public-procurement/agenda/${agenda.items[0].id}`,
      '/actions/open-public-procurement/console',
      '/actions/open-public-procurement/coalition',
      '/actions/open-public-procurement/edit',
      `/organisations/${organisation.id}`,
      '/agenda',
      '/stats',
      '/workspace',
      '/workspace/actions/new',
    ];
    for (const path of paths.flatMap((one) => [one, `/fr${one === '/' ? '' : one}`])) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(200);
      await expectAccessible(page);
    }
  });
});
