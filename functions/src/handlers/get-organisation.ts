import { json, routeHandler } from '../http/route-handler.ts';
import { viewOrganisation } from '../services/coalitions.ts';

export const handler = routeHandler('GET /v1/organisations/{id}', async ({ params, caller }) =>
  json(200, await viewOrganisation(caller, params.id)),
);
