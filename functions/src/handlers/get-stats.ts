import { json, routeHandler } from '../http/route-handler.ts';
import { getStats } from '../services/stats.ts';

export const handler = routeHandler('GET /v1/stats', async () => json(200, await getStats()));
