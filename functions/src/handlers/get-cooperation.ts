import { json, routeHandler } from '../http/route-handler.ts';
import { getCooperation } from '../services/cooperations.ts';

export const handler = routeHandler('GET /v1/actions/{slug}/cooperations/{id}', async ({ params, caller }) =>
  json(200, await getCooperation(caller, params.slug, params.id)),
);
