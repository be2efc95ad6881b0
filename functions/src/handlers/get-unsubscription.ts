import { json, routeHandler } from '../http/route-handler.ts';
import { unsubscription } from '../services/settings.ts';

export const handler = routeHandler('GET /v1/unsubscribe', async ({ query }) => json(200, await unsubscription(query)));
