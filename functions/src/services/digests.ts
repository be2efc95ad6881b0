// Sending the digests: each person's daily or weekly digest, once its window has ended in their time zone, with what
// waited for it and is still wanted in it. Run hourly (EventBridge Scheduler in AWS, a timer on one machine); a run
// that fails or is missed is caught up by the next, once (digest-windows.ts).
import { digestFrequencies, type DigestFrequency, type Notification } from '@collective-actions/shared';
import * as digests from '../data/digests.ts';
import { dueDigest, lastBoundary } from './digest-windows.ts';
import { digestPeriod, renderDigest } from './mail-content.ts';
import { mailsAtOnce, messageIdOf, sendsMail, sendTo, type Outcome } from './mail.ts';
import { deliverableAddress, settingsOf } from './settings.ts';
import { unsubscribeToken } from './unsubscribe-tokens.ts';

/**
 * Sends the person's digest if one is due at `at`, unless another sender holds it. What waited for it but is no longer
 * wanted in it (its kind turned off, or moved to another frequency, since) is dropped with it; with nothing left to
 * say, nothing is sent. A failed send is given back for the next run.
 */
export async function sendDigest(personId: string, frequency: DigestFrequency, at: Date): Promise<Outcome | 'not due' | 'nothing to say'> {
  const settings = await settingsOf(personId);
  const plan = async () =>
    dueDigest(frequency, settings.timeZone, at, await digests.sentUntil(personId, frequency), await digests.waitingBefore(personId, frequency, at.toISOString()));
  if (!(await plan())) return 'not due';
  if (!(await digests.claim(personId, frequency, at))) return 'held elsewhere';
  try {
    // Read again under the claim: another sender may have sent it between the first look and the claim.
    const due = await plan();
    if (!due) {
      await digests.release(personId, frequency);
      return 'not due';
    }
    const wanted = due.items.map((item) => ({ ...item.notification, read: false }) as Notification).filter((notification) => settings.emails[notification.kind] === frequency);
    const to = wanted.length ? deliverableAddress(settings) : undefined;
    if (to) {
      const token = await unsubscribeToken(personId, frequency, at);
      // From the start of the day (or week) of the oldest: more than one only when a run was missed.
      const from = lastBoundary(frequency, settings.timeZone, new Date(due.items[0].at)).toISOString();
      const period = digestPeriod(settings.language, settings.timeZone, from, due.until);
      const content = await renderDigest(wanted, { frequency, period, language: settings.language, token });
      await sendTo(to, settings.language, content, messageIdOf('digest', frequency, due.until, personId), token);
    }
    await digests.markSent(personId, frequency, due.until, due.items);
    return to ? 'sent' : 'nothing to say';
  } catch (error) {
    await digests.release(personId, frequency);
    return { failed: error };
  }
}

/** Sends every digest due at `at` (now, for the scheduler): how many went, and why each that failed did (they wait for the next run). */
export async function sendDueDigests(at: Date): Promise<{ sent: number; failed: Array<{ person: string; error: unknown }> }> {
  const result = { sent: 0, failed: [] as Array<{ person: string; error: unknown }> };
  if (!sendsMail()) return result;
  for (const frequency of digestFrequencies) {
    for await (const people of digests.peopleWaiting(frequency)) {
      // A few at once: each digest mostly waits for the table and the mail server.
      for (let start = 0; start < people.length; start += mailsAtOnce) {
        const batch = people.slice(start, start + mailsAtOnce);
        const outcomes = await Promise.all(batch.map((personId) => sendDigest(personId, frequency, at)));
        outcomes.forEach((outcome, index) => {
          if (outcome === 'sent') result.sent++;
          else if (typeof outcome === 'object') result.failed.push({ person: batch[index], error: outcome.failed });
        });
      }
    }
  }
  return result;
}
