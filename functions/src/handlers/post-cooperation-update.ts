import { idempotentRouteHandler } from '../http/idempotency.ts';
import { json } from '../http/route-handler.ts';
import { postCooperationUpdate } from '../services/cooperations.ts';

export const handler = idempotentRouteHandler(
  'POST /v1/actions/{slug}/cooperations/{id}/updates',
  async ({ params, body, caller }) => json(201, await postCooperationUpdate(caller, params.slug, params.id, body)),
);
