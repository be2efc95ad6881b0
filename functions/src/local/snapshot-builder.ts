// On one machine: rebuilds the open-data snapshot every few seconds, as the table's stream does in AWS when records change.
import { setTimeout as sleep } from 'node:timers/promises';
import { buildSnapshot } from '../services/snapshot.ts';

export async function startSnapshotBuilder(intervalSeconds: number, log: (line: string) => void): Promise<{ stop: () => Promise<void> }> {
  await buildSnapshot();
  const stopping = new AbortController();
  const loop = (async () => {
    while (await sleep(intervalSeconds * 1000, true, { signal: stopping.signal }).catch(() => false)) {
      await buildSnapshot().catch((error: unknown) => log(`Open data: the snapshot could not be built (${error instanceof Error ? error.message : error}); trying again`));
    }
  })();
  return {
    stop: async () => {
      stopping.abort();
      await loop;
    },
  };
}
