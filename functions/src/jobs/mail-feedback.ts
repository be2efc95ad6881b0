// In AWS: SES's bounce and complaint events for the platform's configuration set, through EventBridge.
import { logger } from '../http/logger.ts';
import { recordFeedback } from '../services/mail-feedback.ts';

export async function handler(event: unknown): Promise<void> {
  const suppressed = await recordFeedback(event);
  if (suppressed.length) logger.info('addresses no longer e-mailed', { count: suppressed.length });
}
