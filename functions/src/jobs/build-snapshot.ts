// In AWS: rebuilds the open-data snapshot when records change (the table's stream, batched for a minute at most).
import { logger } from '../http/logger.ts';
import { buildSnapshot } from '../services/snapshot.ts';

export const handler = async () => {
  const { created, counts } = await buildSnapshot();
  logger.info('open-data snapshot built', { created, counts });
};
