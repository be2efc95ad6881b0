import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { newCoalition, newContribution, newOrganisation, unique } from '../support/api.ts';
import { expectAccessible, newPage, signInAs, useBrowser } from '../support/browser.ts';

const browser = useBrowser();

describe('a coalition run from the site', () => {
  it('takes a member its lead approves, and an agenda item that shows on the action page and in the calendar feed', async ({ task }) => {
    const { slug, lead, leadOrganisation } = await newCoalition();
    const admin = unique('joiner');
    const joiner = await newOrganisation(admin, { name: unique('Joining Council'), kind: 'local-government', country: 'KE' });

    // The organisation's admin asks to join, with a message.
    const asker = await newPage(browser(), `${task.name} (asker)`);
    await signInAs(asker, admin, `/actions/${slug}`);
    await asker.getByRole('link', { name: 'Ask to join or leave this coalition' }).click();
    await asker.waitForURL(`**/actions/${slug}/coalition`);
    await expectAccessible(asker);
    await asker.getByLabel("Message to the coalition's leads (optional)").fill('We publish our contracts and would like to compare notes.');
    await asker.getByRole('button', { name: 'Ask to join' }).click();
    await expect.poll(() => asker.getByText(`${joiner.name} has asked to join; a lead will answer.`).count(), { timeout: 10_000 }).toBe(1);

    // The lead sees the request and its message in the console, and approves it.
    const leader = await newPage(browser(), `${task.name} (lead)`);
    await signInAs(leader, lead, `/actions/${slug}`);
    await leader.getByRole('link', { name: /Run this coalition/ }).click();
    await leader.waitForURL(`**/actions/${slug}/console`);
    await expect.poll(() => leader.getByText('We publish our contracts and would like to compare notes.').count(), { timeout: 10_000 }).toBe(1);
    await expectAccessible(leader);
    await leader.getByRole('button', { name: `Approve ${joiner.name}` }).click();
    await leader.waitForURL(`**/actions/${slug}/console`);
    await expect.poll(() => leader.getByText('No request is waiting.').count(), { timeout: 10_000 }).toBe(1);

    // The lead adds an agenda item; a mistake first, shown next to its field.
    await leader.getByLabel('Title').fill('Coalition call on contract data');
    await leader.getByLabel('Start').fill('2027-03-28T02:30');
    await leader.getByLabel('Time zone (IANA, like Europe/Paris)').fill('Europe/Paris');
    await leader.getByRole('button', { name: 'Add', exact: true }).click();
    await leader.waitForSelector('#error-start');
    await leader.getByLabel('Start').fill('2027-03-29T10:00');
    await leader.getByLabel('End (optional)').fill('2027-03-29T11:00');
    await leader.getByRole('button', { name: 'Add', exact: true }).click();
    await leader.getByRole('link', { name: 'Coalition call on contract data', exact: true }).waitFor();

    // The public sees the new member and the agenda item; the calendar feed has it at the right time.
    const visitor = await newPage(browser(), `${task.name} (visitor)`);
    await visitor.goto(`/actions/${slug}`);
    await expect.poll(() => visitor.getByRole('link', { name: joiner.name }).count(), { timeout: 10_000 }).toBe(1);
    await expect.poll(() => visitor.getByRole('link', { name: leadOrganisation.name }).count(), { timeout: 10_000 }).toBe(1);
    await expect.poll(() => visitor.getByRole('heading', { name: 'Coalition call on contract data' }).count(), { timeout: 10_000 }).toBe(1);
    await expect.poll(() => visitor.getByText(`${joiner.name} joined`).count(), { timeout: 10_000 }).toBe(1);
    const feed = await visitor.request.get(await visitor.getByRole('link', { name: 'Add to calendar (iCalendar feed)' }).getAttribute('href') ?? '');
    expect(feed.headers()['content-type']).toBe('text/calendar; charset=utf-8');
    const calendar = new ICAL.Component(ICAL.parse(await feed.text()));
    for (const zone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(zone);
    const event = new ICAL.Event(calendar.getFirstSubcomponent('vevent')!);
    expect(event.summary).toBe('Coalition call on contract data');
    expect(event.startDate.toJSDate().toISOString()).toBe('2027-03-29T08:00:00.000Z');

    // The lead cancels it: the feed says so, under the same UID, and the page shows it.
    await leader.getByRole('link', { name: 'Edit “Coalition call on contract data”' }).click();
    await leader.waitForURL('**/edit');
    await expectAccessible(leader);
    await leader.getByLabel('Status').selectOption('cancelled');
    await leader.getByRole('button', { name: 'Save' }).click();
    await leader.waitForURL(`**/actions/${slug}/console`);
    await leader.getByRole('heading', { name: 'Requests to join' }).waitFor();
    const cancelled = new ICAL.Component(ICAL.parse(await (await visitor.request.get(`/actions/${slug}/agenda.ics`)).text()));
    const again = cancelled.getFirstSubcomponent('vevent')!;
    expect(again.getFirstPropertyValue('uid')).toBe(event.uid);
    expect(again.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(again.getFirstPropertyValue('sequence')).toBe(1);
  });

  it('loses a contribution from every public page when a steward hides it', async ({ task }) => {
    const { slug, lead } = await newCoalition();
    const author = unique('author');
    const organisation = await newOrganisation(author);
    const contribution = await newContribution(author, slug, organisation.id, { title: 'An offer that breaks the rules' });

    const steward = await newPage(browser(), `${task.name} (steward)`);
    await signInAs(steward, 'steward', `/actions/${slug}/contributions/${contribution.id}`);
    await steward.getByLabel("Reason (shown to its organisation and the coalition's leads)").fill('Advertising unrelated to the action.');
    await steward.getByRole('button', { name: 'Hide' }).click();
    await steward.waitForURL(`**/contributions/${contribution.id}`);
    await expect.poll(() => steward.getByText(/^Hidden by the platform's stewards on .+: Advertising unrelated to the action\.$/).count(), { timeout: 10_000 }).toBe(1);

    const visitor = await newPage(browser(), `${task.name} (visitor)`);
    expect((await visitor.goto(`/actions/${slug}/contributions/${contribution.id}`))?.status()).toBe(404);
    await visitor.goto(`/actions/${slug}`);
    await expect.poll(() => visitor.getByText('An offer that breaks the rules').count(), { timeout: 10_000 }).toBe(0);
    await visitor.goto(`/organisations/${organisation.id}`);
    await expect.poll(() => visitor.getByText('An offer that breaks the rules').count(), { timeout: 10_000 }).toBe(0);

    // The lead sees it in the console, and may show it again.
    const leader = await newPage(browser(), `${task.name} (lead)`);
    await signInAs(leader, lead, `/actions/${slug}/console`);
    await leader.getByRole('button', { name: 'Show “An offer that breaks the rules” again' }).click();
    await leader.getByText('No contribution is hidden.').waitFor();
    await visitor.goto(`/actions/${slug}`);
    await expect.poll(() => visitor.getByText('An offer that breaks the rules').count(), { timeout: 10_000 }).toBe(1);
  });
});
