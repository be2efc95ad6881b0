import { json, routeHandler } from '../http/route-handler.ts';
import { listNotifications } from '../services/notifications.ts';

export const handler = routeHandler('GET /v1/me/notifications', async ({ query, caller }) => json(200, await listNotifications(caller, query)));
