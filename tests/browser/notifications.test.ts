import { describe, expect, it } from 'vitest';
import { call, newCoalition, newOrganisation, unique } from '../support/api.ts';
import { expectAccessible, newPage, signInAs, useBrowser } from '../support/browser.ts';

const browser = useBrowser();

describe('notifications in the site', () => {
  it('tell a lead of a request and the asking organisation of its approval, in the header and on the page, in French too', async ({ task }) => {
    const { slug, lead } = await newCoalition();
    const admin = unique('asker');
    const asker = await newOrganisation(admin, { name: unique('Asking Council'), kind: 'local-government', country: 'KE' });
    // The lead reads what it was told of its appointment first, once it has arrived (the notifier runs every second).
    await expect.poll(async () => (await call('GET', '/v1/me/notifications', { as: lead })).body.items.length, { timeout: 15_000 }).toBe(1);
    expect((await call('POST', '/v1/me/notifications/read', { as: lead, body: { all: true } })).body).toEqual({ unread: 0 });
    expect((await call('POST', `/v1/actions/${slug}/members`, { as: admin, body: { organisationId: asker.id } })).status).toBe(201);

    // The lead sees one unread notification in the header, opens it, and answers the request from the console.
    const leader = await newPage(browser(), `${task.name} (lead)`);
    await signInAs(leader, lead, '/');
    await expect.poll(async () => { await leader.reload(); return leader.getByRole('link', { name: 'Notifications (1 unread)' }).count(); }, { timeout: 15_000 }).toBe(1);
    await leader.getByRole('link', { name: 'Notifications (1 unread)' }).click();
    await leader.waitForURL('**/notifications');
    await expectAccessible(leader);
    const told = leader.getByRole('link', { name: new RegExp(`^${asker.name} asked to join the coalition of `) });
    await told.waitFor();
    await leader.getByRole('button', { name: `Mark as read: ${asker.name} asked to join` }).click();
    await expect.poll(() => leader.getByRole('link', { name: 'Notifications', exact: true }).count(), { timeout: 10_000 }).toBe(1);
    await told.click();
    await leader.waitForURL(`**/actions/${slug}/console`);
    await leader.getByRole('button', { name: `Approve ${asker.name}` }).click();
    await leader.waitForURL(`**/actions/${slug}/console`);

    // The asking organisation's admin is told, in French, and marks everything read.
    const askerPage = await newPage(browser(), `${task.name} (asker)`);
    await signInAs(askerPage, admin, '/fr', 'fr');
    await expect.poll(async () => { await askerPage.reload(); return askerPage.getByRole('link', { name: 'Notifications (1 non lue)' }).count(); }, { timeout: 15_000 }).toBe(1);
    await askerPage.goto('/fr/notifications');
    await expectAccessible(askerPage);
    await askerPage.getByRole('link', { name: new RegExp(`^${asker.name} est désormais membre de la coalition de l’action `) }).waitFor();
    await askerPage.getByRole('button', { name: 'Tout marquer comme lu' }).click();
    await expect.poll(() => askerPage.getByText('0 non lue').count(), { timeout: 10_000 }).toBe(1);
  });
});
