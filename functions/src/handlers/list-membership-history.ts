import { json, routeHandler } from '../http/route-handler.ts';
import { listHistory } from '../services/coalitions.ts';

export const handler = routeHandler('GET /v1/actions/{slug}/history', async ({ params, query }) =>
  json(200, await listHistory(params.slug, query)),
);
