// On one machine, what the table's stream and the scheduler drive in AWS runs in the platform's own process, on timers:
// the open-data snapshot's rebuild, the delivery of notifications from the outbox with their e-mail, the digests, the
// reminders and the weekly notices of new matches.
import { setTimeout as sleep } from 'node:timers/promises';
import { sendQueuedMail } from '../services/mail.ts';
import { deliverPending } from '../services/delivery.ts';
import { sendDueDigests } from '../services/digests.ts';
import { now } from '../services/clock.ts';
import { writeWeeklyMatchNotices } from '../services/match-notices.ts';
import { writeDueReminders } from '../services/reminders.ts';
import { buildSnapshot } from '../services/snapshot.ts';

/** Runs the job now, then every `intervalSeconds` until stopped; a failed run is told and tried again at the next. */
async function runEvery(intervalSeconds: number, job: () => Promise<unknown>, failed: (error: unknown) => void): Promise<{ stop: () => Promise<void> }> {
  await job();
  const stopping = new AbortController();
  const loop = (async () => {
    while (await sleep(intervalSeconds * 1000, true, { signal: stopping.signal }).catch(() => false)) await job().catch(failed);
  })();
  return {
    stop: async () => {
      stopping.abort();
      await loop;
    },
  };
}

const reason = (error: unknown) => (error instanceof Error ? error.message : String(error));

export const startSnapshotBuilder = (intervalSeconds: number, log: (line: string) => void) =>
  runEvery(intervalSeconds, buildSnapshot, (error) => log(`Open data: the snapshot could not be built (${reason(error)}); trying again`));

/** Delivers what the outbox holds, then sends the e-mail it queued (and any a failed send left), as the notifier does in AWS. */
export const startNotifier = (intervalSeconds: number, log: (line: string) => void) =>
  runEvery(
    intervalSeconds,
    async () => {
      await deliverPending();
      const { failed } = await sendQueuedMail();
      if (failed.length) log(`E-mail: ${failed.length} could not be sent (${reason(failed[0].error)}); trying again`);
    },
    (error) => log(`Notifications: delivery stopped (${reason(error)}); trying again`),
  );

/** Writes the reminders of the agenda items that start within a day, as the scheduler runs it every quarter of an hour in AWS. */
export const startReminderWriter = (intervalSeconds: number, log: (line: string) => void) =>
  runEvery(intervalSeconds, () => writeDueReminders(new Date(now())), (error) => log(`Reminders: stopped (${reason(error)}); trying again`));

/** Sends the digests whose window has ended, as the scheduler runs it hourly in AWS. */
export const startDigestSender = (intervalSeconds: number, log: (line: string) => void) =>
  runEvery(
    intervalSeconds,
    async () => {
      const { failed } = await sendDueDigests(new Date(now()));
      if (failed.length) log(`E-mail: ${failed.length} digests could not be sent (${reason(failed[0].error)}); trying again`);
    },
    (error) => log(`Digests: stopped (${reason(error)}); trying again`),
  );

/** Writes the notices of the week's new matches once the week is over, as the scheduler runs it every hour in AWS. */
export const startMatchNoticeWriter = (intervalSeconds: number, log: (line: string) => void) =>
  runEvery(intervalSeconds, () => writeWeeklyMatchNotices(new Date(now())), (error) => log(`Match notices: stopped (${reason(error)}); trying again`));
