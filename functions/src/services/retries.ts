// Re-runs a read-then-write whose conditional write lost a race, with jittered backoff.
import { ServiceUnavailable } from '@collective-actions/shared';
import { WriteRaced } from '../data/toolkit.ts';

const attempts = 12;

export async function withRetries<T>(attempt: () => Promise<T>): Promise<T> {
  for (let i = 0; ; i += 1) {
    try {
      return await attempt();
    } catch (error) {
      if (!(error instanceof WriteRaced)) throw error;
      if (i + 1 >= attempts) throw new ServiceUnavailable('Too many simultaneous changes to the same records: try again in a moment.');
      // Full jitter: spreads the racing writers out so most succeed on the next attempt.
      await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(1000, 20 * 2 ** i)));
    }
  }
}
