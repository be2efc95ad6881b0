// In AWS: run hourly by EventBridge Scheduler, sends each digest whose window has ended in its reader's time zone.
import { logger } from '../http/logger.ts';
import { now } from '../services/clock.ts';
import { sendDueDigests } from '../services/digests.ts';

export async function handler(): Promise<void> {
  const { sent, failed } = await sendDueDigests(new Date(now()));
  logger.info('digests sent', { sent });
  // A mail server that refuses is the operator's to see; each digest waits for the next run.
  for (const { person, error } of failed) logger.error('a digest could not be sent; it waits for the next run', { person, error: error as Error });
}
