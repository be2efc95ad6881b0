import { json, routeHandler } from '../http/route-handler.ts';
import { listCooperationUpdates } from '../services/cooperations.ts';

export const handler = routeHandler('GET /v1/actions/{slug}/cooperations/{id}/updates', async ({ params, query }) =>
  json(200, await listCooperationUpdates(params.slug, params.id, query)),
);
