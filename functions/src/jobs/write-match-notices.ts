// In AWS: run every hour by EventBridge Scheduler, writes the notices of the last week's new matches not yet written; the notifier delivers them.
import { logger } from '../http/logger.ts';
import { now } from '../services/clock.ts';
import { writeWeeklyMatchNotices } from '../services/match-notices.ts';

export async function handler(): Promise<void> {
  logger.info('match notices written', { notices: await writeWeeklyMatchNotices(new Date(now())) });
}
