// Digests against DynamoDB Local and MailDev: each person's, sent by the service itself with a clock of the test's
// choosing (the platform's own timer sends them at the real time; these people's windows end hours from now).
import { describe, expect, it } from 'vitest';
import type { AgendaItem, Settings } from '@collective-actions/shared';
import { lastBoundary } from '@collective-actions/functions/services/digest-windows.ts';
import { sendDigest } from '@collective-actions/functions/services/digests.ts';
import { call, inboxAfterDelivery, joinCoalition, newCoalition, newContribution, unique } from '../support/api.ts';
import { addressOf, mailTo, sentHeaders } from '../support/mail.ts';

/** A zone where it is working hours now: its next midnight is hours away, whenever the test runs. */
const daytimeZone = () =>
  ['UTC', 'Asia/Tokyo', 'America/Lima', 'Asia/Kolkata', 'Pacific/Auckland', 'America/Los_Angeles', 'Europe/Paris', 'Asia/Dhaka', 'Pacific/Honolulu', 'America/Sao_Paulo', 'Asia/Dubai', 'Australia/Brisbane'].find(
    (zone) => {
      const hour = Number(new Intl.DateTimeFormat('en', { hour: 'numeric', hourCycle: 'h23', timeZone: zone }).format(new Date()));
      return hour >= 8 && hour < 16;
    },
  )!;

const meeting = (title: string) => ({ kind: 'meeting', title, start: '2031-03-27T10:00', timeZone: 'Europe/Paris', language: 'en' });

/** Someone who reads the site in `language`, in a zone where it is daytime, and follows the actions. */
async function reader(language: 'en' | 'fr', slugs: string[]) {
  const who = unique('digest-reader');
  await call('GET', `/v1/me?language=${language}`, { as: who });
  const timeZone = daytimeZone();
  expect((await call<Settings>('PATCH', '/v1/me/settings', { as: who, body: { timeZone } })).status).toBe(200);
  for (const slug of slugs) expect((await call('PUT', `/v1/actions/${slug}/following`, { as: who })).status).toBe(200);
  return { who, timeZone };
}

async function addMeeting(slug: string, lead: string, title: string) {
  const reply = await call<AgendaItem>('POST', `/v1/actions/${slug}/agenda`, { as: lead, body: meeting(title) });
  expect(reply.status).toBe(201);
  return reply.body;
}

async function change(slug: string, lead: string, id: string, changes: Record<string, unknown>) {
  const current = await call<AgendaItem>('GET', `/v1/actions/${slug}/agenda/${id}`);
  expect((await call('PATCH', `/v1/actions/${slug}/agenda/${id}`, { as: lead, body: { version: current.body.version, ...changes } })).status).toBe(200);
}

/** Half an hour after the reader's next local midnight: their daily digest of today is due. */
const tomorrow = (timeZone: string) => new Date(lastBoundary('daily', timeZone, new Date(Date.now() + 24 * 3600 * 1000)).getTime() + 30 * 60 * 1000);

