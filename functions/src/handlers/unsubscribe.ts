import { idempotentRouteHandler } from '../http/idempotency.ts';
import { json } from '../http/route-handler.ts';
import { unsubscribe } from '../services/settings.ts';

export const handler = idempotentRouteHandler('POST /v1/unsubscribe', async ({ query }) => json(200, await unsubscribe(query)));
