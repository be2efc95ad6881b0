import { json, routeHandler } from '../http/route-handler.ts';
import { listActionAgenda } from '../services/agenda.ts';

export const handler = routeHandler('GET /v1/actions/{slug}/agenda', async ({ params, query }) =>
  json(200, await listActionAgenda(params.slug, query)),
);
