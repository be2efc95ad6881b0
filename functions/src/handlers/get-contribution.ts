import { json, routeHandler } from '../http/route-handler.ts';
import { getContribution } from '../services/contributions.ts';

export const handler = routeHandler('GET /v1/actions/{slug}/contributions/{id}', async ({ params, caller }) =>
  json(200, await getContribution(caller, params.slug, params.id)),
);
