import { json, routeHandler } from '../http/route-handler.ts';
import { verifyOrganisation } from '../services/organisations.ts';

export const handler = routeHandler('POST /v1/organisations/{id}/verification', async ({ params, caller }) =>
  json(200, await verifyOrganisation(caller, params.id)),
);
