// In AWS: run every Monday by EventBridge Scheduler, writes the notices of the week's new matches; the notifier delivers them.
import { logger } from '../http/logger.ts';
import { now } from '../services/clock.ts';
import { writeWeeklyMatchNotices } from '../services/match-notices.ts';

export async function handler(): Promise<void> {
  logger.info('match notices written', { notices: await writeWeeklyMatchNotices(new Date(now())) });
}
