import { json, routeHandler } from '../http/route-handler.ts';
import { blockOrganisation } from '../services/cooperations.ts';

export const handler = routeHandler(
  'PUT /v1/organisations/{id}/blocks/{organisationId}',
  async ({ params, caller }) => json(200, await blockOrganisation(caller, params.id, params.organisationId)),
);
