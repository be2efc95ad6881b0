import { idempotentRouteHandler } from '../http/idempotency.ts';
import { json } from '../http/route-handler.ts';
import { withdrawVerification } from '../services/organisations.ts';

export const handler = idempotentRouteHandler('POST /v1/organisations/{id}/verification/withdrawal', async ({ params, body, caller }) =>
  json(200, await withdrawVerification(caller, params.id, body)),
);
