import { json, routeHandler } from '../http/route-handler.ts';
import { getAction } from '../services/actions.ts';

export const handler = routeHandler('GET /v1/actions/{slug}', async ({ params }) =>
  json(200, await getAction(params.slug)),
);
