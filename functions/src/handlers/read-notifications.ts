import { idempotentRouteHandler } from '../http/idempotency.ts';
import { json } from '../http/route-handler.ts';
import { readNotifications } from '../services/notifications.ts';

export const handler = idempotentRouteHandler('POST /v1/me/notifications/read', async ({ body, caller }) => json(200, await readNotifications(caller, body)));
