// On one machine, what the table's stream drives in AWS runs in the platform's own process, every few seconds: the
// open-data snapshot's rebuild, and the delivery of notifications from the outbox.
import { setTimeout as sleep } from 'node:timers/promises';
import { deliverPending } from '../services/notifications.ts';
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

export const startNotifier = (intervalSeconds: number, log: (line: string) => void) =>
  runEvery(intervalSeconds, deliverPending, (error) => log(`Notifications: delivery stopped (${reason(error)}); trying again`));
