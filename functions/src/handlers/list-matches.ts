import { json, routeHandler } from '../http/route-handler.ts';
import { matchesOf } from '../services/matches.ts';

export const handler = routeHandler('GET /v1/actions/{slug}/contributions/{id}/matches', async ({ params, query }) =>
  json(200, await matchesOf(params.slug, params.id, query)),
);
