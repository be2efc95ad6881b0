import { describe, expect, it } from 'vitest';
import { call, newCoalition, newOrganisation, unique } from '../support/api.ts';
import { expectAccessible, newPage, signInAs, useBrowser } from '../support/browser.ts';
import { addressOf, mailAfterDelivery } from '../support/mail.ts';

const browser = useBrowser();

describe('notifications in the site', () => {
  it('tell a lead of a request and the asking organisation of its approval, in the header and on the page, in French too', async ({ task }) => {
    const { slug, lead } = await newCoalition();
    const admin = unique('asker');
    const asker = await newOrganisation(admin, { name: unique('Asking Council'), kind: 'local-government', country: 'KE' });
    // The lead reads what it was told of its appointment first, once it has arrived (the notifier runs every second).
    await expect.poll(async () => (await call('GET', '/v1/me/notifications', { as: lead })).body.items.length, { timeout: 15_000 }).toBe(1);
    expect((await call('POST', '/v1/me/notifications/read', { as: lead, body: { all: true } })).body).toEqual({ unread: 0 });
    // The lead signs in; the organisation asks to join.
    const leader = await newPage(browser(), `${task.name} (lead)`);
    await signInAs(leader, lead, '/');
    expect((await call('POST', `/v1/actions/${slug}/members`, { as: admin, body: { organisationId: asker.id } })).status).toBe(201);

    // The lead is e-mailed at once, in the language they signed in with, with a link to the console.
    const [mail] = await mailAfterDelivery(addressOf(lead), 1);
    expect(mail?.subject).toMatch(new RegExp(`^${asker.name} asked to join the coalition of `));
    expect(mail.text).toContain(`/actions/${slug}/console`);

    // The lead sees one unread notification in the header, opens it, and answers the request from the console.
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

  it('let someone follow an action from its page, without JavaScript, and tell them of its agenda, in French', async ({ task }) => {
    const { slug, lead } = await newCoalition();
    // The lead organisation's admin follows it by default, once the notifier has run.
    await expect.poll(async () => (await call('GET', `/v1/actions/${slug}`)).body.followers, { timeout: 15_000 }).toBe(1);
    const visitor = await newPage(browser(), `${task.name} (public)`);
    await visitor.goto(`/actions/${slug}`);
    await visitor.getByText('1 follower', { exact: true }).waitFor();
    await visitor.getByRole('link', { name: 'Sign in to follow this action' }).waitFor();

    const reader = unique('reader');
    const plain = await newPage(browser(), `${task.name} (reader, no JavaScript)`, { javaScript: false });
    await signInAs(plain, reader, `/fr/actions/${slug}`, 'fr');
    await plain.getByRole('button', { name: 'Suivre', exact: true }).click();
    await plain.getByText('Vous suivez cette action').waitFor();
    await plain.getByText('2 personnes la suivent').waitFor();

    const title = unique('Réunion de la coalition');
    const item = { kind: 'meeting', title, start: '2031-06-12T15:00', timeZone: 'Europe/Paris', language: 'fr' };
    const added = await call('POST', `/v1/actions/${slug}/agenda`, { as: lead, body: item });
    expect(added.status).toBe(201);

    // The same person, in a browser with JavaScript: the notice, then the item; they stop following.
    const page = await newPage(browser(), `${task.name} (reader)`);
    await signInAs(page, reader, '/fr/notifications', 'fr');
    const notice = page.getByRole('link', { name: new RegExp(`^Nouveau à l'agenda de .*« ${title} », 12 juin 2031`) });
    await expect.poll(async () => { await page.reload(); return notice.count(); }, { timeout: 15_000 }).toBe(1);
    await expectAccessible(page);
    await notice.click();
    await page.waitForURL(`**/fr/actions/${slug}/agenda/${added.body.id}`);
    await page.goto(`/fr/actions/${slug}`);
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Ne plus suivre' }).click();
    await page.getByText('1 personne la suit').waitFor();
    await page.getByRole('button', { name: 'Suivre', exact: true }).waitFor();
  });

  it('let a person choose what is e-mailed to them, on a settings page in French and English', async ({ task }) => {
    const person = unique('chooser');
    const page = await newPage(browser(), task.name);
    await signInAs(page, person, '/fr/settings', 'fr');
    await page.getByText(`Les courriels vont à ${addressOf(person)}`).waitFor();
    await expectAccessible(page);
    await page.getByLabel('Une organisation demande à rejoindre une coalition que vous animez').selectOption('never');
    await page.getByLabel('Fuseau horaire').selectOption('America/Lima');
    await page.getByText('le quotidien arrive peu après minuit').waitFor();
    await page.getByRole('group', { name: 'Thèmes que vous suivez' }).getByLabel('Climat et développement durable').check();
    await page.getByLabel('Me rappeler chaque réunion').check();
    // A reminder is e-mailed at once or not at all.
    const reminder = page.getByLabel('Rappel, un jour avant le début');
    expect(await reminder.locator('option').allTextContents()).toEqual(['Tout de suite', 'Jamais']);
    await page.getByRole('button', { name: 'Enregistrer les paramètres' }).click();
    await page.getByRole('status').filter({ hasText: 'Vos paramètres sont enregistrés.' }).waitFor();
    expect((await call('GET', '/v1/me/settings', { as: person })).body).toMatchObject({
      language: 'fr',
      timeZone: 'America/Lima',
      emails: { 'join-requested': 'never' },
      themes: ['climate'],
      reminders: true,
    });

    await page.goto('/settings');
    await expectAccessible(page);
    expect(await page.getByLabel('An organisation asks to join a coalition you lead').inputValue()).toBe('never');
    expect(await page.getByLabel('Remind me of each meeting').isChecked()).toBe(true);
    // Unticked, without JavaScript as with it: no theme followed any more.
    await page.getByRole('group', { name: 'Themes you follow' }).getByRole('checkbox', { checked: true }).uncheck();
    await page.getByLabel('Language of e-mail').selectOption('en');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByRole('status').filter({ hasText: 'Your settings are saved.' }).waitFor();
    expect((await call('GET', '/v1/me/settings', { as: person })).body).toMatchObject({ language: 'en', themes: [], reminders: true });
  });

  it("let a person stop a kind of e-mail from its link, without signing in or JavaScript, in French, and say when a link does not work", async ({ task }) => {
    const { slug, lead } = await newCoalition();
    await call('GET', '/v1/me?language=fr', { as: lead });
    const admin = unique('asker');
    const asker = await newOrganisation(admin);
    expect((await call('POST', `/v1/actions/${slug}/members`, { as: admin, body: { organisationId: asker.id } })).status).toBe(201);
    const [mail] = await mailAfterDelivery(addressOf(lead), 1);
    const link = mail?.text?.match(/https:\/\/collective-actions\.test(\/fr\/unsubscribe\?token=\S+)/)?.[1];
    expect(link, 'the e-mail has no unsubscribe link').toBeDefined();

    // What the link would turn off (axe runs scripts: this page has them).
    const page = await newPage(browser(), task.name);
    await page.goto(link!);
    await page.getByRole('heading', { name: 'Ne plus recevoir d’e-mails' }).waitFor();
    await page.getByRole('listitem').filter({ hasText: 'Une organisation demande à rejoindre une coalition que vous animez' }).waitFor();
    await expectAccessible(page);
    // Opening the page changed nothing: mail scanners follow links.
    expect((await call('GET', '/v1/me/settings', { as: lead })).body.emails['join-requested']).toBe('immediately');

    // Turned off without JavaScript, and said so.
    const plain = await newPage(browser(), `${task.name} (no JavaScript)`, { javaScript: false });
    await plain.goto(link!);
    await plain.getByRole('button', { name: 'Ne plus recevoir ces e-mails' }).click();
    await plain.getByRole('status').filter({ hasText: 'C’est fait : nous ne vous écrirons plus à ce sujet' }).waitFor();
    await plain.getByText('Vos notifications arrivent toujours dans votre boîte de réception sur le site.').waitFor();
    expect((await call('GET', '/v1/me/settings', { as: lead })).body.emails).toMatchObject({ 'join-requested': 'never', 'made-lead': 'daily' });

    // A link cut short, in English: said plainly, with nothing to press.
    await page.goto(`/unsubscribe?token=${link!.split('token=')[1].slice(0, -4)}`);
    await page.getByRole('alert').filter({ hasText: 'This link does not work: it has expired, or it is not one we sent.' }).waitFor();
    expect(await page.getByRole('button').count()).toBe(0);
    await expectAccessible(page);
  });
});
