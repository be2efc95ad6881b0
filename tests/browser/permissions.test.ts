import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { call, newCoalition, newContribution, newOrganisation, unique } from '../support/api.ts';
import { newPage, signInAs, useBrowser } from '../support/browser.ts';

const browser = useBrowser();

/** Which of the given buttons and links that change something are on the page. */
const shown = async (controls: Record<string, () => ReturnType<Page['getByRole']>>) =>
  Object.fromEntries(await Promise.all(Object.entries(controls).map(async ([name, locate]) => [name, (await locate().count()) > 0])));

describe('the buttons each person is shown', () => {
  it('are the ones the API’s `can` allows: the author edits, the lead hides and runs the coalition', async ({ task }) => {
    const { slug, lead } = await newCoalition();
    const author = unique('author');
    const organisation = await newOrganisation(author);
    const contribution = await newContribution(author, slug, organisation.id);
    const path = `/actions/${slug}/contributions/${contribution.id}`;
    const controls = (page: Page) => ({
      edit: () => page.getByRole('link', { name: 'Edit', exact: true }),
      hide: () => page.getByRole('button', { name: 'Hide', exact: true }),
    });

    const asAuthor = await newPage(browser(), `${task.name} (author)`);
    await signInAs(asAuthor, author, path);
    expect(await shown(controls(asAuthor))).toEqual({ edit: true, hide: false });
    await asAuthor.goto(`/actions/${slug}`);
    expect(await asAuthor.getByRole('link', { name: /Run this coalition/ }).count()).toBe(0);

    const asLead = await newPage(browser(), `${task.name} (lead)`);
    await signInAs(asLead, lead, path);
    expect(await shown(controls(asLead))).toEqual({ edit: false, hide: true });
    await asLead.goto(`/actions/${slug}`);
    expect(await asLead.getByRole('link', { name: /Run this coalition/ }).count()).toBe(1);

    // And the API agrees with what each was shown.
    const edit = { version: 1, title: 'Edited by the lead' };
    expect((await call('PATCH', `/v1${path}`, { as: lead, body: edit })).status).toBe(403);
    expect((await call('PUT', `/v1${path}/hidden`, { as: author, body: { reason: 'Hidden by its author' } })).status).toBe(403);
  });

  it('let an invited person open a contribution and their organisation’s people first: the invitation is accepted at sign-in', async ({ task }) => {
    const { slug } = await newCoalition();
    const admin = unique('inviter');
    const organisation = await newOrganisation(admin, { name: unique('Inviting Office') });
    const contribution = await newContribution(admin, slug, organisation.id);
    const email = `${unique('invited')}@example.org`;
    expect((await call('POST', `/v1/organisations/${organisation.id}/people`, { as: admin, body: { email } })).status).toBe(201);

    const page = await newPage(browser(), task.name);
    const opened = await page.goto(`/actions/${slug}/contributions/${contribution.id}`);
    expect(opened?.status()).toBe(200);
    await signInAs(page, email, `/actions/${slug}/contributions/${contribution.id}`);
    // A member, not its author nor an admin: nothing to edit here.
    expect(await page.getByRole('link', { name: 'Edit', exact: true }).count()).toBe(0);

    const people = await page.goto(`/workspace/organisations/${organisation.id}`);
    expect(people?.status()).toBe(200);
    // An active member now: their row no longer says they have not signed in yet.
    await expect.poll(() => page.getByRole('row').filter({ hasText: email }).filter({ hasNotText: 'not signed in yet' }).count(), { timeout: 10_000 }).toBe(1);
    expect(await page.getByRole('heading', { name: 'Add a person' }).count()).toBe(0);
  });
});
