import { idempotentRouteHandler } from '../http/idempotency.ts';
import { json } from '../http/route-handler.ts';
import { registerOrganisation } from '../services/organisations.ts';

export const handler = idempotentRouteHandler('POST /v1/organisations', async ({ body, caller }) => {
  const organisation = await registerOrganisation(caller, body);
  return json(201, organisation, { location: `/v1/organisations/${organisation.id}` });
});
