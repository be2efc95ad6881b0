// Reminders against DynamoDB Local and MailDev: written by the service itself with a clock of the test's choosing,
// three quarters of an hour ahead (the platform's own timer writes them at the real time, a day ahead; these items
// start more than a day from now), and delivered by the platform's notifier.
import { describe, expect, it } from 'vitest';
import type { AgendaItem } from '@collective-actions/shared';
import { WriteRaced } from '@collective-actions/functions/data/toolkit.ts';
import { writeDueReminders } from '@collective-actions/functions/services/reminders.ts';
import { afterDelivery, afterNotifier, call, inboxOf, newCoalition, unique } from '../support/api.ts';
import { addressOf, mailAfterDelivery } from '../support/mail.ts';

const hours = (count: number) => count * 3600_000;

/** A start, as the agenda takes it in UTC, some time from now. */
const startIn = (milliseconds: number) => new Date(Date.now() + milliseconds).toISOString().slice(0, 16);

/** The reminders' run at an instant, again if another run (the platform's own) wrote at the same moment. */
async function remindAt(at: Date): Promise<void> {
  for (;;) {
    try {
      await writeDueReminders(at);
      return;
    } catch (error) {
      if (!(error instanceof WriteRaced)) throw error;
    }
  }
}

const reminders = async (who: string) =>
  (await inboxOf(who)).items.flatMap((item) => (item.kind === 'agenda-item-starting' ? [item.agendaItem.title] : []));

describe('reminders', () => {
  it('tell the followers who asked, once, a day before a planned item starts', async () => {
    const { slug, lead } = await newCoalition();
    const [asker, other] = [unique('reminded'), unique('not-reminded')];
    for (const who of [asker, other]) {
      await call('GET', '/v1/me?language=fr', { as: who });
      expect((await call('PUT', `/v1/actions/${slug}/following`, { as: who })).status).toBe(200);
    }
    expect((await call('PATCH', '/v1/me/settings', { as: asker, body: { reminders: true } })).body).toMatchObject({ reminders: true, emails: { 'agenda-item-starting': 'immediately' } });

    const add = async (title: string, start: string, status = 'planned') => {
      const reply = await call<AgendaItem>('POST', `/v1/actions/${slug}/agenda`, { as: lead, body: { kind: 'meeting', title: unique(title), start, timeZone: 'UTC', language: 'en', status } });
      expect(reply.status).toBe(201);
      return reply.body.title;
    };
    const soon = await add('Soon', startIn(hours(24.5)));
    await add('Called off', startIn(hours(24.25)), 'cancelled');
    const later = await add('Later', startIn(hours(27)));

    const at = new Date(Date.now() + hours(0.75));
    await remindAt(at);
    await remindAt(at);
    await afterNotifier(() => reminders(asker), (told) => told.length >= 1);
    await afterDelivery();
    expect(await reminders(asker)).toEqual([soon]);
    expect(await reminders(other)).toEqual([]);
    expect(await reminders(lead)).toEqual([]);

    const [mail] = (await mailAfterDelivery(addressOf(asker), 1)).filter((received) => received.subject.startsWith('Rappel'));
    expect(mail.subject).toContain(`« ${soon} »`);
    expect(mail.text).toContain(`/fr/actions/${slug}/agenda/`);

    // Three hours on, the later one's turn; the first is not told again.
    await remindAt(new Date(at.getTime() + hours(3)));
    await afterNotifier(() => reminders(asker), (told) => told.length >= 2);
    await afterDelivery();
    expect(await reminders(asker)).toEqual([later, soon]);
  });

  it('are e-mailed at once or not at all', async () => {
    const who = unique('reminded');
    for (const frequency of ['daily', 'weekly', 'soon']) {
      const reply = await call('PATCH', '/v1/me/settings', { as: who, body: { emails: { 'agenda-item-starting': frequency } } });
      expect(reply.status).toBe(400);
      expect(reply.body).toMatchObject({ errors: [{ pointer: '#/emails/agenda-item-starting', detail: 'must be one of: immediately, never (for this kind of notification)' }] });
    }
    expect((await call('PATCH', '/v1/me/settings', { as: who, body: { emails: { 'agenda-item-starting': 'never' } } })).status).toBe(200);
  });
});
