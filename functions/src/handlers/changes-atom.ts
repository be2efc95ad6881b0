import { routeHandler } from '../http/route-handler.ts';
import { atomChangeFeed } from '../services/changes.ts';

export const handler = routeHandler('GET /v1/changes.atom', async ({ query }) => ({
  statusCode: 200,
  headers: { 'content-type': 'application/atom+xml; charset=utf-8' },
  body: await atomChangeFeed(query),
}));
