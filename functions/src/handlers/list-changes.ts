import { json, routeHandler } from '../http/route-handler.ts';
import { jsonChangeFeed } from '../services/changes.ts';

export const handler = routeHandler('GET /v1/changes', async ({ query }) =>
  json(200, await jsonChangeFeed(query), { 'content-type': 'application/feed+json; charset=utf-8' }),
);
