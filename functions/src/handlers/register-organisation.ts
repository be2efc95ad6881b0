import { json, routeHandler } from '../http/route-handler.ts';
import { registerOrganisation } from '../services/organisations.ts';

export const handler = routeHandler('POST /v1/organisations', async ({ body, caller }) => {
  const organisation = await registerOrganisation(caller, body);
  return json(201, organisation, { location: `/v1/organisations/${organisation.id}` });
});
