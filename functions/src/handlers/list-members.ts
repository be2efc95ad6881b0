import { json, routeHandler } from '../http/route-handler.ts';
import { listMembers } from '../services/coalitions.ts';

export const handler = routeHandler('GET /v1/actions/{slug}/members', async ({ params, caller }) =>
  json(200, await listMembers(caller, params.slug)),
);
