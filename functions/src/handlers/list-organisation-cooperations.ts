import { json, routeHandler } from '../http/route-handler.ts';
import { listOrganisationCooperations } from '../services/cooperations.ts';

export const handler = routeHandler('GET /v1/organisations/{id}/cooperations', async ({ params, query, caller }) =>
  json(200, await listOrganisationCooperations(caller, params.id, query)),
);
