import { json, routeHandler } from '../http/route-handler.ts';
import { listContributions } from '../services/contributions.ts';

export const handler = routeHandler(
  'GET /v1/actions/{slug}/contributions',
  async ({ params, query, caller }) => json(200, await listContributions(caller, params.slug, query)),
);
