import { idempotentRouteHandler } from '../http/idempotency.ts';
import { json } from '../http/route-handler.ts';
import { createAction } from '../services/actions.ts';

export const handler = idempotentRouteHandler('POST /v1/actions', async ({ body, caller }) => {
  const action = await createAction(caller, body);
  return json(201, action, { location: `/v1/actions/${action.slug}` });
});
