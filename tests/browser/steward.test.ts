import { describe, expect, it } from 'vitest';
import { newAction, newOrganisation, unique } from '../support/api.ts';
import { expectAccessible, newPage, signInAs, useBrowser } from '../support/browser.ts';

const browser = useBrowser();

describe('a steward', () => {
  it('gives a new coalition its first lead, and verifies the organisation', async ({ task }) => {
    const slug = await newAction();
    const organisation = await newOrganisation(unique('future-lead'), { name: unique('Future Lead Network') });
    const page = await newPage(browser(), task.name);
    await signInAs(page, 'steward', `/actions/${slug}`);
    await expect.poll(() => page.getByText('This coalition has no lead yet.').count(), { timeout: 10_000 }).toBe(1);
    await page.getByRole('link', { name: /Run this coalition/ }).click();
    await page.waitForURL(`**/actions/${slug}/console`);
    await expectAccessible(page);
    // Found in the directory by the start of its name, whatever its case.
    await page.getByLabel('Name starts with').fill(organisation.name.slice(0, 16).toLowerCase());
    await page.getByRole('button', { name: 'Find' }).click();
    await page.waitForURL(`**/actions/${slug}/console?appoint=*`);
    await expectAccessible(page);
    await page.getByRole('button', { name: `Appoint ${organisation.name} as a lead` }).click();
    await expect.poll(() => page.getByRole('status').textContent(), { timeout: 10_000 }).toBe('Done: the organisation is now a lead of the coalition.');
    // The console shows the new lead among the members once the appointment is done.
    await page.getByRole('button', { name: `Make ${organisation.name} a member, not a lead` }).waitFor();
    await page.goto(`/actions/${slug}`);
    expect(await page.locator('section[aria-labelledby="coalition"] ul').first().textContent()).toContain(organisation.name);

    // Verifying is a second step that says what it vouches for, with a note for the public history.
    await page.goto(`/organisations/${organisation.id}`);
    await page.getByRole('link', { name: 'Verify this organisation…' }).click();
    await page.waitForURL(`**/organisations/${organisation.id}?verify*`);
    expect(await page.getByRole('heading', { name: `Verify ${organisation.name}?` }).count()).toBe(1);
    await expectAccessible(page);
    await page.getByLabel('What you checked (optional; shown in its public history)').fill('Checked with its registry entry.');
    await page.getByRole('button', { name: 'Confirm the verification' }).click();
    await page.waitForURL(`**/organisations/${organisation.id}#history`);
    await expect.poll(() => page.getByText(/^Verified by the platform’s stewards on /).count(), { timeout: 10_000 }).toBe(1);
    // Its public history says so, with the note, and the stewards' queue no longer lists it.
    const history = page.locator('section[aria-labelledby="history"] li');
    expect(await history.first().textContent()).toMatch(/^\s*Verified by the platform’s stewards\s+—.*Checked with its registry entry\.\s*$/s);
    await page.goto('/workspace');
    expect(await page.locator('section[aria-labelledby="verifications"]').textContent()).not.toContain(organisation.name);

    // Withdrawing it asks why; the reason shows in the public history, and the badge goes.
    await page.goto(`/organisations/${organisation.id}`);
    await page.getByRole('link', { name: 'Withdraw the verification…' }).click();
    await page.getByRole('button', { name: 'Withdraw the verification' }).click();
    await page.locator('#error-note').waitFor();
    expect(await page.getByRole('heading', { name: `Withdraw the verification of ${organisation.name}?` }).count()).toBe(1);
    await expectAccessible(page);
    await page.getByLabel('Why (shown in its public history)').fill('Its website now belongs to someone else.');
    await page.getByRole('button', { name: 'Withdraw the verification' }).click();
    await page.waitForURL(`**/organisations/${organisation.id}#history`);
    await expect.poll(() => history.first().textContent(), { timeout: 10_000 }).toMatch(/^\s*Verification withdrawn by the platform’s stewards\s+—.*Its website now belongs to someone else\.\s*$/s);
    expect(await page.locator('h1 .tag.verified').count()).toBe(0);
    expect(await page.getByText('Not verified yet').count()).toBe(1);
  });
});

describe('a steward keeping the list of actions', () => {
  it('creates an action in both languages, then edits it', async ({ task }) => {
    const slug = unique('civic-data');
    const page = await newPage(browser(), task.name);
    await signInAs(page, 'steward', '/workspace');
    await page.getByRole('link', { name: 'Create a collective action' }).click();
    await page.waitForURL('**/workspace/actions/new');
    await page.getByLabel('Short name in addresses (lower-case letters, digits and hyphens)').fill(slug);
    await page.getByLabel('Theme').selectOption('integrity');
    await page.getByLabel('Title in English').fill('Ci');
    await page.getByLabel('Title in French').fill('Données civiques ouvertes');
    await page.getByLabel('Summary in English').fill('Publish the civic data people ask for, in open formats.');
    await page.getByLabel('Summary in French').fill('Publier les données civiques demandées, dans des formats ouverts.');
    await page.getByRole('button', { name: 'Create' }).click();
    await page.waitForSelector('#error-title\\.en');
    expect(await page.locator('.error-summary a').allTextContents()).toEqual(['Title in English: Write at least 3 characters.']);
    await expectAccessible(page);
    await page.getByLabel('Title in English').fill('Open civic data');
    await page.getByRole('button', { name: 'Create' }).click();
    await page.waitForURL(`**/actions/${slug}`);
    expect(await page.locator('h1').textContent()).toBe('Open civic data');

    await page.getByRole('link', { name: 'Edit this action' }).click();
    await page.waitForURL(`**/actions/${slug}/edit`);
    await page.getByLabel('Working group (optional)').fill('Open Data');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.waitForURL(`**/actions/${slug}`);
    await expect.poll(() => page.getByText('Working group: Open Data').count(), { timeout: 10_000 }).toBe(1);
    await page.goto(`/fr/actions/${slug}`);
    expect(await page.locator('h1').textContent()).toBe('Données civiques ouvertes');
  });
});

describe("an organisation's admin", () => {
  it('adds a person by e-mail, who joins at their next sign-in', async ({ task }) => {
    const admin = unique('admin');
    const organisation = await newOrganisation(admin, { name: unique('Managed Council') });
    const page = await newPage(browser(), task.name);
    await signInAs(page, admin, `/workspace`);
    await page.getByRole('link', { name: organisation.name }).click();
    await page.waitForURL(`**/workspace/organisations/${organisation.id}`);
    await expectAccessible(page);
    const colleague = `${unique('colleague')}@example.org`;
    await page.getByLabel('E-mail address').fill(colleague);
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    await page.waitForURL(`**/workspace/organisations/${organisation.id}`);
    await expect.poll(() => page.getByRole('cell', { name: colleague }).count(), { timeout: 10_000 }).toBe(1);
    await expect.poll(() => page.getByText('(not signed in yet)').count(), { timeout: 10_000 }).toBe(1);

    // The colleague signs in with that address and finds the organisation in their workspace.
    const other = await newPage(browser(), `${task.name} (colleague)`);
    await signInAs(other, colleague, '/workspace');
    await expect.poll(() => other.getByRole('link', { name: organisation.name }).count(), { timeout: 10_000 }).toBe(1);
  });
});
