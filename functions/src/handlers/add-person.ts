import { idempotentRouteHandler } from '../http/idempotency.ts';
import { json } from '../http/route-handler.ts';
import { addPerson } from '../services/organisations.ts';

export const handler = idempotentRouteHandler(
  'POST /v1/organisations/{id}/people',
  async ({ params, body, caller }) => json(201, await addPerson(caller, params.id, body)),
);
