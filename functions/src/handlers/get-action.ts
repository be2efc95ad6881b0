import { json, routeHandler } from '../http/route-handler.ts';
import { viewAction } from '../services/actions.ts';

export const handler = routeHandler('GET /v1/actions/{slug}', async ({ params, caller }) =>
  json(200, await viewAction(caller, params.slug)),
);