describe('daily digests', () => {
  it('gather the day by action, then kind, each thing once as it now stands, in the reader’s language, once the day has ended', async () => {
    const [first, second] = [await newCoalition(), await newCoalition()];
    const { who, timeZone } = await reader('fr', [first.slug, second.slug]);
    const kickOff = await addMeeting(first.slug, first.lead, unique('Kick-off'));
    await change(first.slug, first.lead, kickOff.id, { start: '2031-03-27T11:00' });
    await change(first.slug, first.lead, kickOff.id, { place: 'Salle 2, Paris' });
    const workshop = await addMeeting(second.slug, second.lead, unique('Workshop'));
    await inboxAfterDelivery(who, 4);

    // The day has not ended where the reader is: nothing yet.
    expect(await sendDigest(who, 'daily', new Date())).toBe('not due');
    expect(await mailTo(addressOf(who))).toEqual([]);

    const at = tomorrow(timeZone);
    expect(await sendDigest(who, 'daily', at)).toBe('sent');
    const [mail, ...more] = await mailTo(addressOf(who));
    expect(more).toEqual([]);
    const day = new Intl.DateTimeFormat('fr', { dateStyle: 'long', timeZone }).format(new Date(at.getTime() - 3600 * 1000));
    expect(mail.subject).toBe(`Votre récapitulatif quotidien : ${day}`);
    expect(mail.headers['content-language']).toBe('fr');
    // The kick-off, added and changed twice the same day, appears once, as new, at its new time, under its action;
    // the workshop under its own.
    expect(mail.text!.split(kickOff.title)).toHaveLength(2);
    expect(mail.text).not.toContain('Changements à l’agenda');
    expect(mail.text!.split('Ajouts à l’agenda (1)\n- ')).toHaveLength(3);
    expect(mail.text).toContain(`« ${kickOff.title} », 27 mars 2031 à 11:00 UTC+1.`);
    expect(mail.text).toContain(`https://collective-actions.test/fr/actions/${first.slug}/agenda/${kickOff.id}`);
    expect(mail.text).toContain(workshop.title);
    expect(mail.text!.indexOf(workshop.title)).toBeLessThan(mail.text!.indexOf(kickOff.title));
    expect(mail.html).toContain(`href="https://collective-actions.test/fr/actions/${second.slug}/agenda/${workshop.id}"`);
    const headers = await sentHeaders(mail);
    expect(headers['list-unsubscribe-post']).toBe('List-Unsubscribe=One-Click');
    const token = new URL(headers['list-unsubscribe'].slice(1, -1)).searchParams.get('token');
    expect((await call('GET', `/v1/unsubscribe?token=${token}`)).body).toEqual({ about: 'daily', kinds: expect.arrayContaining(['agenda-item-added', 'request-approved']) });

    // Sent once: again at the same time, an hour later, or the next day with nothing new, nothing is sent.
    expect(await sendDigest(who, 'daily', at)).toBe('not due');
    expect(await sendDigest(who, 'daily', new Date(at.getTime() + 3600 * 1000))).toBe('not due');
    expect(await sendDigest(who, 'daily', new Date(at.getTime() + 24 * 3600 * 1000))).toBe('not due');
    expect(await mailTo(addressOf(who))).toHaveLength(1);
  });

  it('are sent by one sender when two run at once, and leave out what the reader turned off since, sending nothing when nothing is left', async () => {
    const { slug, lead } = await newCoalition();
    const { who, timeZone } = await reader('en', [slug]);
    await addMeeting(slug, lead, unique('Call'));
    await inboxAfterDelivery(who, 1);
    const at = tomorrow(timeZone);
    const outcomes = await Promise.all([sendDigest(who, 'daily', at), sendDigest(who, 'daily', at)]);
    expect(outcomes.filter((outcome) => outcome === 'sent')).toHaveLength(1);
    const [mail] = await mailTo(addressOf(who));
    expect(mail.subject).toMatch(/^Your daily digest: /);
    expect(await mailTo(addressOf(who))).toHaveLength(1);

    // Two days on, a meeting of a kind the reader then turned off: the digest says nothing, and nothing is sent.
    await addMeeting(slug, lead, unique('Another call'));
    await inboxAfterDelivery(who, 2);
    expect((await call('PATCH', '/v1/me/settings', { as: who, body: { emails: { 'agenda-item-added': 'never' } } })).status).toBe(200);
    expect(await sendDigest(who, 'daily', new Date(at.getTime() + 24 * 3600 * 1000))).toBe('nothing to say');
    expect(await sendDigest(who, 'daily', new Date(at.getTime() + 48 * 3600 * 1000))).toBe('not due');
    expect(await mailTo(addressOf(who))).toHaveLength(1);
  });

  it('tell followers of new contributions in digests only, under one heading', async () => {
    const { slug, lead } = await newCoalition();
    const author = unique('author');
    const organisation = await joinCoalition(slug, author, lead);
    const { who, timeZone } = await reader('en', [slug]);
    const refused = await call('PATCH', '/v1/me/settings', { as: who, body: { emails: { 'contribution-added': 'immediately' } } });
    expect(refused.status).toBe(400);
    expect(refused.body.errors).toEqual([{ pointer: '#/emails/contribution-added', detail: 'must be one of: daily, weekly, never (for this kind of notification)' }]);
    const titles = [unique('Open contracting toolkit'), unique('Beneficial ownership guide'), unique('Data standard')];
    for (const title of titles) await newContribution(author, slug, organisation.id, { title });
    const inbox = await inboxAfterDelivery(who, 3);
    expect(inbox.items.map((item) => item.kind)).toEqual(['contribution-added', 'contribution-added', 'contribution-added']);
    // Its author is not told of their own act.
    expect((await call('GET', '/v1/me/notifications', { as: author })).body.items.filter((item: { kind: string }) => item.kind === 'contribution-added')).toEqual([]);

    expect(await sendDigest(who, 'daily', tomorrow(timeZone))).toBe('sent');
    const [mail] = await mailTo(addressOf(who));
    expect(mail.text).toContain('New contributions (3)');
    expect(mail.text).toContain(`${organisation.name} contributed to`);
    for (const title of titles) expect(mail.text!.split(title)).toHaveLength(2);
  });
});
