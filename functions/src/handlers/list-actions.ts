import { json, routeHandler } from '../http/route-handler.ts';
import { listActions } from '../services/actions.ts';

export const handler = routeHandler('GET /v1/actions', async ({ query }) =>
  json(200, await listActions(query.theme)),
);
