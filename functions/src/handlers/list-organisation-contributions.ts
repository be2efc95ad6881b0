import { json, routeHandler } from '../http/route-handler.ts';
import { listOrganisationContributions } from '../services/organisations.ts';

export const handler = routeHandler('GET /v1/organisations/{id}/contributions', async ({ params, query, caller }) =>
  json(200, await listOrganisationContributions(caller, params.id, query)),
);
