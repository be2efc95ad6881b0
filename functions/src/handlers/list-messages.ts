import { json, routeHandler } from '../http/route-handler.ts';
import { listMessages } from '../services/cooperations.ts';

export const handler = routeHandler('GET /v1/actions/{slug}/cooperations/{id}/messages', async ({ params, query, caller }) =>
  json(200, await listMessages(caller, params.slug, params.id, query)),
);
