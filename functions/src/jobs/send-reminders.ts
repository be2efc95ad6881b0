// In AWS: run every quarter of an hour by EventBridge Scheduler, writes the reminders of the agenda items that start
// within a day; the notifier delivers them.
import { logger } from '../http/logger.ts';
import { now } from '../services/clock.ts';
import { writeDueReminders } from '../services/reminders.ts';

export async function handler(): Promise<void> {
  logger.info('reminders written', { reminders: await writeDueReminders(new Date(now())) });
}
