import { json, routeHandler } from '../http/route-handler.ts';
import { getSettings } from '../services/settings.ts';

export const handler = routeHandler('GET /v1/me/settings', async ({ caller }) => json(200, await getSettings(caller)));
