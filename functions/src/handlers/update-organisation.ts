import { json, routeHandler } from '../http/route-handler.ts';
import { updateOrganisation } from '../services/organisations.ts';

export const handler = routeHandler(
  'PATCH /v1/organisations/{id}',
  async ({ params, body, caller }) => json(200, await updateOrganisation(caller, params.id, body)),
);
