import { idempotentRouteHandler } from '../http/idempotency.ts';
import { json } from '../http/route-handler.ts';
import { verifyOrganisation } from '../services/organisations.ts';

export const handler = idempotentRouteHandler('POST /v1/organisations/{id}/verification', async ({ params, body, caller }) =>
  json(200, await verifyOrganisation(caller, params.id, body)),
);
