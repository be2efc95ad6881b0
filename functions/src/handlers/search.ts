import { json, routeHandler } from '../http/route-handler.ts';
import { search } from '../services/search.ts';

export const handler = routeHandler('GET /v1/search', async ({ query }) =>
  json(200, await search(query)),
);
