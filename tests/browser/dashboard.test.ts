// The dashboard, in a real browser, as each role finds it: an organisation's admin, in French, sees its request to
// join waiting and its contributions as they stand (hidden by a lead, with why; withdrawn); the coalition's lead follows
// the count of requests waiting to its console, approves, then makes it a lead and removes it (each confirmed, and said
// done); a steward finds the hidden one among those hidden lately.
// With and without JavaScript.
import { describe, expect, it } from 'vitest';
import { call, newCoalition, newContribution, newOrganisation, unique } from '../support/api.ts';
import { expectAccessible, newPage, signInAs, useBrowser } from '../support/browser.ts';

const browser = useBrowser();

describe.each([
  { javaScript: true, label: 'with JavaScript' },
  { javaScript: false, label: 'without JavaScript' },
])('the dashboard $label', ({ javaScript, label }) => {
  it('shows each role what waits for it, and where to act', async ({ task }) => {
    const { slug, lead } = await newCoalition();
    const admin = unique('dashboard-admin');
    const organisation = await newOrganisation(admin, { name: unique('Ministère du Numérique'), kind: 'national-government', country: 'FR' });
    expect((await call('POST', `/v1/actions/${slug}/members`, { as: admin, body: { organisationId: organisation.id } })).status).toBe(201);
    const shown = await newContribution(admin, slug, organisation.id, { title: unique('Open source policy') });
    const hidden = await newContribution(admin, slug, organisation.id, { title: unique('Consulting offer') });
    const withdrawn = await newContribution(admin, slug, organisation.id, { title: unique('Old offer') });
    await call('PUT', `/v1/actions/${slug}/contributions/${hidden.id}/hidden`, { as: lead, body: { reason: 'Advertises paid services.' } });
    await call('DELETE', `/v1/actions/${slug}/contributions/${withdrawn.id}`, { as: admin });

    // The organisation's admin, in French.
    const page = await newPage(browser(), `${task.name} ${label} (admin)`, { javaScript });
    await signInAs(page, admin, '/fr/workspace', 'fr');
    const card = page.locator(`article[aria-labelledby="organisation-${organisation.id}"]`);
    const coalitions = card.locator(`section[aria-labelledby="coalitions-${organisation.id}"]`);
    expect(await coalitions.textContent()).toMatch(/Adhésion demandée le .+ : en attente des organisations animatrices/);
    const contributions = card.locator(`section[aria-labelledby="contributions-${organisation.id}"] li`);
    expect(await contributions.count()).toBe(3);
    const [withdrawnItem, hiddenItem, shownItem] = [contributions.nth(0), contributions.nth(1), contributions.nth(2)];
    expect(await withdrawnItem.locator('.tag').first().textContent()).toBe('Retirée');
    expect(await withdrawnItem.getByText(/^Retirée le /).count()).toBe(1);
    // A withdrawn contribution's page is still theirs, to restore it from.
    expect(await withdrawnItem.getByRole('link', { name: withdrawn.title }).getAttribute('href')).toBe(`/fr/actions/${slug}/contributions/${withdrawn.id}`);
    expect(await hiddenItem.locator('.tag').first().textContent()).toBe('Masquée');
    expect(await hiddenItem.getByText(/^Masquée par les organisations animatrices de la coalition le .+ : Advertises paid services\.$/).count()).toBe(1);
    expect(await shownItem.locator('.tag').first().textContent()).toBe('Publique');
    expect(await shownItem.getByRole('link', { name: shown.title }).getAttribute('href')).toBe(`/fr/actions/${slug}/contributions/${shown.id}`);
    if (javaScript) await expectAccessible(page);

    // The lead follows the count of requests waiting to the console, and approves.
    const leadPage = await newPage(browser(), `${task.name} ${label} (lead)`, { javaScript });
    await signInAs(leadPage, lead, '/workspace');
    if (javaScript) await expectAccessible(leadPage);
    await leadPage.getByRole('link', { name: '1 request to join waits for you' }).click();
    await leadPage.waitForURL(`**/actions/${slug}/console`);
    await leadPage.getByRole('button', { name: `Approve ${organisation.name}` }).click();
    await expect.poll(() => leadPage.getByText('No request is waiting.').count(), { timeout: 10_000 }).toBe(1);
    await leadPage.goto('/workspace');
    expect(await leadPage.getByRole('link', { name: 'No request to join waits' }).count()).toBe(1);

    // The admin finds the organisation a member.
    await page.goto('/fr/workspace');
    expect(await coalitions.textContent()).not.toContain('Adhésion demandée');
    expect(await coalitions.getByRole('listitem').textContent()).toMatch(/— Membre\s*$/);

    // The lead makes it a lead, then removes it, each in a second step, and is told each is done.
    await leadPage.goto(`/actions/${slug}/console`);
    await leadPage.getByRole('link', { name: `Make ${organisation.name} a lead…` }).click();
    await leadPage.getByRole('heading', { name: `Make ${organisation.name} a lead of the coalition?` }).waitFor();
    if (javaScript) await expectAccessible(leadPage);
    await leadPage.getByRole('button', { name: 'Make lead', exact: true }).click();
    await expect.poll(() => leadPage.getByRole('status').textContent(), { timeout: 10_000 }).toBe('Done: the organisation is now a lead of the coalition.');
    await leadPage.getByRole('link', { name: `Remove ${organisation.name}…` }).click();
    await leadPage.getByRole('heading', { name: `Remove ${organisation.name} from the coalition?` }).waitFor();
    await leadPage.getByRole('button', { name: 'Remove', exact: true }).click();
    await expect.poll(() => leadPage.getByRole('status').textContent(), { timeout: 10_000 }).toBe('Done: the organisation is no longer a member of the coalition.');
    expect(await leadPage.getByText(organisation.name).count()).toBe(0);

    // A steward finds the hidden contribution among those hidden lately, with why and by whom.
    // (Hidden again just before the page is read: other tests hide contributions too, and the list is of the latest.)
    const steward = await newPage(browser(), `${task.name} ${label} (steward)`, { javaScript });
    await signInAs(steward, 'steward', '/workspace');
    await call('DELETE', `/v1/actions/${slug}/contributions/${hidden.id}/hidden`, { as: lead });
    await call('PUT', `/v1/actions/${slug}/contributions/${hidden.id}/hidden`, { as: lead, body: { reason: 'Advertises paid services.' } });
    await steward.reload();
    const lately = steward.locator('section[aria-labelledby="hidden"] li', { hasText: hidden.title });
    expect(await lately.getByText(/^Hidden by the coalition's leads on .+: Advertises paid services\.$/).count()).toBe(1);
    expect(await lately.getByRole('link', { name: hidden.title }).getAttribute('href')).toBe(`/actions/${slug}/contributions/${hidden.id}`);
    if (javaScript) await expectAccessible(steward);
  });
});
